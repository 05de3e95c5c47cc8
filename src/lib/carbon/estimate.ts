import type { Category, EmissionFactors } from './factors';

/** Amounts the SME entered, keyed by emission source, conversion or fact id (see `carbonFacts`). */
export type CarbonInputs = Partial<Record<string, number>>;

export interface SourceEstimate {
	id: string;
	scope: 1 | 2;
	category: Category;
	/** In the source's unit, after any conversion. */
	amount: number;
	unit: string;
	/** Kilograms of CO2e per unit. */
	factor: number;
	year: number;
	tonnes: number;
	/** Set when the amount was entered in another unit (Sm³ of gas) and converted. */
	convertedFrom?: { id: string; amount: number; unit: string; factor: number; year: number };
}

/**
 * A screening estimate of Scope 1 and location-based Scope 2 emissions in tonnes of CO2e over the year the figures
 * cover. An estimate from default factors, not a verified inventory.
 */
export interface CarbonEstimate {
	factorsVersion: string;
	/** Every source with an amount entered, in the order of the factors file. */
	sources: SourceEstimate[];
	scope1: number;
	scope2: number;
	total: number;
	/** Scope 2 with certified renewable supply counted as zero (the rest at the grid average); null without a share. */
	scope2MarketBased: number | null;
	/** Own solar power produced, and its share of all the electricity used. */
	solar: { kwh: number; share: number | null } | null;
	perEmployee: number | null;
	perMillionTl: number | null;
	/** Conversions entered but not used because the amount was also given in the source's own unit. */
	ignored: string[];
}

const KG_PER_TONNE = 1000;

function positive(value: number | undefined): number | undefined {
	return value !== undefined && Number.isFinite(value) && value > 0 ? value : undefined;
}

/**
 * Turns energy figures into emissions. Returns null when no emission source was given at all: no figures, no
 * estimate (an SME that skipped the section sees no zero pretending to be a result). Amounts are taken as
 * validated (finite, within the question's limits); anything else is treated as not given.
 */
export function estimateEmissions(
	inputs: CarbonInputs,
	factors: EmissionFactors
): CarbonEstimate | null {
	const given = (id: string) => {
		const value = inputs[id];
		return value !== undefined && Number.isFinite(value) && value >= 0 ? value : undefined;
	};
	const ignored: string[] = [];
	const sources: SourceEstimate[] = [];
	for (const source of factors.sources) {
		const conversion = factors.conversions.find((candidate) => candidate.into === source.id);
		const own = given(source.id);
		const converted = conversion ? given(conversion.id) : undefined;
		if (own !== undefined && converted !== undefined) ignored.push(conversion!.id);
		const amount = own ?? (converted !== undefined ? converted * conversion!.factor : undefined);
		if (amount === undefined) continue;
		sources.push({
			id: source.id,
			scope: source.scope,
			category: source.category,
			amount,
			unit: source.unit,
			factor: source.factor,
			year: source.year,
			tonnes: (amount * source.factor) / KG_PER_TONNE,
			...(own === undefined && conversion && converted !== undefined
				? {
						convertedFrom: {
							id: conversion.id,
							amount: converted,
							unit: conversion.unit,
							factor: conversion.factor,
							year: conversion.year
						}
					}
				: {})
		});
	}
	if (sources.length === 0) return null;

	const sum = (scope: 1 | 2) =>
		sources.filter((source) => source.scope === scope).reduce((t, s) => t + s.tonnes, 0);
	const scope1 = sum(1);
	const scope2 = sum(2);
	const total = scope1 + scope2;

	const share = given('renewable_share');
	const solarKwh = positive(inputs.solar_produced);
	const bought = sources.find((source) => source.category === 'electricity')?.amount;
	const employees = positive(inputs.employees_count);
	const turnover = positive(inputs.turnover_million_tl);
	return {
		factorsVersion: factors.version,
		sources,
		scope1,
		scope2,
		total,
		scope2MarketBased: share === undefined ? null : scope2 * (1 - Math.min(share, 100) / 100),
		solar:
			solarKwh === undefined
				? null
				: { kwh: solarKwh, share: bought === undefined ? null : solarKwh / (solarKwh + bought) },
		perEmployee: employees === undefined ? null : total / employees,
		perMillionTl: turnover === undefined ? null : total / turnover,
		ignored
	};
}
