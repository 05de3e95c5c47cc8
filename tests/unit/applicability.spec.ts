import { describe, expect, it } from 'vitest';
import { parseCatalogue } from '$lib/content/load';
import { isScored, maxScore, lowestScore } from '$lib/questionnaire/questions';
import type { Question } from '$lib/questionnaire/schema';
import { visibleQuestionIds, type Answers } from '$lib/questionnaire/visibility';
import { scoreAnswers, weightFor } from '$lib/scoring/score';
import { readFolder } from '../fixtures/catalogue';

// Applicability against the real questionnaire: what cannot apply to a firm never lowers its score.
const questionnaire = parseCatalogue(readFolder('questionnaires')).questionnaires.get(
	'green-deal-readiness'
)!;
const themeQuestions = questionnaire.themes.flatMap((theme) => theme.questions);
const byId = new Map(themeQuestions.map((question) => [question.id, question]));

/** The best answer of a scored question (what a firm that has everything would say). */
function bestAnswer(question: Question) {
	if (!isScored(question)) return undefined;
	switch (question.type) {
		case 'single':
			return question.options!.find((option) => option.score === maxScore(question))!.id;
		case 'multi':
			return question.options.filter((option) => !option.exclusive).map((option) => option.id);
		case 'scale':
			return 4;
		case 'yesno':
			return question.scores.yes >= question.scores.no;
	}
}

/** The weakest answer of a scored question. */
function weakestAnswer(question: Question) {
	if (!isScored(question)) return undefined;
	switch (question.type) {
		case 'single':
			return question.options!.find((option) => option.score === lowestScore(question))!.id;
		case 'multi':
			return [question.options.find((option) => option.exclusive)!.id];
		case 'scale':
			return 0;
		case 'yesno':
			return question.scores.yes < question.scores.no;
	}
}

/** Answers every theme question shown, best or weakest, on top of a profile. */
function answerAll(profile: Answers, pick: (question: Question) => unknown, except: string[] = []) {
	const answers: Answers = { ...profile };
	for (const question of themeQuestions) {
		const value = except.includes(question.id) ? weakestAnswer(question) : pick(question);
		if (value !== undefined) answers[question.id] = value as Answers[string];
	}
	return answers;
}

const visibleScored = (answers: Answers) => {
	const visible = visibleQuestionIds(questionnaire, answers);
	return themeQuestions.filter((question) => isScored(question) && visible.has(question.id));
};

const erzurumFurniture: Answers = {
	sector: 'C',
	manufacturing_division: 'C31',
	employees: 'e10_49',
	turnover: 't_100m',
	province: '25',
	export_share: 'under10',
	exports_eu: true,
	cbam_goods: 'no'
};
const tekirdagSteel: Answers = {
	sector: 'C',
	manufacturing_division: 'C24',
	employees: 'e50_249',
	turnover: 't_1b',
	province: '59',
	export_share: 'over50',
	exports_eu: true,
	cbam_goods: 'yes',
	cbam_sectors: ['iron_steel'],
	cbam_tonnage: 'over50'
};
const kirklareliFood: Answers = {
	sector: 'C',
	manufacturing_division: 'C10',
	employees: 'e10_49',
	turnover: 't_100m',
	province: '39',
	export_share: 'none'
};
const microFood: Answers = { ...kirklareliFood, employees: 'e1_9', turnover: 't_10m' };

describe('how many scored questions a typical firm answers', () => {
	it.each([
		['an Erzurum furniture maker with 25 employees exporting a little to the EU', erzurumFurniture],
		['a Tekirdağ steel exporter', tekirdagSteel],
		['a Kırklareli food producer', kirklareliFood],
		['a leather exporter', { ...erzurumFurniture, manufacturing_division: 'C15' }],
		['a service firm', { sector: 'J', employees: 'e1_9', turnover: 't_10m', export_share: 'none' }]
	])('%s: at most 45', (_name, profile) => {
		const count = visibleScored(answerAll(profile, bestAnswer)).length;
		expect(count).toBeLessThanOrEqual(45);
	});
});

