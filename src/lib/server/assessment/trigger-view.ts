import type { Translate } from '$lib/i18n';
import type { Locale } from '$lib/i18n/locales';
import { answerText, answerWords } from '$lib/questionnaire/answer-text';
import { localize } from '$lib/questionnaire/localize';
import type { Questionnaire, Recommendation } from '$lib/questionnaire/schema';
import type { Answers } from '$lib/questionnaire/visibility';
import type { Trigger } from '$lib/scoring/recommend';
import type { ThemeResult } from '$lib/scoring/theme-result';

/** Why a recommendation is there, in the reader's language: the question and the answer given, or the theme score. */
export type TriggerView = { question: string; answer: string } | { theme: string; score: number };

/**
 * The trigger of a recommendation as the results show it. Results submitted before triggers were stored lack one:
 * it is then read again from the recommendation's rule and the stored answers (or theme scores). Null when neither
 * says anything (a recommendation removed from the questionnaire since, an answer no longer valid).
 */
export function triggerView(
	stored: Trigger | undefined,
	definition: Recommendation | undefined,
	context: {
		questionnaire: Questionnaire;
		answers: Answers;
		themes: ThemeResult[];
		locale: Locale;
		t: Translate;
	}
): TriggerView | null {
	const { questionnaire, locale, t } = context;
	const trigger = stored ?? triggerFromRule(definition, context.answers, context.themes);
	if (!trigger) return null;
	if ('theme' in trigger) {
		const theme = questionnaire.themes.find((candidate) => candidate.id === trigger.theme);
		if (!theme) return null;
		return { theme: localize(theme.title, locale), score: trigger.score };
	}
	const question = questionnaire.themes
		.flatMap((theme) => theme.questions)
		.find((candidate) => candidate.id === trigger.question);
	if (!question) return null;
	const answer = answerText(question, trigger.answer, {
		locale,
		words: answerWords(t),
		provinces: []
	});
	return answer ? { question: localize(question.text, locale), answer } : null;
}

/** What the rule of a recommendation reads today, for results stored without their trigger. */
function triggerFromRule(
	definition: Recommendation | undefined,
	answers: Answers,
	themes: ThemeResult[]
): Trigger | undefined {
	const when = definition?.when;
	if (!when) return undefined;
	if ('question' in when) {
		const answer = answers[when.question];
		return answer === undefined ? undefined : { question: when.question, answer };
	}
	const score = themes.find((theme) => theme.id === when.theme)?.score;
	return score === undefined || score === null ? undefined : { theme: when.theme, score };
}
