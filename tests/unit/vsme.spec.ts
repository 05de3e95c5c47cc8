import { describe, expect, it } from 'vitest';
import { assessCarbon } from '$lib/carbon/assess';
import { estimateEmissions } from '$lib/carbon/estimate';
import { vsmeSheet, vsmeSheetSchema } from '$lib/carbon/vsme';
import { parseCatalogue } from '$lib/content/load';
import { readFolder } from '../fixtures/catalogue';
import { vsmeFirm as firm } from '../fixtures/vsme-firm';

const catalogue = parseCatalogue(readFolder('questionnaires'));
const factors = catalogue.emissionFactors!;
const questionnaire = catalogue.questionnaires.get('green-deal-readiness')!;

describe('the VSME data sheet (hand-computed from emission-factors.yaml)', () => {
	const sheet = assessCarbon(questionnaire, firm, factors).vsme!;

	it('adds up B3 energy from grid electricity, own solar, gas in Sm³ and diesel', () => {
		const { b3 } = sheet;
		// Electricity: 100 MWh from the grid (20 % certified renewable) + 20 MWh own solar = 120 MWh, 40 renewable.
		expect(b3.electricityConsumption).toEqual({ value: 120, unit: 'MWh', basis: 'computed' });
		expect(b3.renewableElectricityConsumption.value).toBeCloseTo(40, 9);
		expect(b3.nonRenewableElectricityConsumption.value).toBeCloseTo(80, 9);
		// Gas: 10,000 Sm³ × 10.64 kWh (gross) × 0.9 (net) = 95,760 kWh; diesel: 1,000 L × 10.03 kWh = 10,030 kWh.
		expect(b3.fuelConsumption.value).toBeCloseTo(105.79, 9);
		expect(b3.renewableFuelConsumption.value).toBe(0);
		expect(b3.totalEnergyConsumption.value).toBeCloseTo(225.79, 9);
		expect(b3.renewableEnergyConsumption.value).toBeCloseTo(40, 9);
		expect(b3.nonRenewableEnergyConsumption.value).toBeCloseTo(185.79, 9);
	});

	it('takes Scope 1, location-based Scope 2 and the intensity from the estimate and the turnover band', () => {
		const { b3 } = sheet;
		// Scope 1: 106,400 kWh × 0.1819 + 1,000 L × 2.685 = 22,039.16 kg; Scope 2: 100,000 kWh × 0.439 = 43,900 kg.
		expect(b3.grossScope1GhgEmissions.value).toBeCloseTo(22.03916, 9);
		expect(b3.grossLocationBasedScope2GhgEmissions.value).toBeCloseTo(43.9, 9);
		expect(b3.turnover).toEqual({ value: 55, unit: 'million TRY', basis: 'band_estimate' });
		expect(b3.ghgIntensityPerTurnover.value).toBeCloseTo(65.93916 / 55, 9);
		expect(b3.ghgIntensityPerTurnover.unit).toBe('tCO2e/million TRY');
	});

	it('reports B6 water and B7 waste as entered, with the splits computed', () => {
		expect(sheet.b6.totalWaterWithdrawal).toEqual({ value: 1_200, unit: 'm3', basis: 'entered' });
		expect(sheet.b6.waterWithdrawalInAreasOfHighWaterStress.value).toBe(300);
		expect(sheet.b7.circularEconomyPrinciplesApplied).toEqual({ value: true, basis: 'entered' });
		expect(sheet.b7.nonHazardousWaste).toEqual({ value: 8.5, unit: 't', basis: 'computed' });
		expect(sheet.b7.wasteDivertedToRecyclingOrReuse).toEqual({
			value: 6,
			unit: 't',
			basis: 'computed'
		});
		expect(sheet.b7.annualMassOfKeyMaterialsUsed.value).toBe(250);
		expect(vsmeSheetSchema.parse(sheet)).toEqual(sheet);
	});

	it('does not make up a non-hazardous figure when the hazardous part exceeds the total', () => {
		const muddled = assessCarbon(questionnaire, { ...firm, waste_hazardous_t: 15 }, factors).vsme!;
		expect(muddled.b7.hazardousWaste.value).toBe(15);
		expect(muddled.b7.nonHazardousWaste.value).toBeNull();
	});

	it('leaves every figure null, never zero, when nothing was entered', () => {
		const empty = assessCarbon(questionnaire, {}, factors).vsme!;
		const values = [
			...Object.values(empty.b3),
			...Object.values(empty.b6),
			...Object.values(empty.b7)
		].map((metric) => metric.value);
		expect(values.every((value) => value === null)).toBe(true);
	});

	it('counts wood as renewable fuel and lignite at the supplier’s calorific value', () => {
		const inputs = { wood: 1_000, lignite: 1_000, lignite_calorific_value: 3_000 };
		const estimate = estimateEmissions(inputs, factors);
		const { b3 } = vsmeSheet(inputs, estimate, factors, {
			turnoverFromBand: true,
			circularEconomy: undefined
		});
		// Wood: 1,000 kg × 4.333 kWh; lignite: 1,000 kg × 3,000 kcal × 0.001163 kWh = 3,489 kWh.
		expect(b3.renewableFuelConsumption.value).toBeCloseTo(4.333, 9);
		expect(b3.nonRenewableFuelConsumption.value).toBeCloseTo(3.489, 9);
		expect(b3.electricityConsumption.value).toBeNull();
		expect(b3.totalEnergyConsumption.value).toBeCloseTo(7.822, 9);
	});

	it('leaves the energy totals unknown rather than short when a fuel has no energy content', () => {
		const partial = {
			...factors,
			sources: factors.sources.map((source) =>
				source.id === 'diesel' ? { ...source, energyKwh: undefined } : source
			)
		};
		const inputs = { electricity: 1_000, diesel: 100 };
		const { b3 } = vsmeSheet(inputs, estimateEmissions(inputs, partial), partial, {
			turnoverFromBand: true,
			circularEconomy: undefined
		});
		expect(b3.electricityConsumption.value).toBe(1);
		expect(b3.fuelConsumption.value).toBeNull();
		expect(b3.totalEnergyConsumption.value).toBeNull();
	});
});
