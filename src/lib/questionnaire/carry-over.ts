import { parseAnswer } from './answers';
import type { Questionnaire } from './schema';
import { allQuestions, type Answers } from './visibility';

/**
 * A draft started under an earlier version of its questionnaire continues under the current one. What changed is
 * shown to the firm on every page of the draft, so nobody wonders where a question went.
 */
export interface VersionChange {
	from: string;
	to: string;
	/** Questions of the current version the earlier one did not have; null when the earlier definition is unknown. */
	added: number | null;
	/** Questions of the earlier version the current one no longer has; null when it is unknown. */
	removed: number | null;
	/** Saved answers the current version cannot take (removed questions or options), left out of the draft. */
	dropped: number;
}

/** The answers the questionnaire can still take, unchanged; answers to removed questions or options are left out. */
export function keepValidAnswers(
	questionnaire: Questionnaire,
	answers: Answers
): { answers: Answers; dropped: string[] } {
	const questions = new Map(allQuestions(questionnaire).map((question) => [question.id, question]));
	const kept: Answers = {};
	const dropped: string[] = [];
	for (const [id, value] of Object.entries(answers)) {
		const question = questions.get(id);
		const parsed = question ? parseAnswer(question, value) : undefined;
		if (parsed && 'value' in parsed && parsed.value !== undefined) kept[id] = parsed.value;
		else dropped.push(id);
	}
	return { answers: kept, dropped };
}

/** What changed between the version a draft was started under and the current one. */
export function versionChange(
	previous: Questionnaire | undefined,
	current: Questionnaire,
	from: string,
	dropped: number
): VersionChange {
	const currentIds = new Set(allQuestions(current).map((question) => question.id));
	const previousIds = previous && new Set(allQuestions(previous).map((question) => question.id));
	return {
		from,
		to: current.version,
		added: previousIds ? [...currentIds].filter((id) => !previousIds.has(id)).length : null,
		removed: previousIds ? [...previousIds].filter((id) => !currentIds.has(id)).length : null,
		dropped
	};
}
