import { json } from '@sveltejs/kit';
import { z } from 'zod';
import { locales, type Locale } from '$lib/i18n/locales';
import { checkAnswers, mergeAnswers } from '$lib/questionnaire/answers';
import { apiError, handleApi, readJson } from '$lib/server/http/api';
import { answerIssues, answersBody } from '$lib/server/http/api-assessments';
import * as assessmentService from '$lib/server/assessment/assessment-service';
import * as campaigns from '$lib/server/chamber/campaign-service';
import { idempotencyKey } from '$lib/server/assessment/idempotency';
import { catalogue } from '$lib/server/content';

const createBody = z.strictObject({
	questionnaire: z.string().max(100),
	locale: z.enum(locales),
	/** A campaign's share code: attributes the assessment to that campaign's chamber. */
	campaign: z.string().max(100).optional(),
	answers: answersBody.optional()
});

/** The answer to a create, and to every replay of it under the same Idempotency-Key. */
function created(token: string): Response {
	return json(
		{ token, status: 'draft' },
		{ status: 201, headers: { 'cache-control': 'no-store' } }
	);
}

/** What an earlier create with this Idempotency-Key answered: the same token, or 422 for another body under it. */
async function replayed(key: string, body: unknown, locale: Locale): Promise<Response | undefined> {
	const earlier = await assessmentService.replayStart(key, body);
	if (earlier === 'conflict') return apiError(422, 'idempotency_key_reused', locale);
	return earlier === undefined ? undefined : created(earlier);
}

/**
 * Starts an assessment; the token in the answer is the only key to it. With an `Idempotency-Key` header, a retry
 * within 24 hours gets the same token back (201, as the first time) rather than a second assessment.
 */
export async function POST({ request, locals }) {
	return handleApi(locals.locale, async () => {
		const key = idempotencyKey(request);
		const body = await readJson(request, createBody, locals.locale);
		const replay = key && (await replayed(key, body, locals.locale));
		if (replay) return replay;
		const questionnaire = catalogue().questionnaires.get(body.questionnaire);
		if (!questionnaire) return apiError(404, 'questionnaire_not_found', locals.locale);
		const campaign =
			body.campaign === undefined ? undefined : await campaigns.campaignByCode(body.campaign);
		if (body.campaign !== undefined && campaign?.questionnaireId !== questionnaire.id)
			return apiError(404, 'campaign_not_found', locals.locale);
		if (campaign && campaign.state !== 'open')
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
		const options = {
			locale: body.locale,
			questionnaireId: questionnaire.id,
			campaignId: campaign?.id,
			chamberId: campaign?.chamber.id,
			answers: mergeAnswers({}, changes)
		};
		if (!key) return created(await assessmentService.start(options));
		const token = await assessmentService.startOnce(options, key, body);
		if (token) return created(token);
		// Another request with the same key won the race; it has committed, so its answer is there.
		const winner = await replayed(key, body, locals.locale);
		if (!winner) throw new Error('an Idempotency-Key was taken but has no record');
		return winner;
	});
}
