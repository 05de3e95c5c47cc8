import { json } from '@sveltejs/kit';
import { z } from 'zod';
import { apiError, handleApi, readJson, readQuery } from '$lib/server/http/api';
import {
	answerIssues,
	answersBody,
	warningsBody,
	openOr404,
	resultsBody
} from '$lib/server/http/api-assessments';
import * as assessmentService from '$lib/server/assessment/assessment-service';
import { answerWarnings } from '$lib/server/assessment/warnings';
import { storedVsme } from '$lib/server/assessment/vsme-view';

const noStore = { 'cache-control': 'no-store' };

export async function GET({ params, locals }) {
	const found = await openOr404(params.token, locals.locale);
	if ('response' in found) return found.response;
	const { assessment } = found.opened;
	return json(
		{
			status: assessment.status,
			answers: assessment.answers,
			...(assessment.result
				? { results: resultsBody(assessment.result, storedVsme(found.opened)) }
				: {}),
			/** The firm's submitted assessments across its re-assessment chain, oldest first. */
			history: await assessmentService.history(found.opened)
		},
		{ headers: noStore }
	);
}

const patchBody = z.strictObject({ answers: answersBody });

/**
 * Merges answers into a draft; null clears one. Nothing changes when any answer is refused. Figures that look wrong
 * for the firm are saved as sent and come back as `warnings` (`[]` when none).
 */
export async function PATCH({ params, request, locals }) {
	return handleApi(locals.locale, async () => {
		const found = await openOr404(params.token, locals.locale);
		if ('response' in found) return found.response;
		const body = await readJson(request, patchBody, locals.locale);
		const outcome = await assessmentService.saveAnswers(found.opened, body.answers);
		if (outcome.ok) {
			const warnings = await answerWarnings(
				found.opened.questionnaire,
				outcome.answers,
				locals.locale
			);
			return json(
				{ status: 'draft', answers: outcome.answers, warnings: warningsBody(warnings) },
				{ headers: noStore }
			);
		}
		if (outcome.reason === 'submitted') return apiError(409, 'already_submitted', locals.locale);
		return apiError(
			400,
			'invalid_answers',
			locals.locale,
			await answerIssues(outcome.issues, locals.locale)
		);
	});
}

/** `?scope=this` (the default) erases this assessment; `?scope=all` every assessment of its re-assessment chain. */
const deleteQuery = z.object({ scope: z.enum(['this', 'all']).default('this') });

/** The SME erases its assessment for good (KVKK art. 7: deletion at the data subject's request). */
export async function DELETE({ params, locals, url }) {
	return handleApi(locals.locale, async () => {
		const found = await openOr404(params.token, locals.locale);
		if ('response' in found) return found.response;
		const query = readQuery(url, deleteQuery, locals.locale);
		await assessmentService.erase(found.opened, query.scope);
		return new Response(null, { status: 204, headers: noStore });
	});
}
