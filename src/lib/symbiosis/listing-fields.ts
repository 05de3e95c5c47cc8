import type { SymbiosisUnit } from './categories';

// The listing's plain constants, apart from its zod schema so that the step's form can use them without the
// browser downloading zod.

export const SYMBIOSIS_SIDES = ['offer', 'need'] as const;
export type SymbiosisSide = (typeof SYMBIOSIS_SIDES)[number];

/** How often the material or capacity comes up (or is needed). */
export const SYMBIOSIS_FREQUENCIES = [
	'continuous',
	'weekly',
	'monthly',
	'seasonal',
	'once'
] as const;
export type SymbiosisFrequency = (typeof SYMBIOSIS_FREQUENCIES)[number];

/**
 * The most a firm may give per year in each unit: above a large plant's scale, so a figure typed with three extra
 * zeros (or in kg for t) is refused rather than listed.
 */
export const QUANTITY_MAX: Record<SymbiosisUnit, number> = {
	t: 1_000_000,
	m3: 10_000_000,
	MWh: 1_000_000,
	piece: 10_000
};
export const NOTE_MAX = 280;
/** Items per side: more than any SME lists, few enough to read on a phone. */
export const ITEMS_MAX = 20;
