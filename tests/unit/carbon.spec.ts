import { describe, expect, it } from 'vitest';
import { assessCarbon } from '$lib/carbon/assess';
import { screenCbam, type CbamAnswers } from '$lib/carbon/cbam';
import { estimateEmissions } from '$lib/carbon/estimate';
import { checkAnswers, fromFormFields } from '$lib/questionnaire/answers';
import { visibleQuestionIds } from '$lib/questionnaire/visibility';
import { scoreAnswers } from '$lib/scoring/score';
import { parseCatalogue } from '$lib/content/load';
import { readFolder } from '../fixtures/catalogue';

const catalogue = parseCatalogue(readFolder('questionnaires'));
const factors = catalogue.emissionFactors!;
const questionnaire = catalogue.questionnaires.get('green-deal-readiness')!;

/** Tonnes of the one source an estimate was given, hand-computed in each case below. */
function tonnesOf(inputs: Record<string, number>) {
	const estimate = estimateEmissions(inputs, factors)!;
	return { estimate, tonnes: estimate.sources.map((source) => source.tonnes) };
}

describe('the estimate for each fuel (hand-computed from emission-factors.yaml)', () => {
	it.each([
		// source, amount entered, tonnes CO2e = amount × kg per unit / 1000
		['electricity', 100_000, 43.9], // 100,000 kWh × 0.439
		['natural_gas', 50_000, 9.095], // 50,000 kWh × 0.1819
		['diesel', 2_000, 5.37], // 2,000 L × 2.685
		['offroad_diesel', 2_000, 5.908], // 2,000 L × 2.954
		['petrol', 100, 0.2295], // 100 L × 2.295
		['lpg', 500, 1.4935], // 500 kg × 2.987
		['fuel_oil', 1_000, 3.137], // 1,000 kg × 3.137
		['coal', 10_000, 24.58], // 10,000 kg × 2.458
		['lignite', 10_000, 12.1], // 10,000 kg × 1.210
		['wood', 10_000, 0.2964], // 10,000 kg × 0.02964 (CH4 and N2O only)
		['vehicle_diesel', 3_000, 8.154], // 3,000 L × 2.718
		['vehicle_petrol', 1_000, 2.341], // 1,000 L × 2.341
		['vehicle_lpg', 1_000, 1.657] // 1,000 L × 1.657
	])('%s: %d units make %d t', (source, amount, expected) => {
		const { estimate, tonnes } = tonnesOf({ [source]: amount });
		expect(tonnes).toHaveLength(1);
		expect(tonnes[0]).toBeCloseTo(expected, 9);
		expect(estimate.total).toBeCloseTo(expected, 9);
	});

	it('converts Sm³ of gas to kWh at the stated 10.64 kWh per Sm³', () => {
		const { estimate } = tonnesOf({ natural_gas_sm3: 1_000 });
		const [gas] = estimate.sources;
		expect(gas.amount).toBeCloseTo(10_640, 9); // 1,000 Sm³ × 10.64
		expect(gas.tonnes).toBeCloseTo(1.935416, 9); // 10,640 kWh × 0.1819 / 1000
		expect(gas.convertedFrom).toMatchObject({ amount: 1_000, unit: 'Sm³', factor: 10.64 });
	});

	it('uses the kWh from the bill when both kWh and Sm³ are given, and says the Sm³ were not used', () => {
		const { estimate } = tonnesOf({ natural_gas: 50_000, natural_gas_sm3: 1_000 });
		expect(estimate.sources[0].tonnes).toBeCloseTo(9.095, 9);
		expect(estimate.sources[0].convertedFrom).toBeUndefined();
		expect(estimate.ignored).toEqual(['natural_gas_sm3']);
	});
});

