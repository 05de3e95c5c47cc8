import { z } from 'zod';
import { text } from '../questionnaire/schema';
import { checkDuplicates, checkTranslations, Problems, type Problem } from '../content/problems';

/*
 * The categories of the industrial-symbiosis exchange (`questionnaires/symbiosis-categories.yaml`): materials
 * grouped from the six-digit codes of the Atık Yönetimi Yönetmeliği's waste list, and resources that are not
 * wastes (heat, steam, water, capacity).
 */

/** What a quantity is given in, per year. */
export const SYMBIOSIS_UNITS = ['t', 'm3', 'MWh', 'piece'] as const;
export type SymbiosisUnit = (typeof SYMBIOSIS_UNITS)[number];

/** A code of the waste list as printed in it, without the hazard mark: `03 01 05`. */
const wasteCode = z
	.string()
	.regex(/^\d{2} \d{2} \d{2}$/, "expected a six-digit code such as '03 01 05'");
const isoDate = z.iso.date('expected a date such as 2026-11-22');

const category = z.strictObject({
	id: z.string().regex(/^[a-z][a-z0-9_]*$/, 'use lower case letters, digits and _'),
	/** `material`: a waste or by-product of the list; `resource`: energy, water or capacity, not a waste. */
	kind: z.enum(['material', 'resource']),
	name: text,
	codes: z.array(wasteCode).min(1).optional(),
	/** The list's hazardous entries (marked `*` in it) that the category also covers. */
	hazardousCodes: z.array(wasteCode).min(1).optional(),
	/** The unit the form suggests first. */
	unit: z.enum(SYMBIOSIS_UNITS)
});
export type SymbiosisCategory = z.infer<typeof category>;

export const symbiosisCategoriesFile = z.strictObject({
	source: z.strictObject({
		title: text,
		url: z.url({ protocol: /^https$/, error: 'expected an https address' }),
		published: isoDate,
		retrieved: isoDate
	}),
	categories: z.array(category).min(1)
});
export type SymbiosisCategories = z.infer<typeof symbiosisCategoriesFile>;

/** Cross-checks: unique ids, every language, codes only on materials, and a material may be hazardous only when coded so. */
export function checkSymbiosisCategories(file: SymbiosisCategories, locales: string[]): Problem[] {
	const problems = new Problems();
	checkDuplicates(file.categories, ['categories'], 'category', problems);
	checkTranslations(file, [], locales, problems);
	file.categories.forEach((entry, index) => {
		const coded = entry.codes !== undefined || entry.hazardousCodes !== undefined;
		if (entry.kind === 'material' && !coded)
			problems.add(['categories', index], 'a material needs codes from the waste list');
		if (entry.kind === 'resource' && coded)
			problems.add(['categories', index], 'a resource is not a waste and has no codes');
	});
	return problems.list;
}

/** Whether an item of this category may be declared hazardous: only a material the list has hazardous codes for. */
export function mayBeHazardous(entry: SymbiosisCategory): boolean {
	return entry.hazardousCodes !== undefined;
}
