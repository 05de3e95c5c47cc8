import { fail } from '@sveltejs/kit';
import { cleanText } from '$lib/text';
import type { ParsedForm } from '../http/form';
import type { ChamberResourceInput } from './chamber-resource-input';
import { resourceSchema } from './chamber-resource-service';

/*
 * The dashboard's resource form. Themes and size classes are checkbox groups (one value per ticked box), sectors one
 * text field of codes separated by commas or spaces ("C, C13"), so the form works without JavaScript. Line breaks
 * typed in a description become spaces (no stored text holds control characters). A refused form
 * comes back with everything typed, each list joined by commas.
 */

const TEXT_FIELDS = ['titleTr', 'titleEn', 'descriptionTr', 'descriptionEn', 'url', 'validUntil'];
const LIST_FIELDS = ['themes', 'sizeClasses'];

/** The codes of the sectors field, upper-cased as the profile writes them. */
const sectorList = (value: string) =>
	value
		.split(/[\s,;]+/)
		.filter(Boolean)
		.map((code) => code.toUpperCase());

export function parseResourceForm(form: FormData): ParsedForm<ChamberResourceInput> {
	const errors: Record<string, string> = {};
	const values: Record<string, string> = {};
	const input: Record<string, unknown> = {};
	const read = (key: string) =>
		form.getAll(key).flatMap((value) => {
			if (typeof value !== 'string') return [];
			// A description is typed in a text area, where Enter makes a line break: it reads as a space.
			const clean = cleanText(key.startsWith('description') ? value.replace(/\r?\n/g, ' ') : value);
			if (clean === undefined) errors[key] = 'form.error_control';
			return [clean ?? value];
		});
	for (const key of TEXT_FIELDS) {
		const value = read(key).at(-1) ?? '';
		values[key] = value;
		// An empty optional field is not given; an empty required one is refused by the schema as too short.
		if (value !== '' || key === 'titleTr' || key === 'descriptionTr' || key === 'url')
			input[key] = value;
	}
	for (const key of LIST_FIELDS) {
		input[key] = read(key);
		values[key] = (input[key] as string[]).join(',');
	}
	values.sectors = read('sectors').at(-1) ?? '';
	input.sectors = sectorList(values.sectors);

	const parsed = Object.keys(errors).length === 0 ? resourceSchema().safeParse(input) : undefined;
	if (parsed?.success) return { ok: true, data: parsed.data };
	for (const issue of parsed?.error.issues ?? [])
		errors[String(issue.path[0] ?? 'form')] ??= issue.message;
	return { ok: false, failure: fail(400, { values, errors }) };
}
