import { describe, expect, it } from 'vitest';
import { profileFacts } from '$lib/questionnaire/profile';
import type { Questionnaire, Recommendation } from '$lib/questionnaire/schema';
import type { Answers } from '$lib/questionnaire/visibility';
import { levelFor, scoreAnswers } from '$lib/scoring/score';
import { miniCatalogue } from '../fixtures/catalogue';

const mini = miniCatalogue().questionnaires.get('mini')!;

/** The mini questionnaire with some recommendations changed (`after`, `unless`). */
function withRecommendations(changes: Record<string, Partial<Recommendation>>): Questionnaire {
	return {
		...mini,
		recommendations: mini.recommendations.map((item) => ({ ...item, ...changes[item.id] }))
	};
}

/** Every theme at 0: all six recommendations but r3 (q3 is N/A) fire. */
const beginner: Answers = {
	exports_eu: true,
	q1: 'low',
	q2: false,
	q3: 'na',
	q4: ['none'],
	q5: 'bad'
};

// Expectations computed by hand from tests/fixtures/questionnaires/mini/mini.yaml:
// t1 (weight 2) = q1 (w1, max 4) + q2 (yes/no, w2, max 4) + q3 (scale, w1, N/A allowed)
// t2 (weight 1) = q4 (multi, capped at 4, N/A allowed) + q5 (shown only to EU exporters)
describe('scoreAnswers', () => {
	it.each<
		[string, Answers, { t1: number | null; t2: number | null; overall: number; level: string }]
	>([
		[
			'a good firm that does not export',
			{ exports_eu: false, q1: 'mid', q2: true, q3: 3, q4: ['a', 'b'] },
			// t1 = (2 + 2×4 + 3) / (4 + 8 + 4) = 13/16 = 81.25; t2 = 3/4 = 75; overall = (2×81.25 + 75)/3 = 79.17
			{ t1: 81.3, t2: 75, overall: 79.2, level: 'advanced' }
		],
		[
			'a beginner exporter',
			{ exports_eu: true, q1: 'low', q2: false, q3: 'na', q4: ['none'], q5: 'bad' },
			// q3 is N/A: t1 = 0 / (4 + 8); t2 = (0 + 0) / (4 + 4)
			{ t1: 0, t2: 0, overall: 0, level: 'starting' }
		],
		[
			'a theme where nothing applies is left out of the overall score',
			{ exports_eu: false, q1: 'top', q2: true, q3: 4, q4: 'na' },
			{ t1: 100, t2: null, overall: 100, level: 'leading' }
		],
		[
			'weights: a "no" on the double-weight question costs twice as much',
			{ exports_eu: true, q1: 'top', q2: false, q3: 'na', q4: ['c', 'b'], q5: 'good' },
			// t1 = 4 / 12 = 33.33; t2 = (min(5, 4) + 4) / 8 = 100; overall = (2×33.33 + 100)/3 = 55.56
			{ t1: 33.3, t2: 100, overall: 55.6, level: 'developing' }
		],
		[
			'an answer to a hidden question does not count',
			{ exports_eu: false, q1: 'top', q2: true, q3: 4, q4: ['a'], q5: 'bad' },
			// q5 is hidden for non-exporters: t2 = 1/4 = 25; overall = (2×100 + 25)/3 = 75
			{ t1: 100, t2: 25, overall: 75, level: 'advanced' }
		]
	])('%s', (_, answers, expected) => {
		const result = scoreAnswers(mini, answers);
		expect(result.themes.map((theme) => theme.score)).toEqual([expected.t1, expected.t2]);
		expect(result.overall).toBe(expected.overall);
		expect(result.level).toBe(expected.level);
		expect(result).toMatchObject({ questionnaire: 'mini', version: '1.0.0' });
	});

	it('ranks fired recommendations by theme gap × weight × impact / effort', () => {
		const result = scoreAnswers(mini, {
			exports_eu: true,
			q1: 'low',
			q2: false,
			q3: 'na',
			q4: ['none'],
			q5: 'bad'
		});
		// Both themes score 0 (gap 1). r1: 2 × 3/1 = 6; r2: 2 × 2/2 = 2; r4: 1 × 2/1 = 2 (after r2, its elder in
		// the file); r5: 1 × 3/2 = 1.5; r6: 1 × 1/3. r3 does not fire: q3 is N/A.
		expect(result.recommendations.map((recommendation) => recommendation.id)).toEqual([
			'r1',
			'r2',
			'r4',
			'r5',
			'r6'
		]);
		expect(result.recommendations[0]).toEqual({
			id: 'r1',
			theme: 't1',
			impact: 'high',
			effort: 'low',
			cost: 'quick_win',
			payback: 'months',
			trigger: { question: 'q1', answer: 'low' },
			resources: ['guide-one']
		});
		// A theme rule names the theme's score as its trigger.
		expect(result.recommendations[4].trigger).toEqual({ theme: 't2', score: 0 });
	});

	it('ranks a recommendation after its fired prerequisites, also through a chain', () => {
		// r1 after r5 after r4: against their priorities (by priority r1 ranks first, r5 fourth).
		const chained = withRecommendations({ r1: { after: ['r5'] }, r5: { after: ['r4'] } });
		const ids = (answers: Answers) =>
			scoreAnswers(chained, answers).recommendations.map((item) => item.id);
		expect(ids(beginner)).toEqual(['r2', 'r4', 'r5', 'r1', 'r6']);
		// r5 does not fire (q5 is good): r1 still follows r4, its prerequisite through r5.
		expect(ids({ ...beginner, q5: 'good' })).toEqual(['r2', 'r4', 'r1']);
		// Without its prerequisites firing, r1 takes its place by priority.
		expect(ids({ ...beginner, q4: ['c', 'b'], q5: 'good' })).toEqual(['r1', 'r2']);
	});

	it('keeps the file order between equal priorities whatever the answers order', () => {
		const reversed = Object.fromEntries(Object.entries(beginner).reverse());
		expect(scoreAnswers(mini, reversed).recommendations.map((item) => item.id)).toEqual([
			'r1',
			'r2',
			'r4',
			'r5',
			'r6'
		]);
	});

	it('drops an action that another answer shows is already done', () => {
		const guarded = withRecommendations({
			r1: { unless: [{ question: 'q5', atLeast: 4 }] },
			r6: { unless: [{ question: 'q4', atLeast: 2 }] }
		});
		const ids = (answers: Answers) =>
			scoreAnswers(guarded, answers).recommendations.map((item) => item.id);
		expect(ids(beginner)).toEqual(['r1', 'r2', 'r4', 'r5', 'r6']);
		// q5 good: r1 (guarded by q5) is done; q4 scores 3: the theme rule r6 is done too.
		expect(ids({ ...beginner, q5: 'good' })).toEqual(['r2', 'r4']);
		expect(ids({ ...beginner, q4: ['c'], q5: 'good' })).toEqual(['r2']);
		// A hidden guard question says nothing: q5 is only shown to exporters.
		expect(ids({ ...beginner, exports_eu: false, q5: 'good' })).toContain('r1');
	});

	it('fires no recommendation when every answer is above its threshold', () => {
		const result = scoreAnswers(mini, {
			exports_eu: false,
			q1: 'mid',
			q2: true,
			q3: 3,
			q4: ['a', 'b']
		});
		expect(result.recommendations).toEqual([]);
	});

	it('ignores answers that are not valid for their question', () => {
		const valid = scoreAnswers(mini, { exports_eu: false, q1: 'mid', q2: true, q3: 3, q4: ['a'] });
		const withJunk = scoreAnswers(mini, {
			exports_eu: false,
			q1: 'mid',
			q2: true,
			q3: 3,
			q4: ['a'],
			q6: 'top'
		});
		expect(withJunk).toEqual(valid);
		const invalid = scoreAnswers(mini, {
			exports_eu: false,
			q1: 'huge',
			q2: 'yes',
			q3: 9,
			q4: ['zz']
		});
		expect(invalid.themes.map((theme) => theme.score)).toEqual([null, null]);
	});
});

describe('levelFor', () => {
	it.each([
		[0, 'starting'],
		[19.9, 'starting'],
		[20, 'aware'],
		[59.9, 'developing'],
		[80, 'leading'],
		[100, 'leading']
	])('%d falls in %s', (overall, level) => {
		expect(levelFor(mini.levels, overall).id).toBe(level);
	});
});

describe('profileFacts', () => {
	it('takes the larger size class of head count and turnover', () => {
		const facts = profileFacts(mini, {
			company: 'Çağlar Tekstil',
			sector: 'C',
			employees: 'e1',
			turnover: 't3',
			province: '39'
		});
		expect(facts).toEqual({
			companyName: 'Çağlar Tekstil',
			contactEmail: undefined,
			sector: 'C',
			sizeClass: 'medium',
			province: '39'
		});
	});

	it('uses head count alone while turnover is unanswered', () => {
		expect(profileFacts(mini, { employees: 'e2' }).sizeClass).toBe('small');
	});
});
