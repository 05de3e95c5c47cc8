import type { Questionnaire } from '../../src/lib/questionnaire/schema';
import { randomAnswers, seededRandom } from '../../tests/fixtures/answers';

/** Starts an assessment through the public API and returns its token. */
export async function createAssessment(base: string): Promise<string> {
	const response = await fetch(`${base}/api/v1/assessments`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({ questionnaire: 'green-deal-readiness', locale: 'tr' })
	});
	return ((await response.json()) as { token: string }).token;
}

/** A submitted assessment with random complete answers, for measuring the results page. */
export async function createSubmitted(base: string, questionnaire: Questionnaire): Promise<string> {
	const token = await createAssessment(base);
	const answers = randomAnswers(questionnaire, seededRandom(7));
	await fetch(`${base}/api/v1/assessments/${token}`, {
		method: 'PATCH',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({ answers })
	});
	await fetch(`${base}/api/v1/assessments/${token}/submit`, { method: 'POST' });
	return token;
}
