import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { answerScore, isScored } from '$lib/questionnaire/questions';
import { NOT_APPLICABLE, type Condition, type Questionnaire } from '$lib/questionnaire/schema';
import { visibleQuestionIds, type Answers } from '$lib/questionnaire/visibility';
import { scoreAnswers } from '$lib/scoring/score';
import { loadCatalogue } from '$lib/server/content';
import { randomAnswer, randomAnswers, seededRandom } from '../fixtures/answers';
import { miniCatalogue } from '../fixtures/catalogue';

const questionnaires: [string, Questionnaire][] = [
	['the mini fixture', miniCatalogue().questionnaires.get('mini')!],
	[
		'green-deal-readiness',
		loadCatalogue('questionnaires').questionnaires.get('green-deal-readiness')!
	]
];

function conditionTargets(condition: Condition): string[] {
	if ('all' in condition) return condition.all.flatMap(conditionTargets);
	if ('any' in condition) return condition.any.flatMap(conditionTargets);
	return [condition.question];
}

/** Questions whose answers change which other questions are shown: changing them changes more than their score. */
function visibilityTargets(questionnaire: Questionnaire): Set<string> {
	const questions = [
		...questionnaire.profile.questions,
		...questionnaire.themes.flatMap((theme) => theme.questions)
	];
	return new Set(
		questions.flatMap((question) => (question.showIf ? conditionTargets(question.showIf) : []))
	);
}

const seeds = fc.integer({ min: 0, max: 2 ** 31 - 1 });

describe.each(questionnaires)('scoring properties of %s', (_, questionnaire) => {
	const targets = visibilityTargets(questionnaire);
	const scoredQuestions = questionnaire.themes.flatMap((theme) =>
		theme.questions.filter(isScored).map((question) => ({ question, theme: theme.id }))
	);
	const independent = scoredQuestions.filter(({ question }) => !targets.has(question.id));
	const themeScores = (answers: Answers) =>
		new Map(scoreAnswers(questionnaire, answers).themes.map((theme) => [theme.id, theme.score]));

	it('keeps every score within 0–100', () => {
		fc.assert(
			fc.property(seeds, (seed) => {
				const result = scoreAnswers(
					questionnaire,
					randomAnswers(questionnaire, seededRandom(seed))
				);
				expect(result.overall).toBeGreaterThanOrEqual(0);
				expect(result.overall).toBeLessThanOrEqual(100);
				for (const theme of result.themes) {
					if (theme.score === null) continue;
					expect(theme.score).toBeGreaterThanOrEqual(0);
					expect(theme.score).toBeLessThanOrEqual(100);
				}
			}),
			{ numRuns: 300 }
		);
	});

	it('never lowers a theme score when one answer improves', () => {
		fc.assert(
			fc.property(seeds, fc.nat(), fc.nat(), (seed, which, other) => {
				const random = seededRandom(seed);
				const answers = randomAnswers(questionnaire, random);
				const { question, theme } = independent[which % independent.length];
				const alternative = randomAnswer(question, seededRandom(other));
				const before = answerScore(question, answers[question.id]);
				const after = answerScore(question, alternative);
				fc.pre(before !== undefined && after !== undefined && after >= before);
				fc.pre(visibleQuestionIds(questionnaire, answers).has(question.id));
				const improved = themeScores({ ...answers, [question.id]: alternative }).get(theme);
				expect(improved).toBeGreaterThanOrEqual(themeScores(answers).get(theme)!);
			}),
			{ numRuns: 300 }
		);
	});

	it('changes only its own theme when a question is marked not applicable', () => {
		const allowingNA = independent.filter(({ question }) => question.allowNA);
		expect(allowingNA.length).toBeGreaterThan(0);
		fc.assert(
			fc.property(seeds, fc.nat(), (seed, which) => {
				const answers = randomAnswers(questionnaire, seededRandom(seed));
				const { question, theme } = allowingNA[which % allowingNA.length];
				const before = themeScores(answers);
				const after = themeScores({ ...answers, [question.id]: NOT_APPLICABLE });
				for (const [id, score] of before) if (id !== theme) expect(after.get(id)).toBe(score);
			}),
			{ numRuns: 200 }
		);
	});

	it('never counts a hidden question', () => {
		const conditional = scoredQuestions.filter(({ question }) => question.showIf);
		expect(conditional.length).toBeGreaterThan(0);
		fc.assert(
			fc.property(seeds, fc.nat(), fc.nat(), (seed, which, other) => {
				const answers = randomAnswers(questionnaire, seededRandom(seed));
				const { question } = conditional[which % conditional.length];
				fc.pre(!visibleQuestionIds(questionnaire, answers).has(question.id));
				const changed = { ...answers, [question.id]: randomAnswer(question, seededRandom(other)) };
				expect(scoreAnswers(questionnaire, changed)).toEqual(scoreAnswers(questionnaire, answers));
			}),
			{ numRuns: 200 }
		);
	});

	it('gives the same result for the same answers', () => {
		fc.assert(
			fc.property(seeds, (seed) => {
				const answers = randomAnswers(questionnaire, seededRandom(seed));
				expect(scoreAnswers(questionnaire, structuredClone(answers))).toEqual(
					scoreAnswers(questionnaire, answers)
				);
			}),
			{ numRuns: 50 }
		);
	});
});

