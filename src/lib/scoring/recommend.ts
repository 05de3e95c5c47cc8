import type {
	CostClass,
	Grade,
	Payback,
	Questionnaire,
	Recommendation
} from '../questionnaire/schema';
import type { AnswerValue, Answers } from '../questionnaire/visibility';
import type { ThemeResult } from './theme-result';

/** What made a recommendation fire: the answer given to its question, or its theme's score (0–100). */
export type Trigger = { question: string; answer: AnswerValue } | { theme: string; score: number };

export interface RankedRecommendation {
	id: string;
	theme: string;
	impact: Grade;
	effort: Grade;
	cost: CostClass;
	payback: Payback;
	trigger: Trigger;
	resources: string[];
}

/**
 * How many recommendations lead a firm's results as its priorities (the results page's summary, the PDF's first
 * page), and so which of them a chamber counts as the firm's needs.
 */
export const PRIORITIES = 3;

/** A firm's priorities: the first `PRIORITIES` of its recommendations, which come highest priority first. */
export function priorities<T>(ranked: readonly T[]): T[] {
	return ranked.slice(0, PRIORITIES);
}

const GRADE_VALUE: Record<Grade, number> = { low: 1, medium: 2, high: 3 };

/**
 * Each recommendation's prerequisites, direct and through others (`after` of `after`), so that "target after
 * inventory" still holds when the base year between them is already done and does not fire.
 */
function prerequisites(recommendations: Recommendation[]): Map<string, Set<string>> {
	const direct = new Map(recommendations.map((item) => [item.id, item.after]));
	const closure = new Map<string, Set<string>>();
	for (const { id } of recommendations) {
		const found = new Set<string>();
		const pending = [...(direct.get(id) ?? [])];
		while (pending.length > 0) {
			const next = pending.pop()!;
			if (found.has(next) || next === id) continue;
			found.add(next);
			pending.push(...(direct.get(next) ?? []));
		}
		closure.set(id, found);
	}
	return closure;
}

/**
 * Puts each item after its fired prerequisites, otherwise keeping the given order: repeatedly takes the first item
 * whose prerequisites are all placed. The checker refuses cycles; should one slip through, the first waiting item is
 * taken rather than looping for ever.
 */
function afterPrerequisites<T extends { recommendation: Recommendation }>(
	sorted: T[],
	closure: Map<string, Set<string>>
): T[] {
	const waiting = [...sorted];
	const placed: T[] = [];
	const pendingIds = new Set(waiting.map((item) => item.recommendation.id));
	while (waiting.length > 0) {
		const ready = waiting.findIndex((item) =>
			[...(closure.get(item.recommendation.id) ?? [])].every((id) => !pendingIds.has(id))
		);
		const [next] = waiting.splice(Math.max(ready, 0), 1);
		pendingIds.delete(next.recommendation.id);
		placed.push(next);
	}
	return placed;
}

/**
 * The recommendations whose rule fires, most urgent first: priority = the theme's gap to 100 × the theme's weight ×
 * impact / effort. Ties keep the authors' order in the file, so the ranking is deterministic. A recommendation whose
 * `unless` question already scores well is not given (the action is done), and one never comes before a fired
 * prerequisite of its `after` list (no "set a target" before "measure your emissions").
 */
export function rankRecommendations(
	questionnaire: Questionnaire,
	questionScores: { counted: Map<string, number>; answered: Map<string, number> },
	themes: ThemeResult[],
	answers: Answers
): RankedRecommendation[] {
	const themeScore = new Map(themes.map((theme) => [theme.id, theme.score]));
	const themeWeight = new Map(questionnaire.themes.map((theme) => [theme.id, theme.weight]));

	const fired = questionnaire.recommendations.flatMap((recommendation, order) => {
		const { when } = recommendation;
		const value =
			'question' in when ? questionScores.counted.get(when.question) : themeScore.get(when.theme);
		if (value === undefined || value === null || value >= when.below) return [];
		const done = recommendation.unless?.some(
			({ question, atLeast }) => (questionScores.answered.get(question) ?? -1) >= atLeast
		);
		if (done) return [];
		const trigger: Trigger =
			'question' in when
				? { question: when.question, answer: answers[when.question]! }
				: { theme: when.theme, score: value };
		const gap = (100 - (themeScore.get(recommendation.theme) ?? 0)) / 100;
		const priority =
			gap *
			(themeWeight.get(recommendation.theme) ?? 1) *
			(GRADE_VALUE[recommendation.impact] / GRADE_VALUE[recommendation.effort]);
		return [{ recommendation, trigger, priority, order }];
	});

	fired.sort((a, b) => b.priority - a.priority || a.order - b.order);
	const ordered = afterPrerequisites(fired, prerequisites(questionnaire.recommendations));
	return ordered.map(({ recommendation, trigger }) => ({
		id: recommendation.id,
		theme: recommendation.theme,
		impact: recommendation.impact,
		effort: recommendation.effort,
		cost: recommendation.cost,
		payback: recommendation.payback,
		trigger,
		resources: recommendation.resources
	}));
}
