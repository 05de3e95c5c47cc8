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
	/** Biogenic CO2 of wood and other biomass in tonnes, outside `tonnes` and every total. */
	biogenicTonnes?: number;
	/** Set when the amount was entered in another unit (Sm³ of gas) and converted. */
	convertedFrom?: { id: string; amount: number; unit: string; factor: number; year: number };
	/**
	 * Set when the supplier's calorific value replaced the default: `factor` above is then value × perUnit (kg CO2e
	 * per kg of fuel) and `year` the calorific factor's.
	 */
	calorificValue?: { id: string; value: number; unit: string; perUnit: number; year: number };
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
	/** Biogenic CO2 of biomass burnt, in tonnes: reported separately, not in any total; null when none was burnt. */
	biogenicCo2T: number | null;
	/**
	 * Scope 2 with certified renewable supply counted as zero and the rest at the supplier's factor (the grid average
	 * without one); null when neither a renewable share nor a supplier factor was given.
	 */
	scope2MarketBased: number | null;
	/** The certified renewable share (%) the market-based figure counted as zero; null when none was given. */
	renewableShare: number | null;
	/** The supplier's kg CO2e per kWh the market-based figure used; null when it used the grid average. */
	supplierFactor: number | null;
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
		const calorific = factors.calorificValues.find((candidate) => candidate.for === source.id);
		const calorificValue = calorific ? positive(inputs[calorific.id]) : undefined;
		const factor =
			calorific && calorificValue !== undefined ? calorificValue * calorific.factor : source.factor;
		sources.push({
			id: source.id,
			scope: source.scope,
			category: source.category,
			amount,
			unit: source.unit,
			factor,
			year: calorific && calorificValue !== undefined ? calorific.year : source.year,
			tonnes: (amount * factor) / KG_PER_TONNE,
			...(source.biogenicCo2 !== undefined
				? { biogenicTonnes: (amount * source.biogenicCo2) / KG_PER_TONNE }
				: {}),
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
				: {}),
			...(calorific && calorificValue !== undefined
				? {
						calorificValue: {
							id: calorific.id,
							value: calorificValue,
							unit: calorific.unit,
							perUnit: calorific.factor,
							year: calorific.year
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

	const biogenic = sources.filter((source) => source.biogenicTonnes !== undefined);
	const electricity = sources.find((source) => source.category === 'electricity');
	const share = given('renewable_share');
	const supplierFactor = positive(inputs.supplier_electricity_factor) ?? null;
	const solarKwh = positive(inputs.solar_produced);
	const employees = positive(inputs.employees_count);
	const turnover = positive(inputs.turnover_million_tl);
	return {
		factorsVersion: factors.version,
		sources,
		scope1,
		scope2,
		total,
		biogenicCo2T:
			biogenic.length === 0 ? null : biogenic.reduce((t, s) => t + (s.biogenicTonnes ?? 0), 0),
		scope2MarketBased:
			share === undefined && supplierFactor === null
				? null
				: marketBasedScope2(electricity, share ?? 0, supplierFactor),
		renewableShare: share === undefined ? null : Math.min(share, 100),
		supplierFactor,
		solar:
			solarKwh === undefined
				? null
				: {
						kwh: solarKwh,
						share: electricity === undefined ? null : solarKwh / (solarKwh + electricity.amount)
					},
		perEmployee: employees === undefined ? null : total / employees,
		perMillionTl: turnover === undefined ? null : total / turnover,
		ignored
	};
}

/**
 * Market-based Scope 2 as the GHG Protocol's Scope 2 guidance orders the evidence: electricity covered by
 * certificates (YEK-G) counts as zero, the rest at the supplier's own factor when the firm has one, else at the grid
 * average (Türkiye publishes no residual mix).
 */
function marketBasedScope2(
	electricity: SourceEstimate | undefined,
	renewablePercent: number,
	supplierFactor: number | null
): number {
	if (!electricity) return 0;
	const uncovered = electricity.amount * (1 - Math.min(renewablePercent, 100) / 100);
	return (uncovered * (supplierFactor ?? electricity.factor)) / KG_PER_TONNE;
}
