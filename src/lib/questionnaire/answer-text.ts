import type { Translate } from '../i18n';
import { formatNumber } from '../i18n/format';
import type { Locale } from '../i18n/locales';
import { formatAmount } from '../i18n/number';
import { NOT_APPLICABLE, SCORE_MAX } from './constants';
import { localize } from './localize';
import type { Province, Question } from './schema';
import type { AnswerValue } from './visibility';

/** The interface words an answer may need, in the reader's language. */
export interface AnswerWords {
	yes: string;
	no: string;
	notApplicable: string;
}

/** The words an answer may need, in the language of `t`: the same "Yes" on the review page, a card and the PDF. */
export function answerWords(t: Translate): AnswerWords {
	return {
		yes: t('question.yes'),
		no: t('question.no'),
		notApplicable: t('question.not_applicable')
	};
}

/**
 * An answer as a reader sees it: option labels rather than ids, numbers in the locale's format with their unit,
 * `2 / 4` on a scale. Undefined when there is no answer. Text answers come back exactly as typed.
 */
export function answerText(
	question: Question,
	answer: AnswerValue | undefined,
	context: { locale: Locale; words: AnswerWords; provinces: Province[] }
): string | undefined {
	const { locale, words } = context;
	if (answer === undefined || answer === '') return undefined;
	if (answer === NOT_APPLICABLE && question.allowNA) return words.notApplicable;
	switch (question.type) {
		case 'single': {
			if (question.optionsFrom === 'provinces')
				return context.provinces.find((province) => province.code === answer)?.name;
			return localize(question.options?.find((option) => option.id === answer)?.label, locale);
		}
		case 'multi': {
			if (!Array.isArray(answer)) return undefined;
			return question.options
				.filter((option) => answer.includes(option.id))
				.map((option) => localize(option.label, locale))
				.join('; ');
		}
		case 'scale':
			return typeof answer === 'number'
				? `${formatNumber(locale, answer)} / ${SCORE_MAX}`
				: undefined;
		case 'yesno':
			return typeof answer === 'boolean' ? (answer ? words.yes : words.no) : undefined;
		case 'number': {
			if (typeof answer !== 'number') return undefined;
			return formatAmount(locale, answer, localize(question.unit, locale));
		}
		case 'text':
			return typeof answer === 'string' ? answer : undefined;
	}
}
