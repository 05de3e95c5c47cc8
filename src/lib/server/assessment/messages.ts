import type { AnswerIssue } from '$lib/questionnaire/answers';
import { createTranslator } from '$lib/i18n';
import { formatNumber } from '$lib/i18n/format';
import type { Locale } from '$lib/i18n/locales';
import { localize } from '$lib/questionnaire/localize';
import type { Questionnaire } from '$lib/questionnaire/schema';
import { stepsOf } from '$lib/questionnaire/steps';

/*
 * The problems an assessment's answers can have, as messages for the reader: the pages show them beside the
 * questions and the API returns them as issues, so both say the same thing.
 */

/** Each refused answer's message in the reader's language, keyed by question id. */
export async function describeIssues(
	issues: AnswerIssue[],
	locale: Locale
): Promise<Record<string, string>> {
	const t = await createTranslator(locale);
	return Object.fromEntries(
		issues.map((issue) => {
			const values = Object.fromEntries(
				Object.entries(issue.values ?? {}).map(([key, value]) => [key, formatNumber(locale, value)])
			);
			return [issue.question, t(`answer.${issue.code}`, values)];
		})
	);
}

/** Unanswered required questions with their text and the step that asks them, for links back and API issues. */
export function describeMissing(questionnaire: Questionnaire, ids: string[], locale: Locale) {
	const steps = stepsOf(questionnaire);
	const located = new Map(
		steps.flatMap((step) =>
			step.questions.map((question) => [question.id, { step: step.id, question }])
		)
	);
	return ids.map((id) => {
		const { step, question } = located.get(id)!;
		return { id, step, text: localize(question.text, locale) };
	});
}
