import { NOT_APPLICABLE, SCORE_MAX } from './constants';
import type { Question } from './schema';
import type { AnswerValue } from './visibility';

export type ScoredQuestion = Extract<Question, { type: 'single' | 'multi' | 'scale' | 'yesno' }>;

/** Number and text questions feed the profile or the carbon estimate; the others carry a score. */
export function isScored(question: Question): question is ScoredQuestion {
	return ['single', 'multi', 'scale', 'yesno'].includes(question.type);
}

/** The best score an answer to this question can earn. */
export function maxScore(question: ScoredQuestion): number {
	switch (question.type) {
		case 'single':
			return Math.max(0, ...(question.options ?? []).map((option) => option.score ?? 0));
		case 'multi':
			return question.max;
		case 'scale':
			return SCORE_MAX;
		case 'yesno':
			return Math.max(question.scores.yes, question.scores.no);
	}
}

/** The worst score an answer can earn: what the checker makes sure a recommendation covers. */
export function lowestScore(question: ScoredQuestion): number {
	switch (question.type) {
		case 'single':
			return Math.min(...(question.options ?? []).map((option) => option.score ?? 0));
		case 'multi':
		case 'scale':
			return 0;
		case 'yesno':
			return Math.min(question.scores.yes, question.scores.no);
	}
}

/**
 * The score of one answer, or `undefined` when the answer does not count: not applicable, missing, or not a valid
 * answer to this question (answers are validated on the way in; this is the last line of defence).
 */
export function answerScore(
	question: ScoredQuestion,
	answer: AnswerValue | undefined
): number | undefined {
	if (answer === undefined || answer === NOT_APPLICABLE) return undefined;
	switch (question.type) {
		case 'single':
			return question.options?.find((option) => option.id === answer)?.score;
		case 'multi': {
			if (!Array.isArray(answer)) return undefined;
			const chosen = (question.options ?? []).filter((option) => answer.includes(option.id));
			if (chosen.length !== answer.length) return undefined;
			const sum = chosen.reduce((total, option) => total + (option.score ?? 0), 0);
			return Math.min(sum, question.max);
		}
		case 'scale':
			return Number.isInteger(answer) && (answer as number) >= 0 && (answer as number) <= SCORE_MAX
				? (answer as number)
				: undefined;
		case 'yesno':
			return typeof answer === 'boolean' ? question.scores[answer ? 'yes' : 'no'] : undefined;
	}
}
