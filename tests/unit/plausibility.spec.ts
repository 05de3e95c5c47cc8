import { describe, expect, it } from 'vitest';
import { plausibilityWarnings } from '$lib/carbon/plausibility';
import { parseCatalogue } from '$lib/content/load';
import type { Answers } from '$lib/questionnaire/visibility';
import { readFolder } from '../fixtures/catalogue';

const catalogue = parseCatalogue(readFolder('questionnaires'));
const factors = catalogue.emissionFactors!;
const questionnaire = catalogue.questionnaires.get('green-deal-readiness')!;

/** An Erzurum furniture maker of 10–49 people (30 counted), as in the walk-through. */
const furniture: Answers = { sector: 'C', manufacturing_division: 'C31', employees: 'e10_49' };

const check = (answers: Answers, typed?: { locale: 'tr' | 'en'; text: Record<string, string> }) =>
	plausibilityWarnings(questionnaire, { ...furniture, ...answers }, { factors, typed });

describe('plausibility warnings', () => {
	it('passes ordinary figures without a word', () => {
		expect(
			check({ energy_electricity_kwh: 180_000, energy_gas_sm3: 12_000, energy_diesel_l: 800 })
		).toEqual([]);
	});

	it('suggests 1,000 times more when "180,000" kWh was read as 180 on the Turkish page', () => {
		expect(check({ energy_electricity_kwh: 180 })).toEqual([
			{
				question: 'energy_electricity_kwh',
				code: 'separator_slip',
				values: { employees: 30, perEmployee: 6 },
				suggestion: 180_000
			}
		]);
	});

	it('suggests 12,000 Sm³ when "12.000" was read as 12 on the English page', () => {
		const [warning] = check({ energy_gas_sm3: 12 });
		expect(warning).toMatchObject({ code: 'separator_slip', suggestion: 12_000 });
	});

	it('suggests 1,000 times less for a figure far too large', () => {
		const [warning] = check({ energy_electricity_kwh: 900_000_000 });
		expect(warning).toMatchObject({ code: 'separator_slip', suggestion: 900_000 });
	});

	it('warns about electricity per employee far outside the range when no slip explains it', () => {
		expect(check({ energy_electricity_kwh: 2 })).toEqual([
			expect.objectContaining({
				code: 'per_employee_low',
				values: { employees: 30, perEmployee: 0 }
			})
		]);
		// A shop of 5: 100,000 kWh each is the guard, and even a thousandth of 200 million each is above it.
		const [high] = plausibilityWarnings(
			questionnaire,
			{ sector: 'G', employees: 'e1_9', energy_electricity_kwh: 1_000_000_000 },
			{ factors }
		);
		expect(high).toMatchObject({ code: 'per_employee_high' });
	});

	it('lets an energy-intensive division use far more than a furniture maker', () => {
		const foundry = { sector: 'C', manufacturing_division: 'C24', employees: 'e10_49' };
		const answers = { ...foundry, energy_electricity_kwh: 60_000_000 };
		expect(plausibilityWarnings(questionnaire, answers, { factors })).toEqual([]);
		expect(check({ energy_electricity_kwh: 60_000_000 })).toHaveLength(1);
	});

	it("asks whether Sm³ many times the electricity is the bill's kWh (10.64 kWh per Sm³)", () => {
		const [warning] = check({ energy_electricity_kwh: 50_000, energy_gas_sm3: 127_680 });
		expect(warning).toMatchObject({
			question: 'energy_gas_sm3',
			code: 'gas_sm3_as_kwh',
			values: { kwh: 1_358_515, ratio: 27, kwhPerSm3: 10.64 },
			suggestion: 12_000
		});
	});

	it('catches "12.000" typed on the English page even where the figure could be real', () => {
		const typed = { locale: 'en' as const, text: { energy_diesel_l: '12.000' } };
		expect(check({ energy_diesel_l: 12 }, typed)).toEqual([
			{
				question: 'energy_diesel_l',
				code: 'separator_style',
				values: { read: 12 },
				suggestion: 12_000
			}
		]);
		expect(
			check({ energy_diesel_l: 12_000 }, { locale: 'tr', text: { energy_diesel_l: '12.000' } })
		).toEqual([]);
	});

	it('judges nothing by head count when the profile has no band yet', () => {
		const answers = { energy_electricity_kwh: 180 };
		expect(plausibilityWarnings(questionnaire, answers, { factors })).toEqual([]);
	});

	it('passes ordinary water and waste figures without a word', () => {
		expect(check({ water_withdrawal_m3: 1_200, waste_total_t: 12 })).toEqual([]);
	});

	it('suggests 6,000 m³ of water when 6,000,000 were typed for 30 people', () => {
		expect(check({ water_withdrawal_m3: 6_000_000 })).toEqual([
			{
				question: 'water_withdrawal_m3',
				code: 'separator_slip',
				values: { employees: 30, perEmployee: 200_000 },
				suggestion: 6_000
			}
		]);
	});

	it('names water and waste far off for the head count in their own words', () => {
		expect(check({ water_withdrawal_m3: 0.02, waste_total_t: 0.0001 })).toEqual([
			{
				question: 'water_withdrawal_m3',
				code: 'water_per_employee_low',
				values: { employees: 30, perEmployee: 0 }
			},
			{
				question: 'waste_total_t',
				code: 'waste_per_employee_low',
				values: { employees: 30, perEmployee: 0 }
			}
		]);
	});

	it('says when a part is larger than its total: hazardous waste, water at stressed sites', () => {
		expect(
			check({
				waste_total_t: 12,
				waste_hazardous_t: 20,
				water_withdrawal_m3: 1_200,
				water_stressed_m3: 300
			})
		).toEqual([
			{ question: 'waste_hazardous_t', code: 'part_exceeds_total', values: { part: 20, total: 12 } }
		]);
		expect(check({ water_withdrawal_m3: 1_200, water_stressed_m3: 1_500 })).toEqual([
			{
				question: 'water_stressed_m3',
				code: 'part_exceeds_total',
				values: { part: 1_500, total: 1_200 }
			}
		]);
	});

	it('suggests 100 t of waste when 0.1 t was read for 30 people', () => {
		const [warning] = check({ waste_total_t: 0.1 });
		expect(warning).toMatchObject({ code: 'separator_slip', suggestion: 100 });
	});
});
