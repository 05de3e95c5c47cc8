import { z } from 'zod';
import type { CarbonEstimate, CarbonInputs } from './estimate';
import type { EmissionFactors } from './factors';

/*
 * The environmental figures of EFRAG's Voluntary Sustainability Reporting Standard for non-listed SMEs (VSME,
 * December 2024), Basic Module: B3 energy and greenhouse gas emissions, B6 water, B7 resource use, circular economy
 * and waste. Names and units follow the standard's wording so that a bank's or customer's system can map them; the
 * rest of the Basic Module (B1, B2, B4, B5, B8–B11) is not collected by this tool and is listed as not covered.
 */

/** Where a figure comes from: typed by the firm, worked out here from what it typed, or a profile band's estimate. */
const basis = z.enum(['entered', 'computed', 'band_estimate']);

/** A figure with its unit; `value` and `basis` are null when the firm did not give what it needs. */
const metric = z.strictObject({
	value: z.number().nonnegative().nullable(),
	unit: z.string(),
	basis: basis.nullable()
});
export type VsmeMetric = z.infer<typeof metric>;

const answer = z.strictObject({ value: z.boolean().nullable(), basis: basis.nullable() });

export const VSME_NOT_COVERED = ['B1', 'B2', 'B4', 'B5', 'B8', 'B9', 'B10', 'B11'] as const;

/** The shape of `vsme.json` and of `results.vsme` in the API: exported so tests and README describe one thing. */
export const vsmeSheetSchema = z.strictObject({
	b3: z.strictObject({
		totalEnergyConsumption: metric,
		renewableEnergyConsumption: metric,
		nonRenewableEnergyConsumption: metric,
		electricityConsumption: metric,
		renewableElectricityConsumption: metric,
		nonRenewableElectricityConsumption: metric,
		fuelConsumption: metric,
		renewableFuelConsumption: metric,
		nonRenewableFuelConsumption: metric,
		grossScope1GhgEmissions: metric,
		grossLocationBasedScope2GhgEmissions: metric,
		grossScope1And2GhgEmissions: metric,
		turnover: metric,
		ghgIntensityPerTurnover: metric
	}),
	b6: z.strictObject({
		totalWaterWithdrawal: metric,
		waterWithdrawalInAreasOfHighWaterStress: metric
	}),
	b7: z.strictObject({
		circularEconomyPrinciplesApplied: answer,
		totalWasteGenerated: metric,
		hazardousWaste: metric,
		nonHazardousWaste: metric,
		wasteDivertedToRecyclingOrReuse: metric,
		annualMassOfKeyMaterialsUsed: metric
	})
});
export type VsmeSheet = z.infer<typeof vsmeSheetSchema>;

/** What vsme.json carries around the sheet: which standard, what it does not cover, what it was computed with. */
export const vsmeDocumentSchema = z.strictObject({
	standard: z.literal('EFRAG VSME (December 2024), Basic Module'),
	questionnaire: z.strictObject({ id: z.string(), version: z.string() }),
	submittedAt: z.string().nullable(),
	factorsVersion: z.string().nullable(),
	...vsmeSheetSchema.shape,
	notCovered: z.array(z.enum(VSME_NOT_COVERED))
});
export type VsmeDocument = z.infer<typeof vsmeDocumentSchema>;

const MWH = 'MWh';
const KWH_PER_MWH = 1000;

const none = (unit: string): VsmeMetric => ({ value: null, unit, basis: null });
const of = (value: number | undefined, unit: string, how: VsmeMetric['basis']): VsmeMetric =>
	value === undefined ? none(unit) : { value, unit, basis: how };

/** Energy in kWh of every source the estimate used, split into renewable and not; undefined when one has no content. */
function fuelEnergy(estimate: CarbonEstimate, factors: EmissionFactors) {
	let renewable = 0;
	let nonRenewable = 0;
	for (const entry of estimate.sources) {
		if (entry.category === 'electricity') continue;
		const source = factors.sources.find((candidate) => candidate.id === entry.id);
		const calorific = factors.calorificValues.find(
			(candidate) => candidate.id === entry.calorificValue?.id
		);
		const kwh = entry.calorificValue
			? calorific?.energyKwh && entry.amount * entry.calorificValue.value * calorific.energyKwh
			: source?.energyKwh && entry.amount * source.energyKwh;
		if (!kwh) return undefined;
		// Biomass (its CO2 biogenic) is the renewable fuel; every other fuel is fossil.
		if (source?.biogenicCo2 !== undefined) renewable += kwh;
		else nonRenewable += kwh;
	}
	return { renewable, nonRenewable };
}

/**
 * The B3 energy figures in MWh. Electricity is the grid's (the certified renewable share counted renewable) plus own
 * solar power, all taken as used on site; fuels are converted on their net calorific value. A total needs every
 * part: with a fuel of unknown energy content the fuel figures and the totals stay null rather than understated.
 */
