import { z } from 'zod';

/**
 * The shape of `questionnaires/emission-factors.yaml`: what each emission source weighs per unit entered, and where
 * that figure comes from. Cross-file rules (translations, which questions feed which source) are in check.ts.
 */

const id = z.string().regex(/^[a-z][a-z0-9_]*$/, 'use lower case letters, digits and _');
const text = z.record(z.string(), z.string().trim().min(1, 'must not be empty'));
const positive = z
	.number({ error: 'expected a number' })
	.positive('must be greater than 0')
	.finite('must be a finite number');
const year = z.number().int('expected a year such as 2020').min(1990).max(2100);
const source = z.strictObject({
	title: text,
	url: z.url({ protocol: /^https?$/, error: 'expected an http(s) address' })
});

/**
 * What an emission source and a unit conversion both carry: a factor per unit, the year the factor describes (or
 * was published, for guideline defaults) and where it comes from.
 */
const perUnit = { unit: z.string().trim().min(1), factor: positive, year, source };

const categories = ['stationary', 'mobile', 'electricity'] as const;
export type Category = (typeof categories)[number];

const emissionSource = z.strictObject({
	id,
	scope: z.union([z.literal(1), z.literal(2)], { error: 'expected 1 or 2' }),
	category: z.enum(categories),
	label: text,
	/** The unit is the one the SME enters the amount in (kWh, L, kg); the factor is kg CO2 equivalent per unit. */
	...perUnit,
	/**
	 * Kilograms of biogenic CO2 per unit, for wood and other biomass: reported beside the estimate, never in its
	 * total (the factor then holds only CH4 and N2O). From the same source and year as the factor.
	 */
	biogenicCo2: positive.optional(),
	/**
	 * kWh of energy per unit, on the net calorific value (1 for electricity): what the VSME data sheet adds up into
	 * total energy consumption. A source without it leaves the total unknown rather than short.
	 */
	energyKwh: positive.optional()
});
export type EmissionSource = z.infer<typeof emissionSource>;

/** Another unit for a source's amount, such as Sm³ of natural gas turned into kWh. */
const conversion = z.strictObject({
	id,
	into: id,
	/** The factor is units of the source per unit of this conversion (kWh per Sm³). */
	...perUnit
});
export type Conversion = z.infer<typeof conversion>;

/**
 * A fuel's calorific value as the firm's supplier measured it (lignite's vary widely): when entered, the source's
 * emissions are amount × calorific value × this factor instead of amount × the source's default factor.
 */
const calorificValue = z.strictObject({
	id,
	/** The source whose amount it weighs. */
	for: id,
	/** The factor is kg CO2e per unit of energy the calorific value is given in (kg CO2e per kcal for kcal/kg). */
	...perUnit,
	/** kWh per unit of energy the calorific value is given in (per kcal), for the VSME energy total. */
	energyKwh: positive.optional()
});
export type CalorificValue = z.infer<typeof calorificValue>;

export const emissionFactorsFile = z.strictObject({
	version: z.string().regex(/^\d+\.\d+\.\d+$/, 'expected a version such as 1.0.0'),
	sources: z.array(emissionSource).min(1),
	conversions: z.array(conversion).default([]),
	calorificValues: z.array(calorificValue).default([])
});
export type EmissionFactors = z.infer<typeof emissionFactorsFile>;

/**
 * What a `number` question may feed besides an emission source, a conversion or a calorific value: the facts that
 * put the estimate in proportion (intensities, renewable share, own solar power), the electricity supplier's own
 * factor (kg CO2e per kWh, for market-based Scope 2), and the water, waste and material figures of the VSME data
 * sheet (B6 and B7: m³, tonnes, and the % of waste recycled).
 */
export const carbonFacts = [
	'renewable_share',
	'supplier_electricity_factor',
	'solar_produced',
	'employees_count',
	'turnover_million_tl',
	'water_withdrawal',
	'water_withdrawal_stressed',
	'waste_total',
	'waste_hazardous',
	'waste_recycled_share',
	'key_materials'
] as const;
export type CarbonFact = (typeof carbonFacts)[number];

/**
 * The largest answer a question feeding these facts may allow: a share is at most 100 %, and no supply mix emits
 * more than about 1.3 kg CO2e per kWh (ETKB's lignite plants, the dirtiest Turkish generation, emit 1.279).
 */
export const carbonFactLimits: Partial<Record<CarbonFact, number>> = {
	renewable_share: 100,
	waste_recycled_share: 100,
	supplier_electricity_factor: 1.5
};
