import { config } from '$lib/server/config';
import { DRAFT_RETENTION_MONTHS, PRIVACY_NOTICE_VERSION } from '$lib/server/assessment/privacy';

// A page to read, with nothing that needs a script: it sends none, as the landing page does.
export const csr = false;

export const load = () => ({
	/** The operator named by the deployment (OPERATOR_NAME, OPERATOR_CONTACT), if it set them. */
	operator: config().operator,
	version: PRIVACY_NOTICE_VERSION,
	retentionMonths: DRAFT_RETENTION_MONTHS,
	minGroupSize: config().minGroupSize
});
