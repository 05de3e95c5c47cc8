import { error, fail, redirect } from '@sveltejs/kit';
import * as auditLog from '$lib/server/db/audit-log';
import { PROFILE_STEP } from '$lib/questionnaire/steps';
import { db } from '$lib/server/db';
import * as assessments from '$lib/server/db/assessments';
import * as assessmentService from '$lib/server/assessment-service';
import { resultsView } from '$lib/server/results-view';
import { readForm } from '$lib/server/form';

export const load = async ({ params, locals }) => {
	const opened = await assessmentService.openForRequest(locals, params.token);
	if (!opened) error(404, 'Not Found');
	const { assessment } = opened;
	if (assessment.status !== 'submitted' || !assessment.result) {
		redirect(303, `/assessment/${params.token}/review`);
	}
	// The chamber's logo is for the printed report; the page only names the chamber.
	const { chamber, ...view } = await resultsView(opened, locals.locale);
	return {
		...view,
		/** The campaign's chamber and whether the SME agreed to share its identity with it. */
		sharing: chamber
			? {
					chamberName: chamber.name,
					consented: assessment.consentShareIdentity,
					consentAt: assessment.consentAt
				}
			: null
	};
};

export const actions = {
	/** Starts a new assessment pre-filled with these answers; its results will show the change since this one. */
	reassess: async ({ params, locals }) => {
		const opened = await assessmentService.open(params.token);
		if (!opened) error(404, 'Not Found');
		const { assessment } = opened;
		const token = await assessmentService.start({
			locale: locals.locale,
			questionnaireId: assessment.questionnaireId,
			answers: assessment.answers,
			campaignId: assessment.campaignId,
			chamberId: assessment.chamberId,
			previousId: assessment.id
		});
		redirect(303, `/assessment/${token}/${PROFILE_STEP}`);
	},

	/** Withdraws the consent to share the firm's identity with the campaign's chamber. */
	withdrawConsent: async ({ params }) => {
		const opened = await assessmentService.open(params.token);
		if (!opened) error(404, 'Not Found');
		await assessments.withdrawConsent(db(), opened.assessment.id);
		return { consentWithdrawn: true };
	},

	/** Erases the assessment for good, after an explicit confirmation. */
	delete: async ({ params, request }) => {
		const opened = await assessmentService.open(params.token);
		if (!opened) error(404, 'Not Found');
		const form = await readForm(request);
		if (form.get('confirm') !== 'yes') return fail(400, { deleteUnconfirmed: true });
		await assessments.remove(db(), opened.assessment.id);
		await auditLog.record(db(), {
			actor: 'anonymous',
			action: 'assessment.delete',
			target: opened.assessment.id
		});
		redirect(303, '/?deleted=1');
	}
};
