import { error, fail, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { missingRequired } from '$lib/questionnaire/answers';
import * as assessmentService from '$lib/server/assessment/assessment-service';
import { describeMissing } from '$lib/server/assessment/messages';
import { reviewSteps } from '$lib/server/assessment/review-view';
import { readForm } from '$lib/server/http/form';

export const load = async ({ params, locals }) => {
	const opened = await assessmentService.openForRequest(locals, params.token);
	if (!opened) error(404, 'Not Found');
	if (opened.assessment.status === 'submitted')
		redirect(303, `/assessment/${params.token}/results`);
	const missing = missingRequired(opened.questionnaire, opened.assessment.answers);
	const campaign = await assessmentService.campaignOf(opened.assessment);
	return {
		/** Every shown question's answer by step, with its warning: what will be scored, each with a link back. */
		answerSteps: await reviewSteps(opened, locals.locale),
		/** Required questions still unanswered, each with a link target. */
		missing: describeMissing(opened.questionnaire, missing, locals.locale),
		/** The chamber whose open campaign this assessment came through: it is asked for consent to share identity. */
		chamberName: campaign?.open ? campaign.campaign.chamber.name : null,
		/** A re-assessment asks again, with no default, showing what the firm answered last time; null otherwise. */
		previousConsent: campaign?.open
			? ((await assessmentService.previousConsent(opened)) ?? null)
			: null,
		/** The campaign it was started in but that has closed since: submitting will not count for its chamber. */
		closedCampaign:
			campaign && !campaign.open && campaign.campaign.closesAt
				? {
						name: campaign.campaign.name,
						chamberName: campaign.campaign.chamber.name,
						closedAt: campaign.campaign.closesAt
					}
				: null
	};
};

/** The consent field: a ticked box or the "yes" radio, the "no" radio, or nothing chosen. */
const shareAnswer = z.enum(['yes', 'no']).optional().catch(undefined);

function shareIdentity(value: FormDataEntryValue | null): boolean | undefined {
	const answer = shareAnswer.parse(value ?? undefined);
	return answer === undefined ? undefined : answer === 'yes';
}

export const actions = {
	/** Scores and freezes the assessment; a second submit (double click, retry) lands on the same results. */
	submit: async ({ params, locals, request }) => {
		const opened = await assessmentService.open(params.token);
		if (!opened) error(404, 'Not Found');
		const form = await readForm(request);
		const outcome = await assessmentService.submit(opened, {
			shareIdentity: shareIdentity(form.get('share_identity'))
		});
		if (!outcome.ok) {
			return fail(400, {
				missing: describeMissing(opened.questionnaire, outcome.missing, locals.locale),
				consentRequired: outcome.consentRequired
			});
		}
		redirect(303, `/assessment/${params.token}/results`);
	}
};
