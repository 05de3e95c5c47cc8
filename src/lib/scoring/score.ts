import { profileFacts } from '../questionnaire/profile';
import type { Level, Question, Questionnaire } from '../questionnaire/schema';
import { answerScore, isScored, maxScore } from '../questionnaire/questions';
import { visibleQuestionIds, type Answers } from '../questionnaire/visibility';
import { rankRecommendations, type RankedRecommendation } from './recommend';
import type { ThemeResult } from './theme-result';

/** What an assessment scores: enough, with the questionnaire id and version, to show it again later. */
export interface Result {
	questionnaire: string;
	version: string;
	overall: number;
	level: string;
	themes: ThemeResult[];
	/** Highest priority first; the first three are the SME's priorities. */
	recommendations: RankedRecommendation[];
}

const roundToTenth = (value: number) => Math.round(value * 10) / 10;

/** The maturity band an overall score falls in; a score equal to a band's max belongs to the next band. */
export function levelFor(levels: Level[], overall: number): Level {
	return (
		levels.find((level) => overall >= level.min && overall < level.max) ?? levels[levels.length - 1]
	);
}

/** A question's weight for a firm of this KOBİ size class: its `weightBySize` entry, else its `weight`. */
export function weightFor(question: Question, sizeClass: string | undefined): number {
	const bySize = sizeClass === undefined ? undefined : question.weightBySize?.[sizeClass];
	return bySize ?? question.weight;
}

/**
 * The raw score of each answered, visible scored question, and the part of them that counts for this firm: a
 * question whose weight is 0 for the firm's size class is left out of `counted`, like a not-applicable one, so it
 * neither scores nor triggers a recommendation; its answer still tells that an action is done (`unless`).
 */
export function questionScores(
	questionnaire: Questionnaire,
	answers: Answers
): { answered: Map<string, number>; counted: Map<string, number> } {
	const visible = visibleQuestionIds(questionnaire, answers);
	const { sizeClass } = profileFacts(questionnaire, answers);
	const answered = new Map<string, number>();
	const counted = new Map<string, number>();
	for (const theme of questionnaire.themes) {
		for (const question of theme.questions) {
			if (!visible.has(question.id) || !isScored(question)) continue;
			const score = answerScore(question, answers[question.id]);
			if (score === undefined) continue;
			answered.set(question.id, score);
			if (weightFor(question, sizeClass) > 0) counted.set(question.id, score);
		}
	}
	return { answered, counted };
}

/**
 * Scores a set of answers. Theme score = 100 × Σ(weight × score) / Σ(weight × max) over the applicable answered
 * questions (not-applicable and hidden ones are out of both sums); overall = theme scores averaged by theme weight,
 * leaving out themes where nothing applies. Pure and deterministic: the server always recomputes it from stored
 * answers, never trusting a score sent by a browser.
 */
export function scoreAnswers(questionnaire: Questionnaire, answers: Answers): Result {
	const { answered: answeredScores, counted: scores } = questionScores(questionnaire, answers);
	const { sizeClass } = profileFacts(questionnaire, answers);
	const exact = new Map<string, number>();
	const themes = questionnaire.themes.map((theme): ThemeResult => {
		let earned = 0;
		let possible = 0;
		let answered = 0;
		for (const question of theme.questions) {
			const score = scores.get(question.id);
			if (score === undefined || !isScored(question)) continue;
			const weight = weightFor(question, sizeClass);
			earned += weight * score;
			possible += weight * maxScore(question);
			answered += 1;
		}
		if (possible === 0) return { id: theme.id, score: null, answered };
		exact.set(theme.id, (100 * earned) / possible);
		return { id: theme.id, score: roundToTenth((100 * earned) / possible), answered };
	});

	let weighted = 0;
	let weights = 0;
	for (const theme of questionnaire.themes) {
		const score = exact.get(theme.id);
		if (score === undefined) continue;
		weighted += theme.weight * score;
		weights += theme.weight;
	}
	const overall = weights === 0 ? 0 : roundToTenth(weighted / weights);

	return {
		questionnaire: questionnaire.id,
		version: questionnaire.version,
		overall,
		level: levelFor(questionnaire.levels, overall).id,
		themes,
		recommendations: rankRecommendations(
			questionnaire,
			{ counted: scores, answered: answeredScores },
			themes,
			answers
		)
	};
}
