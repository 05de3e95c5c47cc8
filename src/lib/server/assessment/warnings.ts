import { createTranslator } from '$lib/i18n';
import { formatNumber } from '$lib/i18n/format';
import type { Locale } from '$lib/i18n/locales';
import { formatAmount } from '$lib/i18n/number';
import { plausibilityWarnings, type WarningCode } from '$lib/carbon/plausibility';
import { localize } from '$lib/questionnaire/localize';
import type { Questionnaire } from '$lib/questionnaire/schema';
import { allQuestions, type Answers } from '$lib/questionnaire/visibility';
import { catalogue } from '../content';

/** A figure that looks wrong, worded for the reader: shown beside the field and returned by the API. */
export interface AnswerWarning {
	question: string;
	code: WarningCode;
	/** What looks wrong and, where a slip is likely, "Did you mean 12,000?" in the reader's language. */
	message: string;
}

/**
 * The plausibility warnings of a draft's answers in the reader's language. `typed` is the text of the fields as
 * submitted in a form, which catches a figure typed in the other language's style; `only` limits them to one step's
 * questions. A warning never stops a save: the figure is kept as typed.
 */
export async function answerWarnings(
	questionnaire: Questionnaire,
	answers: Answers,
	locale: Locale,
	options: { typed?: Record<string, string>; only?: string[] } = {}
): Promise<AnswerWarning[]> {
	const factors = catalogue().emissionFactors;
	if (!factors) return [];
	// Only a figure can look wrong: a step without one answered (most steps) has nothing to check.
	if (options.only && !options.only.some((id) => typeof answers[id] === 'number')) return [];
	const found = plausibilityWarnings(questionnaire, answers, {
		factors,
		typed: options.typed && { locale, text: options.typed }
	}).filter((warning) => !options.only || options.only.includes(warning.question));
	if (found.length === 0) return [];
	const t = await createTranslator(locale);
	const questions = new Map(allQuestions(questionnaire).map((question) => [question.id, question]));
	return found.map(({ question, code, values, suggestion }) => {
		const definition = questions.get(question);
		const unit = definition?.type === 'number' ? localize(definition.unit, locale) : undefined;
		const shown = Object.fromEntries(
			Object.entries(values).map(([key, value]) => [
				key,
				// The figure as read carries its unit, like the echo beside the field.
				key === 'read' ? formatAmount(locale, value, unit) : formatNumber(locale, value)
			])
		);
		const message = t(`warning.${code}`, shown);
		const meant =
			suggestion === undefined
				? ''
				: ` ${t('warning.did_you_mean', { value: formatAmount(locale, suggestion, unit) })}`;
		return { question, code, message: `${message}${meant}` };
	});
}
