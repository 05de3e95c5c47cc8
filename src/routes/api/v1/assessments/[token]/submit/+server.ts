import { json } from '@sveltejs/kit';
import { z } from 'zod';
import { createTranslator } from '$lib/i18n';
import { describeMissing } from '$lib/server/assessment/messages';
import { apiError, handleApi, readJson } from '$lib/server/http/api';
import { openOr404, resultsBody } from '$lib/server/http/api-assessments';
import * as assessmentService from '$lib/server/assessment/assessment-service';

/**
 * The optional body: whether a campaign's SME agrees to share its identity with the chamber (default: no, except
 * that a re-assessment in an open campaign must answer, as the page asks it to).
 */
const submitBody = z.strictObject({ consentShareIdentity: z.boolean().optional() });

/**
 * Scores and freezes the assessment. Idempotent: a retry or replay, with or without the same Idempotency-Key,
 * returns the same results; 422 lists the required answers still missing. For an assessment started in a campaign,
 * `campaign` says whether it counts there: `{ attributed: false, reason: 'closed' }` once the campaign has closed.
 */
export async function POST({ params, locals, request }) {
	return handleApi(locals.locale, async () => {
		const found = await openOr404(params.token, locals.locale);
		if ('response' in found) return found.response;
		const body = request.headers.has('content-type')
			? await readJson(request, submitBody, locals.locale)
			: {};
		const outcome = await assessmentService.submit(found.opened, {
			shareIdentity: body.consentShareIdentity
		});
		if (!outcome.ok) {
			const missing = describeMissing(found.opened.questionnaire, outcome.missing, locals.locale);
			const t = await createTranslator(locals.locale);
			return apiError(
				422,
				missing.length > 0 ? 'missing_answers' : 'consent_required',
				locals.locale,
				[
					...missing.map((question) => ({
						path: `answers.${question.id}`,
						message: t('api.answer_required', { question: question.text })
					})),
					...(outcome.consentRequired
						? [{ path: 'consentShareIdentity', message: t('api.consent_choice_required') }]
						: [])
				]
			);
		}
		return json(
			{
				results: resultsBody(outcome.result, outcome.result.vsme ?? null),
				// Whether the campaign it was started in counts it: not once that campaign has closed.
				...(outcome.campaign ? { campaign: outcome.campaign } : {})
			},
			{ headers: { 'cache-control': 'no-store' } }
		);
	});
}