describe('the electricity supplier’s own factor (market-based Scope 2)', () => {
	it('replaces the grid average in the market-based figure only', () => {
		const estimate = estimateEmissions(
			{ electricity: 100_000, supplier_electricity_factor: 0.35 },
			factors
		)!;
		expect(estimate.scope2).toBeCloseTo(43.9, 9); // location-based: 100,000 kWh × 0.439
		expect(estimate.scope2MarketBased).toBeCloseTo(35, 9); // 100,000 kWh × 0.35
		expect(estimate.supplierFactor).toBe(0.35);
		expect(estimate.total).toBeCloseTo(43.9, 9); // the total stays location-based
	});

	it('applies to the electricity certificates do not cover', () => {
		const estimate = estimateEmissions(
			{ electricity: 100_000, supplier_electricity_factor: 0.35, renewable_share: 40 },
			factors
		)!;
		expect(estimate.scope2MarketBased).toBeCloseTo(21, 9); // 60,000 kWh × 0.35
		expect(estimate.renewableShare).toBe(40);
	});

	it('is not used when no electricity was entered, and a zero counts as not given', () => {
		const noElectricity = estimateEmissions(
			{ natural_gas: 1_000, supplier_electricity_factor: 0.35 },
			factors
		)!;
		expect(noElectricity.scope2MarketBased).toBe(0);
		const zero = estimateEmissions(
			{ electricity: 1_000, supplier_electricity_factor: 0 },
			factors
		)!;
		expect(zero.scope2MarketBased).toBeNull();
		expect(zero.supplierFactor).toBeNull();
	});
});

describe('lignite with and without the supplier’s calorific value', () => {
	it('uses the default 1.210 kg per kg without one', () => {
		const [lignite] = estimateEmissions({ lignite: 20_000 }, factors)!.sources;
		expect(lignite.tonnes).toBeCloseTo(24.2, 9); // 20,000 kg × 1.210
		expect(lignite.calorificValue).toBeUndefined();
	});

	it('weighs the energy content when the analysis gives 3,500 kcal/kg', () => {
		const [lignite] = estimateEmissions(
			{ lignite: 20_000, lignite_calorific_value: 3_500 },
			factors
		)!.sources;
		expect(lignite.factor).toBeCloseTo(1.48995, 9); // 3,500 kcal/kg × 0.0004257 kg CO2e per kcal
		expect(lignite.tonnes).toBeCloseTo(29.799, 9); // 20,000 kg × 1.48995
		expect(lignite.calorificValue).toMatchObject({ value: 3_500, unit: 'kcal/kg' });
	});

	it('agrees with the default factor at the IPCC default of 11.9 MJ/kg (2,842 kcal/kg)', () => {
		const [lignite] = estimateEmissions(
			{ lignite: 1_000, lignite_calorific_value: 2_842 },
			factors
		)!.sources;
		expect(lignite.factor).toBeCloseTo(1.21, 2);
	});
});

describe('wood and sawdust: biogenic CO2 beside the total, CH4 and N2O in it', () => {
	// An Erzurum furniture maker burning 40 t of its own sawdust and 2,000 L of diesel in its forklifts.
	const estimate = estimateEmissions({ wood: 40_000, offroad_diesel: 2_000 }, factors)!;

	it('counts only CH4 and N2O of the sawdust in Scope 1', () => {
		const wood = estimate.sources.find((source) => source.id === 'wood')!;
		expect(wood.tonnes).toBeCloseTo(1.1856, 9); // 40,000 kg × 0.02964
		expect(estimate.scope1).toBeCloseTo(1.1856 + 5.908, 9); // + 2,000 L × 2.954 off-road
		expect(estimate.total).toBeCloseTo(7.0936, 9);
	});

	it('reports the biogenic CO2 separately', () => {
		expect(estimate.biogenicCo2T).toBeCloseTo(69.88, 9); // 40,000 kg × 1.747
	});

	it('has no biogenic figure when no biomass was burnt', () => {
		expect(estimateEmissions({ diesel: 100 }, factors)!.biogenicCo2T).toBeNull();
	});
});

