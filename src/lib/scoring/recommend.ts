import type { Grade, Questionnaire } from '../questionnaire/schema';
import type { ThemeResult } from './theme-result';

export interface RankedRecommendation {
	id: string;
	theme: string;
	impact: Grade;
	effort: Grade;
	resources: string[];
}

const GRADE_VALUE: Record<Grade, number> = { low: 1, medium: 2, high: 3 };

/**
 * The recommendations whose rule fires, most urgent first: priority = the theme's gap to 100 × the theme's weight ×
 * impact / effort. Ties keep the authors' order in the file, so the ranking is deterministic.
 */
export function rankRecommendations(
	questionnaire: Questionnaire,
	questionScores: Map<string, number>,
	themes: ThemeResult[]
): RankedRecommendation[] {
	const themeScore = new Map(themes.map((theme) => [theme.id, theme.score]));
	const themeWeight = new Map(questionnaire.themes.map((theme) => [theme.id, theme.weight]));

	const fired = questionnaire.recommendations.flatMap((recommendation, order) => {
		const { when } = recommendation;
		const value =
			'question' in when ? questionScores.get(when.question) : themeScore.get(when.theme);
		if (value === undefined || value === null || value >= when.below) return [];
		const gap = (100 - (themeScore.get(recommendation.theme) ?? 0)) / 100;
		const priority =
			gap *
			(themeWeight.get(recommendation.theme) ?? 1) *
			(GRADE_VALUE[recommendation.impact] / GRADE_VALUE[recommendation.effort]);
		return [{ recommendation, priority, order }];
	});

	fired.sort((a, b) => b.priority - a.priority || a.order - b.order);
	return fired.map(({ recommendation }) => ({
		id: recommendation.id,
		theme: recommendation.theme,
		impact: recommendation.impact,
		effort: recommendation.effort,
		resources: recommendation.resources
	}));
}
