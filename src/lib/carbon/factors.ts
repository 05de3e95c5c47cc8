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
	...perUnit
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

export const emissionFactorsFile = z.strictObject({
	version: z.string().regex(/^\d+\.\d+\.\d+$/, 'expected a version such as 1.0.0'),
	sources: z.array(emissionSource).min(1),
	conversions: z.array(conversion).default([])
});
export type EmissionFactors = z.infer<typeof emissionFactorsFile>;

/**
 * What a `number` question may feed besides an emission source or a conversion: the facts that put the estimate in
 * proportion (intensities, renewable share, own solar power).
 */
export const carbonFacts = [
	'renewable_share',
	'solar_produced',
	'employees_count',
	'turnover_million_tl'
] as const;
export type CarbonFact = (typeof carbonFacts)[number];