describe('totals and intensities', () => {
	// A small metal workshop: 250,000 kWh of electricity, 80,000 kWh of gas, 4,000 L of diesel in its vans.
	const inputs = {
		electricity: 250_000,
		natural_gas: 80_000,
		vehicle_diesel: 4_000,
		renewable_share: 40,
		solar_produced: 50_000,
		employees_count: 25,
		turnover_million_tl: 60
	};
	const estimate = estimateEmissions(inputs, factors)!;

	it('adds Scope 1 (fuels) and Scope 2 (electricity) separately', () => {
		expect(estimate.scope1).toBeCloseTo(14.552 + 10.872, 9); // 80,000 × 0.1819 + 4,000 × 2.718 (kg → t)
		expect(estimate.scope2).toBeCloseTo(109.75, 9); // 250,000 × 0.439
		expect(estimate.total).toBeCloseTo(135.174, 9);
	});

	it('gives the intensity per employee and per million TL of turnover', () => {
		expect(estimate.perEmployee).toBeCloseTo(135.174 / 25, 9); // 5.40696 t per person
		expect(estimate.perMillionTl).toBeCloseTo(135.174 / 60, 9); // 2.2529 t per million TL
	});

	it('counts certified renewable supply in the market-based figure only, and solar as a share of use', () => {
		expect(estimate.scope2MarketBased).toBeCloseTo(65.85, 9); // 109.75 × (1 − 0.40)
		expect(estimate.supplierFactor).toBeNull();
		expect(estimate.solar).toEqual({ kwh: 50_000, share: 50_000 / 300_000 });
	});

	it('leaves intensities out when head count or turnover is missing or zero', () => {
		const bare = estimateEmissions({ electricity: 1_000, employees_count: 0 }, factors)!;
		expect(bare.perEmployee).toBeNull();
		expect(bare.perMillionTl).toBeNull();
		expect(bare.scope2MarketBased).toBeNull();
		expect(bare.solar).toBeNull();
	});

	it('gives no estimate at all when no energy figure was entered', () => {
		expect(estimateEmissions({}, factors)).toBeNull();
		expect(estimateEmissions({ employees_count: 12, turnover_million_tl: 5 }, factors)).toBeNull();
	});

	it('reports an entered zero as a zero, not as missing', () => {
		expect(estimateEmissions({ electricity: 0 }, factors)?.total).toBe(0);
	});
});

describe('bad energy figures are refused with a clear reason before they reach the estimate', () => {
	it.each([
		[-5, 'too_small'],
		[Number.NaN, 'not_a_number'],
		[Number.POSITIVE_INFINITY, 'not_a_number'],
		[5e12, 'too_large'],
		['12', 'not_a_number']
	])('%s kWh → %s', (value, code) => {
		const { issues, changes } = checkAnswers(questionnaire, { energy_electricity_kwh: value });
		expect(issues).toEqual([expect.objectContaining({ question: 'energy_electricity_kwh', code })]);
		expect(changes).toEqual({});
	});

	it('refuses a renewable share above 100 %', () => {
		const { issues } = checkAnswers(questionnaire, { energy_renewable_share: 120 });
		expect(issues.map((issue) => [issue.question, issue.code])).toEqual([
			['energy_renewable_share', 'too_large']
		]);
	});

	it('takes head count and turnover from the profile bands instead of asking again', () => {
		const answers = { employees: 'e10_49', turnover: 't_100m', energy_electricity_kwh: 100_000 };
		const { carbon } = assessCarbon(questionnaire, answers, factors);
		expect(carbon!.perEmployee).toBeCloseTo(43.9 / 30, 9); // 10–49 people: the middle, 30
		expect(carbon!.perMillionTl).toBeCloseTo(43.9 / 55, 9); // 10–100 million TL: the middle, 55
		const large = assessCarbon(questionnaire, { ...answers, employees: 'e250' }, factors);
		expect(large.carbon!.perEmployee).toBeCloseTo(43.9 / 250, 9); // 250 or more: the lower limit
	});

	it('reads numbers as Turkish users type them, and refuses text that is not a number', () => {
		const questions = questionnaire.energy!.questions;
		const form = new FormData();
		form.set('energy_electricity_kwh', '1.250.000');
		form.set('energy_supplier_factor', '0,35');
		form.set('energy_gas_kwh', '12 bin');
		const raw = fromFormFields(questions, form, 'tr');
		expect(raw.energy_electricity_kwh).toBe(1_250_000);
		expect(raw.energy_supplier_factor).toBe(0.35);
		const { issues } = checkAnswers(questionnaire, raw);
		expect(issues).toEqual([
			expect.objectContaining({ question: 'energy_gas_kwh', code: 'not_a_number' })
		]);
	});
});

