import type { Condition, Question, Questionnaire } from './schema';

/** An answer as stored: option id, option ids, scale step, yes/no, number or text; `na` for not applicable. */
export type AnswerValue = string | string[] | number | boolean;
export type Answers = Record<string, AnswerValue>;

/** Every question of a questionnaire in the order it is asked: the profile first, then theme by theme. */
export function allQuestions(questionnaire: Questionnaire): Question[] {
	return [
		...questionnaire.profile.questions,
		...questionnaire.themes.flatMap((theme) => theme.questions)
	];
}

function matches(condition: Condition, answers: Answers, visible: Set<string>): boolean {
	if ('all' in condition) return condition.all.every((c) => matches(c, answers, visible));
	if ('any' in condition) return condition.any.some((c) => matches(c, answers, visible));
	// An answer to a hidden question does not count: hiding cascades down a chain of conditions.
	if (!visible.has(condition.question)) return false;
	const answer = answers[condition.question];
	if ('equals' in condition) return answer === condition.equals;
	if ('in' in condition) return typeof answer === 'string' && condition.in.includes(answer);
	return Array.isArray(answer) && answer.includes(condition.includes);
}

/**
 * The ids of the questions shown for these answers. Conditions only point backwards (the checker enforces it), so
 * one pass in question order settles every chain.
 */
export function visibleQuestionIds(questionnaire: Questionnaire, answers: Answers): Set<string> {
	const visible = new Set<string>();
	for (const question of allQuestions(questionnaire)) {
		if (!question.showIf || matches(question.showIf, answers, visible)) visible.add(question.id);
	}
	return visible;
}
