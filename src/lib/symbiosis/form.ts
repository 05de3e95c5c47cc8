import type { Locale } from '../i18n/locales';
import { parseLocalNumber } from '../i18n/number';
import type { SymbiosisListing, SymbiosisSide } from './listing';

/*
 * The listing as a form: fields named `offers.0.category`, read back into rows of typed text (to show again) and
 * into the shape `listingSchema` checks. Works without JavaScript: adding or removing a row is a submit that
 * re-renders the rows, so the page and the server read the same fields.
 */

/** The list a side's rows are named after in the form and in the schema's issue paths. */
export const SIDE_LIST: Record<SymbiosisSide, 'offers' | 'needs'> = {
	offer: 'offers',
	need: 'needs'
};

/** One item as typed: every field text, `hazardous` a ticked box. */
export interface ItemValues {
	/**
	 * The row's identity on the page, carried in a hidden field and never stored: the page keys its rows by it, so
	 * that removing a row takes that row's fields away and leaves what was typed or chosen in the others, even
	 * before the page's script has arrived.
	 */
	key: string;
	category: string;
	quantityPerYear: string;
	unit: string;
	frequency: string;
	hazardous: boolean;
	note: string;
	province: string;
}

export interface ListingValues {
	offers: ItemValues[];
	needs: ItemValues[];
	consentIntroduce: boolean;
}

const TEXT_FIELDS = [
	'category',
	'quantityPerYear',
	'unit',
	'frequency',
	'note',
	'province'
] as const;
const FIELD = /^(offers|needs)\.(\d{1,2})\.([a-zA-Z]+)$/;
const KEY = /^\d{1,3}$/;

/** A row with nothing chosen or typed: the blank row the form offers, left blank, is no item. */
const isBlank = (row: ItemValues) =>
	!row.category && !row.quantityPerYear.trim() && !row.note.trim();

/** A row with nothing in it: the unit then is the category's usual one, the province the firm's. */
export function blankItem(key: string): ItemValues {
	return {
		key,
		category: '',
		quantityPerYear: '',
		unit: '',
		frequency: '',
		hazardous: false,
		note: '',
		province: ''
	};
}

/** The rows of the submitted form in their order, blank ones included (a remove button counts them). */
export function readListingForm(form: FormData): ListingValues {
	const rows = { offers: new Map<number, ItemValues>(), needs: new Map<number, ItemValues>() };
	for (const [name, value] of form) {
		const match = FIELD.exec(name);
		if (!match || typeof value !== 'string') continue;
		const [, list, index, field] = match as unknown as [string, 'offers' | 'needs', string, string];
		const row = rows[list].get(Number(index)) ?? blankItem('');
		rows[list].set(Number(index), row);
		if (field === 'hazardous') row.hazardous = value === 'on';
		else if (field === 'key') row.key = value;
		else if ((TEXT_FIELDS as readonly string[]).includes(field))
			row[field as (typeof TEXT_FIELDS)[number]] = value;
	}
	const ordered = (list: Map<number, ItemValues>) =>
		withKeys([...list.entries()].sort(([a], [b]) => a - b).map(([, row]) => row));
	return {
		offers: ordered(rows.offers),
		needs: ordered(rows.needs),
		consentIntroduce: form.get('consentIntroduce') === 'on'
	};
}

/** The smallest key no row of `rows` has (so keys stay short however often rows come and go). */
function freshKey(rows: ItemValues[]): string {
	const used = new Set(rows.map((row) => row.key));
	let key = 0;
	while (used.has(String(key))) key++;
	return String(key);
}

/** The rows as posted, with a fresh key for any row whose key is missing, malformed or taken by an earlier row. */
function withKeys(rows: ItemValues[]): ItemValues[] {
	const seen = new Set<string>();
	const keyed = rows.map((row) => {
		const kept = KEY.test(row.key) && !seen.has(row.key);
		if (kept) seen.add(row.key);
		return { ...row, key: kept ? row.key : '' };
	});
	for (const row of keyed) if (!row.key) row.key = freshKey(keyed);
	return keyed;
}

