import { z } from 'zod';
import { plainText } from '../text-schema';
import {
	mayBeHazardous,
	SYMBIOSIS_UNITS,
	type SymbiosisCategory,
	type SymbiosisUnit
} from './categories';
import {
	ITEMS_MAX,
	NOTE_MAX,
	QUANTITY_MAX,
	SYMBIOSIS_FREQUENCIES,
	type SymbiosisFrequency
} from './listing-fields';

/*
 * What a firm lists in the symbiosis exchange: what it can offer and what it needs, and whether its chamber may
 * introduce it to a firm on the other side. Messages are i18n keys: the step and the results page show them by
 * their field, the API in the caller's language.
 */

export {
	ITEMS_MAX,
	NOTE_MAX,
	QUANTITY_MAX,
	SYMBIOSIS_FREQUENCIES,
	SYMBIOSIS_SIDES,
	type SymbiosisFrequency,
	type SymbiosisSide
} from './listing-fields';

export interface SymbiosisItem {
	category: string;
	quantityPerYear: number;
	unit: SymbiosisUnit;
	hazardous?: boolean;
	frequency?: SymbiosisFrequency;
	note?: string;
	/** Plate code of where it is; the firm's own province when not given. */
	province?: string;
}

export interface SymbiosisListing {
	offers: SymbiosisItem[];
	needs: SymbiosisItem[];
	consentIntroduce: boolean;
}

function itemSchema(categories: Map<string, SymbiosisCategory>, provinces: Set<string>) {
	return z
		.strictObject({
			category: z
				.string({ error: 'symbiosis.error_category' })
				.refine((id) => categories.has(id), 'symbiosis.error_category'),
			quantityPerYear: z
				.number({ error: 'symbiosis.error_quantity' })
				.positive('symbiosis.error_quantity')
				.finite('symbiosis.error_quantity'),
			unit: z.enum(SYMBIOSIS_UNITS, { error: 'symbiosis.error_unit' }),
			hazardous: z.boolean({ error: 'symbiosis.error_hazardous' }).optional(),
			frequency: z.enum(SYMBIOSIS_FREQUENCIES, { error: 'symbiosis.error_frequency' }).optional(),
			note: plainText('form.error_control')
				.trim()
				.max(NOTE_MAX, 'symbiosis.error_note')
				.optional()
				.transform((note) => note || undefined),
			province: z
				.string({ error: 'symbiosis.error_province' })
				.refine((code) => provinces.has(code), 'symbiosis.error_province')
				.optional()
		})
		.superRefine((item, context) => {
			if (item.quantityPerYear > QUANTITY_MAX[item.unit])
				context.addIssue({
					code: 'custom',
					path: ['quantityPerYear'],
					message: 'symbiosis.error_quantity_max'
				});
			const category = categories.get(item.category);
			if (item.hazardous && category && !mayBeHazardous(category))
				context.addIssue({
					code: 'custom',
					path: ['hazardous'],
					message: 'symbiosis.error_hazardous'
				});
		});
}

/** The whole listing (the API's PUT body and the step's form, once read into this shape). */
export function listingSchema(categories: SymbiosisCategory[], provinceCodes: string[]) {
	const item = itemSchema(
		new Map(categories.map((category) => [category.id, category])),
		new Set(provinceCodes)
	);
	const side = z.array(item).max(ITEMS_MAX, 'symbiosis.error_too_many');
	return z.strictObject({
		offers: side,
		needs: side,
		consentIntroduce: z.boolean({ error: 'symbiosis.error_consent' })
	}) satisfies z.ZodType<SymbiosisListing, unknown>;
}
