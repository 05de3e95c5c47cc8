import { json } from '@sveltejs/kit';
import { z } from 'zod';
import { locales } from '$lib/i18n/locales';
import { checkAnswers, mergeAnswers } from '$lib/questionnaire/answers';
import { apiError, handleApi, readJson } from '$lib/server/api';
import { answerIssues, answersBody } from '$lib/server/api-assessments';
import * as assessmentService from '$lib/server/assessment-service';
import { db } from '$lib/server/db';
import * as campaigns from '$lib/server/db/campaigns';
import { catalogue } from '$lib/server/questionnaires';

const createBody = z.strictObject({
	questionnaire: z.string().max(100),
	locale: z.enum(locales),
	/** A campaign's share code: attributes the assessment to that campaign's chamber. */
	campaign: z.string().max(100).optional(),
	answers: answersBody.optional()
});

/** Starts an assessment; the token in the answer is the only key to it. */
export async function POST({ request, locals }) {
	return handleApi(locals.locale, async () => {
		const body = await readJson(request, createBody, locals.locale);
		const questionnaire = catalogue().questionnaires.get(body.questionnaire);
		if (!questionnaire) return apiError(404, 'questionnaire_not_found', locals.locale);
		const campaign =
			body.campaign === undefined ? undefined : await campaigns.findByCode(db(), body.campaign);
		if (body.campaign !== undefined && campaign?.questionnaireId !== questionnaire.id)
			return apiError(404, 'campaign_not_found', locals.locale);
		if (campaign && campaigns.campaignState(campaign) !== 'open')
			return apiError(409, 'campaign_closed', locals.locale);
		const { changes, issues } = checkAnswers(questionnaire, body.answers ?? {});
		if (issues.length > 0) {
			return apiError(
				400,
				'invalid_answers',
				locals.locale,
				await answerIssues(issues, locals.locale)
			);
		}
		const token = await assessmentService.start({
			locale: body.locale,
			questionnaireId: questionnaire.id,
			campaignId: campaign?.id,
			chamberId: campaign?.chamber.id,
			answers: mergeAnswers({}, changes)
		});
		return json(
			{ token, status: 'draft' },
			{ status: 201, headers: { 'cache-control': 'no-store' } }
		);
	});
}