describe('the CBAM screen', () => {
	const steelExporter: CbamAnswers = { goods: 'yes', route: 'direct', sectors: ['iron_steel'] };
	const screen = (answers: CbamAnswers) => {
		const { exposure, readiness } = screenCbam(answers);
		return { exposure: exposure.value, readiness: readiness?.value ?? null };
	};

	it.each<[string, CbamAnswers, { exposure: string; readiness: string | null }]>([
		[
			'a 5,000 t direct steel exporter without data',
			{ ...steelExporter, tonnage: 'over50', data: 'none' },
			{ exposure: 'in_scope', readiness: 'none' }
		],
		[
			'a steel exporter under 50 t to its largest customer, without data',
			{ ...steelExporter, tonnage: 'under50', data: 'none' },
			{ exposure: 'below_threshold', readiness: 'none' }
		],
		[
			'a billet maker selling to a Turkish tube exporter (indirect supplier)',
			{ goods: 'yes', route: 'via_exporter', sectors: ['iron_steel'], data: 'estimate' },
			{ exposure: 'indirect', readiness: 'estimate' }
		],
		[
			'a furniture maker with no covered goods',
			{ goods: 'no' },
			{ exposure: 'none', readiness: null }
		],
		[
			'a firm whose covered goods stay out of the EU',
			{ goods: 'yes', route: 'not_eu', data: 'none' },
			{ exposure: 'none', readiness: null }
		],
		[
			'a firm unsure whether its goods are covered',
			{ goods: 'unsure', data: 'none' },
			{ exposure: 'unsure', readiness: 'none' }
		],
		[
			'an aluminium exporter who does not know the tonnage',
			{ goods: 'yes', route: 'direct', sectors: ['aluminium'], tonnage: 'unknown' },
			{ exposure: 'likely', readiness: null }
		],
		[
			'a hydrogen producer selling small amounts (no threshold applies), with verified data',
			{
				goods: 'yes',
				route: 'direct',
				sectors: ['hydrogen'],
				tonnage: 'under50',
				data: 'verified'
			},
			{ exposure: 'in_scope', readiness: 'verified' }
		],
		['a firm that answered nothing', {}, { exposure: 'none', readiness: null }]
	])('%s', (_, answers, expected) => {
		expect(screen(answers)).toEqual(expected);
	});

	it('never gives an under-50 t firm without data the label of a large exporter', () => {
		const small = screen({ ...steelExporter, tonnage: 'under50', data: 'none' });
		const large = screen({ ...steelExporter, tonnage: 'over50', data: 'none' });
		expect(small.exposure).not.toBe(large.exposure);
	});

	it('gives the reasons for each finding apart', () => {
		const result = screenCbam({ ...steelExporter, tonnage: 'over50', data: 'none' });
		expect(result.exposure.reasons).toEqual(['goods_covered_direct', 'over_threshold']);
		expect(result.readiness?.reasons).toEqual(['data_missing']);
		expect(screenCbam({ goods: 'yes', route: 'via_exporter' }).exposure.reasons).toEqual([
			'goods_covered_indirect'
		]);
	});

	it('asks for data where there is none, for verification of an estimate, and for nothing when verified', () => {
		const actions = (data: CbamAnswers['data']) =>
			screenCbam({ ...steelExporter, tonnage: 'over50', data }).actions;
		expect(actions('none')).toContain('measure_embedded');
		expect(actions('estimate')).toContain('verify_data');
		expect(actions('estimate')).not.toContain('measure_embedded');
		expect(actions('verified')).not.toContain('verify_data');
		expect(actions('verified')).not.toContain('measure_embedded');
		expect(screenCbam({ goods: 'yes', route: 'via_exporter' }).actions[0]).toBe('talk_to_exporter');
		expect(screenCbam({ goods: 'no' }).actions).toEqual(['watch_scope']);
	});
});

