import { expect, type APIRequestContext } from '@playwright/test';

interface QuestionView {
	id: string;
	type: string;
	required: boolean;
	options?: { id: string; exclusive?: boolean }[];
	min?: number;
	showIf?: unknown;
}

export const QUESTIONNAIRE = 'green-deal-readiness';

/** A complete answer set built from the published definition: the first option of everything. */
export async function completeAnswers(request: APIRequestContext) {
	const definition = await (
		await request.get(`/api/v1/questionnaires/${QUESTIONNAIRE}?lang=en`)
	).json();
	const questions: QuestionView[] = [
		...definition.profile.questions,
		...definition.themes.flatMap((theme: { questions: QuestionView[] }) => theme.questions)
	];
	const answers: Record<string, unknown> = {};
	for (const question of questions) {
		if (question.type === 'single') answers[question.id] = question.options![0].id;
		if (question.type === 'multi')
			answers[question.id] = [question.options!.find((o) => !o.exclusive)!.id];
		if (question.type === 'scale') answers[question.id] = 2;
		if (question.type === 'yesno') answers[question.id] = true;
		if (question.type === 'number') answers[question.id] = question.min ?? 0;
	}
	return answers;
}

/** A complete assessment submitted through the API in a chamber's campaign; returns its token. */
export async function submitInCampaign(
	request: APIRequestContext,
	campaign: string,
	firm: {
		company?: string;
		email?: string;
		consent?: boolean;
		/** More answers, such as the optional energy figures. */
		answers?: Record<string, unknown>;
	} = {}
): Promise<string> {
	const answers = { ...(await completeAnswers(request)), ...firm.answers };
	if (firm.company) answers.company_name = firm.company;
	if (firm.email) answers.contact_email = firm.email;
	const created = await request.post('/api/v1/assessments', {
		data: { questionnaire: QUESTIONNAIRE, locale: 'tr', campaign, answers }
	});
	expect(created.status()).toBe(201);
	const { token } = (await created.json()) as { token: string };
	const submitted = await request.post(`/api/v1/assessments/${token}/submit`, {
		data: { consentShareIdentity: firm.consent === true }
	});
	expect(submitted.status()).toBe(200);
	return token;
}

/** What a firm lists in the symbiosis exchange, as `PUT /api/v1/assessments/<token>/symbiosis` takes it. */
export interface Listing {
	offers: { category: string; quantityPerYear: number; unit: 't' | 'm3' | 'MWh' | 'piece' }[];
	needs: { category: string; quantityPerYear: number; unit: 't' | 'm3' | 'MWh' | 'piece' }[];
	consentIntroduce: boolean;
}

/** Lists a firm's offers and needs through the firm's own API, as a chamber's member system would. */
export async function putListing(request: APIRequestContext, token: string, listing: Listing) {
	const response = await request.put(`/api/v1/assessments/${token}/symbiosis`, { data: listing });
	expect(response.status()).toBe(200);
}
