import type { Question, Questionnaire } from './schema';
import { visibleQuestionIds, type Answers } from './visibility';

/** The pages of an assessment: the company profile, one per theme, then a review before submitting. */
export interface Step {
	id: string;
	kind: 'profile' | 'theme' | 'review';
	questions: Question[];
}

export const PROFILE_STEP = 'profile';
export const REVIEW_STEP = 'review';

export function stepsOf(questionnaire: Questionnaire): Step[] {
	return [
		{ id: PROFILE_STEP, kind: 'profile', questions: questionnaire.profile.questions },
		...questionnaire.themes.map((theme) => ({
			id: theme.id,
			kind: 'theme' as const,
			questions: theme.questions
		})),
		{ id: REVIEW_STEP, kind: 'review', questions: [] }
	];
}

export interface StepProgress {
	id: string;
	/** Shown questions with an answer. */
	answered: number;
	/** Questions shown for the current answers. */
	shown: number;
	/** Shown required questions still without an answer. */
	missing: number;
}

/** How far each step is, counting only the questions the current answers show. */
export function progressOf(questionnaire: Questionnaire, answers: Answers): StepProgress[] {
	const visible = visibleQuestionIds(questionnaire, answers);
	return stepsOf(questionnaire).map((step) => {
		const shown = step.questions.filter((question) => visible.has(question.id));
		const answered = shown.filter((question) => answers[question.id] !== undefined);
		const missing = shown.filter(
			(question) => question.required && answers[question.id] === undefined
		);
		return { id: step.id, answered: answered.length, shown: shown.length, missing: missing.length };
	});
}