function energy(inputs: CarbonInputs, estimate: CarbonEstimate | null, factors: EmissionFactors) {
	const grid = estimate?.sources.find((entry) => entry.category === 'electricity')?.amount;
	const solar = estimate?.solar?.kwh ?? positive(inputs.solar_produced);
	const share = Math.min(estimate?.renewableShare ?? 0, 100) / 100;
	const electricity =
		grid === undefined && solar === undefined
			? undefined
			: { renewable: (grid ?? 0) * share + (solar ?? 0), nonRenewable: (grid ?? 0) * (1 - share) };
	const hasFuel = estimate?.sources.some((entry) => entry.category !== 'electricity') ?? false;
	const fuels = estimate && hasFuel ? fuelEnergy(estimate, factors) : undefined;
	const parts = [electricity, fuels].filter((part) => part !== undefined);
	const complete = !hasFuel || fuels !== undefined;
	const sum = (key: 'renewable' | 'nonRenewable') =>
		complete && parts.length > 0
			? parts.reduce((total, part) => total + part[key], 0) / KWH_PER_MWH
			: undefined;
	const mwh = (
		part: { renewable: number; nonRenewable: number } | undefined,
		key?: 'renewable' | 'nonRenewable'
	) =>
		of(
			part === undefined
				? undefined
				: (key ? part[key] : part.renewable + part.nonRenewable) / KWH_PER_MWH,
			MWH,
			'computed'
		);
	const renewable = sum('renewable');
	const nonRenewable = sum('nonRenewable');
	return {
		totalEnergyConsumption: of(
			renewable === undefined || nonRenewable === undefined ? undefined : renewable + nonRenewable,
			MWH,
			'computed'
		),
		renewableEnergyConsumption: of(renewable, MWH, 'computed'),
		nonRenewableEnergyConsumption: of(nonRenewable, MWH, 'computed'),
		electricityConsumption: mwh(electricity),
		renewableElectricityConsumption: mwh(electricity, 'renewable'),
		nonRenewableElectricityConsumption: mwh(electricity, 'nonRenewable'),
		fuelConsumption: mwh(fuels),
		renewableFuelConsumption: mwh(fuels, 'renewable'),
		nonRenewableFuelConsumption: mwh(fuels, 'nonRenewable')
	};
}

function positive(value: number | undefined): number | undefined {
	return value !== undefined && Number.isFinite(value) && value >= 0 ? value : undefined;
}

/** What the sheet reads besides the figures: whether turnover was typed or is the profile band's estimate. */
export interface VsmeContext {
	turnoverFromBand: boolean;
	/** The answer to the circular-economy question; undefined when not answered. */
	circularEconomy: boolean | undefined;
}

/**
 * The VSME Basic Module environmental figures (B3, B6, B7) of one assessment, each with its unit and whether it was
 * entered or computed; null where the firm did not give what a figure needs, so nothing missing passes for a zero.
 * Emissions are the screening estimate's (default factors, location-based Scope 2); GHG intensity is t CO2e per
 * million TL of turnover, and the turnover is the profile band's estimate unless a figure was typed.
 */
export function vsmeSheet(
	inputs: CarbonInputs,
	estimate: CarbonEstimate | null,
	factors: EmissionFactors,
	context: VsmeContext
): VsmeSheet {
	const turnover = positive(inputs.turnover_million_tl);
	const total = positive(inputs.waste_total);
	const hazardous = positive(inputs.waste_hazardous);
	const recycledShare = positive(inputs.waste_recycled_share);
	return {
		b3: {
			...energy(inputs, estimate, factors),
			grossScope1GhgEmissions: of(estimate?.scope1, 'tCO2e', 'computed'),
			grossLocationBasedScope2GhgEmissions: of(estimate?.scope2, 'tCO2e', 'computed'),
			grossScope1And2GhgEmissions: of(estimate?.total, 'tCO2e', 'computed'),
			turnover: of(turnover, 'million TRY', context.turnoverFromBand ? 'band_estimate' : 'entered'),
			ghgIntensityPerTurnover: of(
				estimate && turnover ? estimate.total / turnover : undefined,
				'tCO2e/million TRY',
				'computed'
			)
		},
		b6: {
			totalWaterWithdrawal: of(positive(inputs.water_withdrawal), 'm3', 'entered'),
			waterWithdrawalInAreasOfHighWaterStress: of(
				positive(inputs.water_withdrawal_stressed),
				'm3',
				'entered'
			)
		},
		b7: {
			circularEconomyPrinciplesApplied:
				context.circularEconomy === undefined
					? { value: null, basis: null }
					: { value: context.circularEconomy, basis: 'entered' },
			totalWasteGenerated: of(total, 't', 'entered'),
			hazardousWaste: of(hazardous, 't', 'entered'),
			nonHazardousWaste: of(
				// A hazardous part larger than the total (warned about on the step) leaves the rest unknown.
				total !== undefined && hazardous !== undefined && hazardous <= total
					? total - hazardous
					: undefined,
				't',
				'computed'
			),
			wasteDivertedToRecyclingOrReuse: of(
				total !== undefined && recycledShare !== undefined
					? (total * Math.min(recycledShare, 100)) / 100
					: undefined,
				't',
				'computed'
			),
			annualMassOfKeyMaterialsUsed: of(positive(inputs.key_materials), 't', 'entered')
		}
	};
}
