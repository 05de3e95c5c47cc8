import type { Locale } from '../i18n/locales';
import { parseLocalNumber } from '../i18n/number';
import { cleanText } from '../text';
import { NOT_APPLICABLE, SCORE_MAX } from './constants';
import type { Question, Questionnaire } from './schema';
import { allQuestions, visibleQuestionIds, type AnswerValue, type Answers } from './visibility';

/**
 * Why an answer was refused, as an i18n key (`answer.<code>`) with its values, so the page and the API can say it
 * in the reader's language.
 */
export interface AnswerIssue {
	question: string;
	code:
		| 'unknown_question'
		| 'invalid_option'
		| 'exclusive'
		| 'not_a_number'
		| 'not_integer'
		| 'too_small'
		| 'too_large'
		| 'invalid_email'
		| 'too_long'
		| 'control_character'
		| 'invalid';
	values?: Record<string, number>;
}

type Parsed = { value: AnswerValue | undefined } | { issue: Omit<AnswerIssue, 'question'> };

// A pragmatic address check: something@something.tld, no spaces. Real validation is the mail actually arriving.
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]{2,}$/;

function parseNumber(question: Extract<Question, { type: 'number' }>, raw: unknown): Parsed {
	if (typeof raw !== 'number' || !Number.isFinite(raw)) return { issue: { code: 'not_a_number' } };
	if (question.integer && !Number.isInteger(raw)) return { issue: { code: 'not_integer' } };
	if (raw < question.min) return { issue: { code: 'too_small', values: { min: question.min } } };
	if (raw > question.max) return { issue: { code: 'too_large', values: { max: question.max } } };
	return { value: raw };
}

/**
 * Checks one answer against its question. `undefined` and `null` clear the answer; an empty text does too.
 * Values arrive already typed (JSON from the API, or converted from form fields by `fromFormFields`).
 */
export function parseAnswer(question: Question, raw: unknown): Parsed {
	if (raw === undefined || raw === null) return { value: undefined };
	if (raw === NOT_APPLICABLE) {
		return question.allowNA ? { value: NOT_APPLICABLE } : { issue: { code: 'invalid_option' } };
	}
	switch (question.type) {
		case 'single': {
			const ok = typeof raw === 'string' && question.options?.some((option) => option.id === raw);
			return ok ? { value: raw } : { issue: { code: 'invalid_option' } };
		}
		case 'multi': {
			if (!Array.isArray(raw) || raw.some((item) => typeof item !== 'string')) {
				return { issue: { code: 'invalid_option' } };
			}
			const chosen = [...new Set(raw as string[])];
			const options = chosen.map((id) => question.options.find((option) => option.id === id));
			if (options.some((option) => option === undefined))
				return { issue: { code: 'invalid_option' } };
			if (chosen.length > 1 && options.some((option) => option?.exclusive)) {
				return { issue: { code: 'exclusive' } };
			}
			return { value: chosen };
		}
		case 'scale':
			return Number.isInteger(raw) && (raw as number) >= 0 && (raw as number) <= SCORE_MAX
				? { value: raw as number }
				: { issue: { code: 'invalid_option' } };
		case 'yesno':
			return typeof raw === 'boolean' ? { value: raw } : { issue: { code: 'invalid_option' } };
		case 'number':
			return parseNumber(question, raw);
		case 'text': {
			if (typeof raw !== 'string') return { issue: { code: 'invalid' } };
			const value = cleanText(raw)?.trim();
			if (value === undefined) return { issue: { code: 'control_character' } };
			if (value === '') return { value: undefined };
			if (value.length > question.maxLength) {
				return { issue: { code: 'too_long', values: { max: question.maxLength } } };
			}
			if (question.format === 'email' && !EMAIL.test(value))
				return { issue: { code: 'invalid_email' } };
			return { value };
		}
	}
}

/** The outcome of checking a batch of answers: what may be saved (undefined = clear it) and what was refused. */
export interface CheckedAnswers {
	changes: Record<string, AnswerValue | undefined>;
	issues: AnswerIssue[];
}

/** Checks answers keyed by question id; unknown ids are refused, never stored. */
export function checkAnswers(
	questionnaire: Questionnaire,
	input: Record<string, unknown>
): CheckedAnswers {
	const questions = new Map(allQuestions(questionnaire).map((question) => [question.id, question]));
	const changes: CheckedAnswers['changes'] = {};
	const issues: AnswerIssue[] = [];
	for (const [id, raw] of Object.entries(input)) {
		const question = questions.get(id);
		if (!question) {
			issues.push({ question: id, code: 'unknown_question' });
			continue;
		}
		const parsed = parseAnswer(question, raw);
		if ('issue' in parsed) issues.push({ question: id, ...parsed.issue });
		else changes[id] = parsed.value;
	}
	return { changes, issues };
}

/** Saved answers with the changes applied; a change to `undefined` removes the answer. */
export function mergeAnswers(saved: Answers, changes: CheckedAnswers['changes']): Answers {
	const merged: Answers = { ...saved };
	for (const [id, value] of Object.entries(changes)) {
		if (value === undefined) delete merged[id];
		else merged[id] = value;
	}
	return merged;
}

/** The required questions that are shown for these answers but not answered yet, in asking order. */
export function missingRequired(questionnaire: Questionnaire, answers: Answers): string[] {
	const visible = visibleQuestionIds(questionnaire, answers);
	return allQuestions(questionnaire)
		.filter((question) => question.required && visible.has(question.id))
		.filter((question) => answers[question.id] === undefined)
		.map((question) => question.id);
}

/**
 * Turns the fields of a submitted step into typed answers for its questions: radio and select values, checkbox
 * lists, `true`/`false` for yes/no, numbers in the reader's format. A question with no field sent is cleared.
 */
export function fromFormFields(
	questions: readonly Pick<Question, 'id' | 'type' | 'allowNA'>[],
	form: FormData,
	locale: Locale
): Record<string, unknown> {
	const raw: Record<string, unknown> = {};
	for (const question of questions) {
		const values = form
			.getAll(question.id)
			.filter((value): value is string => typeof value === 'string');
		const [first] = values;
		if (first === undefined || (first === '' && question.type !== 'text')) {
			raw[question.id] = undefined;
		} else if (first === NOT_APPLICABLE && question.allowNA) {
			raw[question.id] = NOT_APPLICABLE;
		} else if (question.type === 'multi') {
			raw[question.id] = values;
		} else if (question.type === 'scale') {
			raw[question.id] = /^\d$/.test(first) ? Number(first) : first;
		} else if (question.type === 'yesno') {
			raw[question.id] = first === 'true' ? true : first === 'false' ? false : first;
		} else if (question.type === 'number') {
			raw[question.id] = parseLocalNumber(first, locale);
		} else {
			raw[question.id] = first;
		}
	}
	return raw;
}
