import type { Condition, Question, Questionnaire } from './schema';

/** An answer as stored: option id, option ids, scale step, yes/no, number or text; `na` for not applicable. */
export type AnswerValue = string | string[] | number | boolean;
export type Answers = Record<string, AnswerValue>;

/** A loaded questionnaire never changes: its list of questions is made once, not on each of a page's many uses. */
const questionsOf = new WeakMap<Questionnaire, readonly Question[]>();

/** Every question of a questionnaire in the order it is asked: the profile, theme by theme, then the energy figures. */
export function allQuestions(questionnaire: Questionnaire): readonly Question[] {
	let questions = questionsOf.get(questionnaire);
	if (!questions) {
		questions = Object.freeze([
			...questionnaire.profile.questions,
			...questionnaire.themes.flatMap((theme) => theme.questions),
			...(questionnaire.energy?.questions ?? [])
		]);
		questionsOf.set(questionnaire, questions);
	}
	return questions;
}

/** Whether a condition holds; an answer to a hidden question does not count, so hiding cascades down a chain. */
export function conditionHolds(
	condition: Condition,
	answers: Answers,
	visible: Set<string>
): boolean {
	if ('all' in condition) return condition.all.every((c) => conditionHolds(c, answers, visible));
	if ('any' in condition) return condition.any.some((c) => conditionHolds(c, answers, visible));
	if (!visible.has(condition.question)) return false;
	const answer = answers[condition.question];
	if ('equals' in condition) return answer === condition.equals;
	if ('in' in condition) return typeof answer === 'string' && condition.in.includes(answer);
	return Array.isArray(answer) && answer.includes(condition.includes);
}

/**
 * Adds to `visible` the questions of `questions` (in asking order) that the answers show. Conditions only point
 * backwards (the checker enforces it), so one pass settles every chain. The browser uses it for one step's
 * questions, starting from what the server says of the earlier steps.
 */
export function addVisible(
	questions: readonly { id: string; showIf?: Condition }[],
	answers: Answers,
	visible: Set<string>
): Set<string> {
	for (const question of questions) {
		if (!question.showIf || conditionHolds(question.showIf, answers, visible))
			visible.add(question.id);
	}
	return visible;
}

/** The ids of the questions shown for these answers. */
export function visibleQuestionIds(questionnaire: Questionnaire, answers: Answers): Set<string> {
	return addVisible(allQuestions(questionnaire), answers, new Set());
}

/** The questions a condition reads, added to `into`. */
function conditionQuestions(condition: Condition, into: Set<string>): Set<string> {
	if ('all' in condition) condition.all.forEach((part) => conditionQuestions(part, into));
	else if ('any' in condition) condition.any.forEach((part) => conditionQuestions(part, into));
	else into.add(condition.question);
	return into;
}

/**
 * What the browser needs to apply one step's show-if rules as the firm answers (with `addVisible`), and no more:
 * the saved answers of the step's questions and of the earlier questions their rules read, and which of those
 * earlier questions are shown. A step page's data stays small whatever the rest of the questionnaire holds.
 */
export function stepRuleInputs(
	questions: readonly { id: string; showIf?: Condition }[],
	answers: Answers,
	visible: Set<string>
): { answers: Answers; visibleBefore: string[] } {
	const own = new Set(questions.map((question) => question.id));
	const read = new Set<string>();
	for (const question of questions) if (question.showIf) conditionQuestions(question.showIf, read);
	const earlier = [...read].filter((id) => !own.has(id));
	return {
		answers: Object.fromEntries(
			[...own, ...earlier].filter((id) => id in answers).map((id) => [id, answers[id]])
		),
		visibleBefore: earlier.filter((id) => visible.has(id))
	};
}
