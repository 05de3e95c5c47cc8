import { error, fail, redirect } from '@sveltejs/kit';
import { missingRequired } from '$lib/questionnaire/answers';
import * as assessmentService from '$lib/server/assessment-service';
import { describeMissing } from '$lib/server/missing';

export const load = async ({ params, locals }) => {
	const opened = await assessmentService.openForRequest(locals, params.token);
	if (!opened) error(404, 'Not Found');
	if (opened.assessment.status === 'submitted')
		redirect(303, `/assessment/${params.token}/results`);
	const missing = missingRequired(opened.questionnaire, opened.assessment.answers);
	return {
		/** Required questions still unanswered, each with a link target. */
		missing: describeMissing(opened.questionnaire, missing, locals.locale)
	};
};

export const actions = {
	/** Scores and freezes the assessment; a second submit (double click, retry) lands on the same results. */
	submit: async ({ params, locals }) => {
		const opened = await assessmentService.open(params.token);
		if (!opened) error(404, 'Not Found');
		const outcome = await assessmentService.submit(opened);
		if (!outcome.ok) {
			return fail(400, {
				missing: describeMissing(opened.questionnaire, outcome.missing, locals.locale)
			});
		}
		redirect(303, `/assessment/${params.token}/results`);
	}
};