describe('sector questions follow the NACE division', () => {
	const ids = (profile: Answers) =>
		new Set(visibleScored(answerAll(profile, bestAnswer)).map((question) => question.id));

	it('a furniture maker sees the wood questions, a food producer does not', () => {
		const furniture = ids(erzurumFurniture);
		const food = ids(kirklareliFood);
		for (const id of ['sec_wood_residue', 'sec_coating_voc', 'mkt_eudr']) {
			expect(furniture.has(id)).toBe(true);
			expect(food.has(id)).toBe(false);
		}
	});

	it('a food producer sees organic waste, water and refrigerants; a steel maker scrap and process heat', () => {
		const food = ids(kirklareliFood);
		const steel = ids(tekirdagSteel);
		for (const id of ['sec_organic_waste', 'sec_process_water', 'sec_refrigerants']) {
			expect(food.has(id)).toBe(true);
			expect(steel.has(id)).toBe(false);
		}
		for (const id of ['sec_metal_scrap', 'sec_process_heat']) {
			expect(steel.has(id)).toBe(true);
			expect(food.has(id)).toBe(false);
		}
	});

	it('the EUDR question is only for wood, paper and leather firms that sell to the EU', () => {
		expect(ids({ ...erzurumFurniture, export_share: 'none' }).has('mkt_eudr')).toBe(false);
		expect(ids({ ...erzurumFurniture, manufacturing_division: 'C15' }).has('mkt_eudr')).toBe(true);
	});
});

describe('applicability in the score', () => {
	it("a firm that does not export to the EU has no market score, and the market's questions do not count", () => {
		const result = scoreAnswers(questionnaire, answerAll(kirklareliFood, bestAnswer));
		expect(result.themes.find((theme) => theme.id === 'market')?.score).toBeNull();
		expect(result.overall).toBe(100);
		const market = questionnaire.themes.find((theme) => theme.id === 'market')!;
		const visible = visibleQuestionIds(questionnaire, kirklareliFood);
		expect(market.questions.filter((question) => visible.has(question.id))).toEqual([]);
	});

	it('a micro firm without ISO 14001, ISO 50001 or a verified inventory is not penalised', () => {
		const certificates = ['en_iso50001', 'mgt_iso14001', 'co2_verification'];
		const without = scoreAnswers(questionnaire, answerAll(microFood, bestAnswer, certificates));
		expect(without.overall).toBe(100);
		// Nor is it told to get them.
		const fired = new Set(without.recommendations.map((recommendation) => recommendation.id));
		expect(fired.has('rec_mgt_iso14001')).toBe(false);
		expect(fired.has('rec_en_iso50001')).toBe(false);
	});

	it('a small firm without them loses less than a medium-sized one', () => {
		const certificates = ['en_iso50001', 'mgt_iso14001', 'co2_verification'];
		const small = scoreAnswers(questionnaire, answerAll(kirklareliFood, bestAnswer, certificates));
		const medium = scoreAnswers(
			questionnaire,
			answerAll({ ...kirklareliFood, employees: 'e50_249' }, bestAnswer, certificates)
		);
		expect(small.overall).toBeLessThan(100);
		expect(medium.overall).toBeLessThan(small.overall);
		expect(small.recommendations.some((r) => r.id === 'rec_mgt_iso14001')).toBe(true);
	});

	it('the size-class weight replaces the weight; a class without an entry keeps it', () => {
		const iso = byId.get('mgt_iso14001')!;
		expect(weightFor(iso, 'micro')).toBe(0);
		expect(weightFor(iso, 'small')).toBe(0.5);
		expect(weightFor(iso, 'medium')).toBe(iso.weight);
		expect(weightFor(iso, undefined)).toBe(iso.weight);
	});
});