describe('recommendation order of green-deal-readiness', () => {
	const questionnaire = questionnaires[1][1];
	const byId = new Map(questionnaire.recommendations.map((item) => [item.id, item]));
	/** Every prerequisite of a recommendation, also through ones in between. */
	const prerequisitesOf = (id: string, seen = new Set<string>()): Set<string> => {
		for (const before of byId.get(id)?.after ?? []) {
			if (seen.has(before)) continue;
			seen.add(before);
			prerequisitesOf(before, seen);
		}
		return seen;
	};

	it('has the carbon chain inventory → base year → target → plan', () => {
		expect([...prerequisitesOf('rec_co2_plan')]).toEqual([
			'rec_co2_target',
			'rec_co2_base_year',
			'rec_co2_inventory'
		]);
	});

	it('puts "set a target" after "measure your emissions" for a firm with no inventory', () => {
		const answers = {
			...randomAnswers(questionnaire, seededRandom(7)),
			co2_inventory: 'none',
			co2_base_year: false,
			co2_target: 'none',
			co2_plan: 'none'
		};
		const ranked = scoreAnswers(questionnaire, answers).recommendations.map((item) => item.id);
		const chain = ['rec_co2_inventory', 'rec_co2_base_year', 'rec_co2_target', 'rec_co2_plan'];
		expect(ranked.filter((id) => chain.includes(id))).toEqual(chain);
	});

	it('never ranks a recommendation before one of its fired prerequisites', () => {
		fc.assert(
			fc.property(seeds, (seed) => {
				const ranked = scoreAnswers(
					questionnaire,
					randomAnswers(questionnaire, seededRandom(seed))
				).recommendations.map((item) => item.id);
				ranked.forEach((id, rank) => {
					for (const before of prerequisitesOf(id)) {
						const at = ranked.indexOf(before);
						if (at >= 0) expect(at, `${before} before ${id}`).toBeLessThan(rank);
					}
				});
			}),
			{ numRuns: 300 }
		);
	});

	it('never recommends an action its `unless` answer says is done', () => {
		fc.assert(
			fc.property(seeds, (seed) => {
				const answers = randomAnswers(questionnaire, seededRandom(seed));
				const result = scoreAnswers(questionnaire, answers);
				const questions = new Map(
					questionnaire.themes.flatMap((theme) => theme.questions).map((q) => [q.id, q])
				);
				for (const { id } of result.recommendations) {
					for (const { question, atLeast } of byId.get(id)?.unless ?? []) {
						const target = questions.get(question)!;
						const score = isScored(target) ? answerScore(target, answers[question]) : undefined;
						const shown = visibleQuestionIds(questionnaire, answers).has(question);
						if (shown) expect(score ?? -1).toBeLessThan(atLeast);
					}
				}
			}),
			{ numRuns: 200 }
		);
	});
});