/** The rows without the blank ones, so the schema's issue paths and the rows shown again count alike. */
export function withoutBlankRows(values: ListingValues): ListingValues {
	return {
		...values,
		offers: values.offers.filter((row) => !isBlank(row)),
		needs: values.needs.filter((row) => !isBlank(row))
	};
}

/** What the form needs to know of a category to read a row: its usual unit and whether it may be hazardous. */
export interface CategoryChoice {
	id: string;
	unit: string;
	mayBeHazardous: boolean;
}

/**
 * The rows as the listing schema's input: quantities read in the page's number style, an empty unit taken as the
 * category's usual one, empty choices left out. An unticked box says "not hazardous" only where the category may
 * be hazardous; elsewhere it says nothing.
 */
export function listingInput(
	values: ListingValues,
	locale: Locale,
	categories: CategoryChoice[]
): unknown {
	const item = (row: ItemValues) => {
		const category = categories.find((entry) => entry.id === row.category);
		return {
			category: row.category,
			quantityPerYear: parseLocalNumber(row.quantityPerYear, locale),
			unit: row.unit || category?.unit || '',
			...(row.hazardous || category?.mayBeHazardous ? { hazardous: row.hazardous } : {}),
			...(row.frequency ? { frequency: row.frequency } : {}),
			...(row.note.trim() ? { note: row.note } : {}),
			...(row.province ? { province: row.province } : {})
		};
	};
	return {
		offers: values.offers.map(item),
		needs: values.needs.map(item),
		consentIntroduce: values.consentIntroduce
	};
}

/** A stored listing as the form's rows, quantities in the page's number style. */
export function listingValues(listing: SymbiosisListing, locale: Locale): ListingValues {
	const row = (item: SymbiosisListing['offers'][number], index: number): ItemValues => ({
		key: String(index),
		category: item.category,
		quantityPerYear:
			locale === 'tr'
				? String(item.quantityPerYear).replace('.', ',')
				: String(item.quantityPerYear),
		unit: item.unit,
		frequency: item.frequency ?? '',
		hazardous: item.hazardous === true,
		note: item.note ?? '',
		province: item.province ?? ''
	});
	return {
		offers: listing.offers.map(row),
		needs: listing.needs.map(row),
		consentIntroduce: listing.consentIntroduce
	};
}

/** What a submit of the form asks for: save (and move on or back), or one more row or one row less on a side. */
export type ListingIntent =
	| { kind: 'save'; direction: 'next' | 'back' }
	| { kind: 'add'; side: SymbiosisSide }
	| { kind: 'remove'; side: SymbiosisSide; index: number };

/** Reads the pressed button's `intent`: `next`, `back`, `add-offer`, `remove-need-2`. Anything else saves. */
export function readIntent(intent: unknown): ListingIntent {
	const text = typeof intent === 'string' ? intent : '';
	const add = /^add-(offer|need)$/.exec(text);
	if (add) return { kind: 'add', side: add[1] as SymbiosisSide };
	const remove = /^remove-(offer|need)-(\d{1,2})$/.exec(text);
	if (remove) return { kind: 'remove', side: remove[1] as SymbiosisSide, index: Number(remove[2]) };
	return { kind: 'save', direction: text === 'back' ? 'back' : 'next' };
}

/** The rows after an "add" or "remove" button: one blank row more at the side's end, or the row taken out. */
export function changeRows(
	values: ListingValues,
	intent: ListingIntent,
	maxRows: number
): ListingValues {
	if (intent.kind === 'save') return values;
	const list = SIDE_LIST[intent.side];
	const rows = values[list];
	const changed =
		intent.kind === 'add'
			? rows.length < maxRows
				? [...rows, blankItem(freshKey(rows))]
				: rows
			: rows.filter((_, index) => index !== intent.index);
	return { ...values, [list]: changed };
}

/** The field an issue of the listing schema belongs to, as the form names it (`offers.0.quantityPerYear`). */
export function issueField(path: PropertyKey[]): string {
	return path.length === 0 ? 'form' : path.map(String).join('.');
}
