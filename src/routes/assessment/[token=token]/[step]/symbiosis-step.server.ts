import type { Locale } from '$lib/i18n/locales';
import {
	blankItem,
	changeRows,
	issueField,
	listingInput,
	listingValues,
	readIntent,
	readListingForm,
	withoutBlankRows,
	type ListingValues
} from '$lib/symbiosis/form';
import { ITEMS_MAX } from '$lib/symbiosis/listing';
import type { Opened } from '$lib/server/assessment/assessment-service';
import * as symbiosis from '$lib/server/assessment/symbiosis';

/** What the symbiosis step's form shows: the rows (stored, or as typed) and the choices they offer. */
export async function symbiosisStep(opened: Opened, locale: Locale) {
	const province = symbiosis.firmProvince(opened);
	const choices = symbiosis.formChoices(locale);
	const values = listingValues(await symbiosis.listingOf(opened), locale);
	return {
		...choices,
		/** The stored rows; an empty side offers one blank row to fill (left blank, it lists nothing). */
		values: {
			...values,
			offers: values.offers.length > 0 ? values.offers : [blankItem('0')],
			needs: values.needs.length > 0 ? values.needs : [blankItem('0')]
		},
		/** The firm's province by name: what an item's "province" defaults to. */
		firmProvince: choices.provinces.find((entry) => entry.code === province)?.name ?? null,
		submitted: opened.assessment.status === 'submitted',
		maxRows: ITEMS_MAX
	};
}

/** The form shown again: the rows as typed, and an i18n key per refused field (`offers.0.quantityPerYear`). */
export interface SymbiosisFormData {
	symbiosis: { values: ListingValues; errors: Record<string, string> };
}

export type SymbiosisOutcome =
	| { kind: 'form'; status: 200 | 400; data: SymbiosisFormData }
	| { kind: 'saved'; direction: 'next' | 'back' };

/** Reads the step's form: a row added or removed comes back to the form; a save stores the listing or says why not. */
export async function saveSymbiosisStep(
	opened: Opened,
	form: FormData,
	locale: Locale
): Promise<SymbiosisOutcome> {
	const intent = readIntent(form.get('intent'));
	const typed = readListingForm(form);
	if (intent.kind !== 'save') {
		const values = changeRows(typed, intent, ITEMS_MAX);
		return { kind: 'form', status: 200, data: { symbiosis: { values, errors: {} } } };
	}
	const values = withoutBlankRows(typed);
	const input = listingInput(values, locale, symbiosis.formChoices(locale).categories);
	const parsed = symbiosis.schema().safeParse(input);
	if (!parsed.success) {
		const errors: Record<string, string> = {};
		for (const issue of parsed.error.issues) errors[issueField(issue.path)] ??= issue.message;
		return { kind: 'form', status: 400, data: { symbiosis: { values, errors } } };
	}
	await symbiosis.save(opened, parsed.data);
	return { kind: 'saved', direction: intent.direction };
}
