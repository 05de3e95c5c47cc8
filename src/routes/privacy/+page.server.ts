import { config } from '$lib/server/config';
import { DRAFT_RETENTION_MONTHS, PRIVACY_NOTICE_VERSION } from '$lib/server/assessment/privacy';

export const load = () => ({
	/** The operator named by the deployment (OPERATOR_NAME, OPERATOR_CONTACT), if it set them. */
	operator: config().operator,
	version: PRIVACY_NOTICE_VERSION,
	retentionMonths: DRAFT_RETENTION_MONTHS,
	minGroupSize: config().minGroupSize
});