describe('reading an assessment', () => {
	it('feeds energy answers to the estimate and CBAM answers (by role) to the screen', () => {
		const result = assessCarbon(
			questionnaire,
			{
				export_share: 'over50',
				exports_eu: true,
				cbam_goods: 'yes',
				cbam_route: 'direct',
				cbam_sectors: ['aluminium'],
				cbam_tonnage: 'over50',
				mkt_cbam_data: 'none',
				energy_electricity_kwh: 10_000,
				energy_gas_sm3: 100
			},
			factors
		);
		expect(result.carbon?.scope2).toBeCloseTo(4.39, 9); // 10,000 kWh × 0.439
		expect(result.carbon?.scope1).toBeCloseTo(0.1935416, 9); // 100 Sm³ × 10.64 × 0.1819
		expect(result.cbam?.exposure.value).toBe('in_scope');
		expect(result.cbam?.readiness).toEqual({ value: 'none', reasons: ['data_missing'] });
	});

	it('feeds the new energy questions: supplier factor, lignite analysis, sawdust, forklifts', () => {
		const { carbon } = assessCarbon(
			questionnaire,
			{
				energy_electricity_kwh: 10_000,
				energy_supplier_factor: 0.5,
				energy_lignite_kg: 1_000,
				energy_lignite_kcal: 3_000,
				energy_wood_kg: 5_000,
				energy_offroad_diesel_l: 100
			},
			factors
		);
		expect(carbon?.scope2MarketBased).toBeCloseTo(5, 9); // 10,000 kWh × 0.5
		// 1,000 kg × 3,000 × 0.0004257 + 5,000 kg × 0.02964 + 100 L × 2.954
		expect(carbon?.scope1).toBeCloseTo(1.2771 + 0.1482 + 0.2954, 9);
		expect(carbon?.biogenicCo2T).toBeCloseTo(8.735, 9); // 5,000 kg × 1.747
	});

	it('ignores CBAM answers left behind on questions the answers now hide', () => {
		const result = assessCarbon(
			questionnaire,
			{
				cbam_goods: 'no',
				cbam_route: 'direct',
				cbam_tonnage: 'over50',
				mkt_cbam_data: 'verified'
			},
			factors
		);
		expect(result.cbam).toMatchObject({ exposure: { value: 'none' }, readiness: null });
		expect(result.carbon).toBeNull();
	});
});

describe('the CBAM market questions and the screen', () => {
	/** Worst answers to the CBAM market questions, which only count where they are shown. */
	const unprepared = {
		mkt_cbam_awareness: 'never',
		mkt_cbam_data: 'none',
		mkt_cbam_contact: false
	};
	const cbamQuestions = ['mkt_cbam_awareness', 'mkt_cbam_data', 'mkt_cbam_contact'];

	it.each([
		['a furniture maker exporting to the EU', { exports_eu: true, cbam_goods: 'no' }],
		['a steel maker selling only at home', { cbam_goods: 'yes', cbam_route: 'not_eu' }],
		['a firm that did not answer the CBAM questions', {}]
	])('asks nothing and recommends nothing about CBAM to %s', (_, profile) => {
		const answers = { ...profile, ...unprepared };
		expect(assessCarbon(questionnaire, answers, undefined).cbam?.exposure.value).toBe('none');
		const visible = visibleQuestionIds(questionnaire, answers);
		for (const id of cbamQuestions) expect(visible.has(id)).toBe(false);
		const ids = scoreAnswers(questionnaire, answers).recommendations.map((entry) => entry.id);
		expect(ids.filter((id) => id.startsWith('rec_mkt_cbam'))).toEqual([]);
	});

	it.each([
		['a direct exporter', { cbam_goods: 'yes', cbam_route: 'direct', cbam_tonnage: 'over50' }],
		['an indirect supplier', { cbam_goods: 'yes', cbam_route: 'via_exporter' }],
		['a firm unsure of its goods', { cbam_goods: 'unsure' }]
	])('asks %s the CBAM questions and recommends what is missing', (_, profile) => {
		const answers = { ...profile, ...unprepared };
		const visible = visibleQuestionIds(questionnaire, answers);
		for (const id of cbamQuestions) expect(visible.has(id)).toBe(true);
		const ids = scoreAnswers(questionnaire, answers).recommendations.map((entry) => entry.id);
		expect(ids).toContain('rec_mkt_cbam_data');
	});

	it('scores an unverified estimate a small step above no data, far below verified data', () => {
		const data = questionnaire.themes
			.flatMap((theme) => theme.questions)
			.find((question) => question.role === 'cbam_data')!;
		const scores = Object.fromEntries(
			(data.type === 'single' ? (data.options ?? []) : []).map((option) => [
				option.id,
				option.score
			])
		);
		expect(scores).toEqual({ none: 0, estimate: 1, verified: 4 });
	});
});
