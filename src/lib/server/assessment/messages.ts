import type { Locale } from '$lib/i18n/locales';
import { localize } from '$lib/questionnaire/localize';
import type { Questionnaire } from '$lib/questionnaire/schema';
import { stepsOf } from '$lib/questionnaire/steps';

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
