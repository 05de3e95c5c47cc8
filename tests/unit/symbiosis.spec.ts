import { describe, expect, it } from 'vitest';
import { checkSymbiosisCategories, mayBeHazardous } from '$lib/symbiosis/categories';
import {
	changeRows,
	listingInput,
	readIntent,
	readListingForm,
	withoutBlankRows
} from '$lib/symbiosis/form';
import { ITEMS_MAX, listingSchema, NOTE_MAX, QUANTITY_MAX } from '$lib/symbiosis/listing';
import { presentSymbiosis, type SymbiosisView } from '$lib/presenters/symbiosis';
import { loadCatalogue } from '$lib/server/content';

// The categories authors ship, and the limits of what a firm may list with them.
const catalogue = loadCatalogue('questionnaires');
const file = catalogue.symbiosis!;
const schema = listingSchema(
	file.categories,
	catalogue.provinces.map((province) => province.code)
);
const item = { category: 'wood', quantityPerYear: 10, unit: 't' };
const issuesOf = (offer: object) => {
	const parsed = schema.safeParse({
		offers: [{ ...item, ...offer }],
		needs: [],
		consentIntroduce: false
	});
	return parsed.success ? [] : parsed.error.issues.map((issue) => issue.message);
};

describe('the symbiosis categories file', () => {
	it('passes its own checks in both languages, with waste heat, steam, water and capacity among them', () => {
		expect(checkSymbiosisCategories(file, ['tr', 'en'])).toEqual([]);
		const resources = file.categories.filter((category) => category.kind === 'resource');
		expect(resources.length).toBeGreaterThanOrEqual(4);
		expect(resources.every((category) => category.codes === undefined)).toBe(true);
	});

	it('cites the Atık Yönetimi Yönetmeliği and lets only coded materials be hazardous', () => {
		expect(file.source.published).toBe('2015-04-02');
		expect(file.categories.filter(mayBeHazardous).every((entry) => entry.kind === 'material')).toBe(
			true
		);
	});
});

describe('the listing’s limits', () => {
	it('accepts an item at each limit and refuses it just past', () => {
		expect(issuesOf({ quantityPerYear: QUANTITY_MAX.t })).toEqual([]);
		expect(issuesOf({ quantityPerYear: QUANTITY_MAX.t + 1 })).toEqual([
			'symbiosis.error_quantity_max'
		]);
		expect(issuesOf({ note: 'x'.repeat(NOTE_MAX) })).toEqual([]);
		expect(issuesOf({ note: 'x'.repeat(NOTE_MAX + 1) })).toEqual(['symbiosis.error_note']);
		expect(issuesOf({ quantityPerYear: 0 })).toEqual(['symbiosis.error_quantity']);
		expect(issuesOf({ quantityPerYear: Infinity })).toContain('symbiosis.error_quantity');
		expect(issuesOf({ note: 'a\tb' })).toEqual(['form.error_control']);
		expect(issuesOf({ category: 'waste_heat', unit: 'MWh', hazardous: true })).toEqual([
			'symbiosis.error_hazardous'
		]);
	});

	it('holds at most ITEMS_MAX items a side', () => {
		const side = (count: number) =>
			schema.safeParse({ offers: Array(count).fill(item), needs: [], consentIntroduce: true })
				.success;
		expect(side(ITEMS_MAX)).toBe(true);
		expect(side(ITEMS_MAX + 1)).toBe(false);
	});
});

describe('the listing as a form', () => {
	const form = (fields: [string, string][]) => {
		const data = new FormData();
		for (const [key, value] of fields) data.append(key, value);
		return data;
	};

	it('reads rows in their order, drops blank ones, and reads quantities in the page’s style', () => {
		const values = readListingForm(
			form([
				['offers.1.category', 'metal'],
				['offers.1.quantityPerYear', '2'],
				['offers.0.category', 'wood'],
				['offers.0.quantityPerYear', '1.500'],
				['offers.0.hazardous', 'on'],
				['offers.2.category', ''],
				['consentIntroduce', 'on']
			])
		);
		expect(values.offers.map((row) => row.category)).toEqual(['wood', 'metal', '']);
		const input = listingInput(withoutBlankRows(values), 'tr', [
			{ id: 'wood', unit: 't', mayBeHazardous: true },
			{ id: 'metal', unit: 't', mayBeHazardous: false }
		]);
		expect(input).toEqual({
			offers: [
				{ category: 'wood', quantityPerYear: 1500, unit: 't', hazardous: true },
				{ category: 'metal', quantityPerYear: 2, unit: 't' }
			],
			needs: [],
			consentIntroduce: true
		});
	});

	it('adds a blank row and removes the row a button names, up to the limit', () => {
		const values = readListingForm(form([['needs.0.category', 'wood']]));
		expect(changeRows(values, readIntent('add-need'), 5).needs).toHaveLength(2);
		expect(changeRows(values, readIntent('add-need'), 1).needs).toHaveLength(1);
		expect(changeRows(values, readIntent('remove-need-0'), 5).needs).toEqual([]);
		expect(readIntent('back')).toEqual({ kind: 'save', direction: 'back' });
		expect(readIntent('anything')).toEqual({ kind: 'save', direction: 'next' });
	});

	it('keeps each row’s key through a removal and gives an added or unkeyed row one no other row has', () => {
		const values = readListingForm(
			form([
				['offers.0.key', '4'],
				['offers.0.category', 'wood'],
				['offers.1.key', '0'],
				['offers.1.category', 'metal'],
				['offers.2.key', '4'],
				['offers.2.category', 'glass'],
				['offers.3.key', '<script>'],
				['offers.4.category', 'paper']
			])
		);
		// A repeated, malformed or missing key is replaced; the first row holding a key keeps it.
		expect(values.offers.map((row) => row.key)).toEqual(['4', '0', '1', '2', '3']);
		const removed = changeRows(values, readIntent('remove-offer-1'), 10).offers;
		expect(removed.map((row) => [row.key, row.category])).toEqual([
			['4', 'wood'],
			['1', 'glass'],
			['2', ''],
			['3', 'paper']
		]);
		const added = changeRows({ ...values, offers: removed }, readIntent('add-offer'), 10).offers;
		expect(added.at(-1)).toMatchObject({ key: '0', category: '' });
	});
});

describe('presentSymbiosis', () => {
	const t = (key: string, values?: Record<string, unknown>) =>
		values ? `${key}${JSON.stringify(values)}` : key;
	const view: SymbiosisView = {
		offers: [
			{
				side: 'offer',
				category: 'wood',
				categoryName: 'Wood',
				quantityPerYear: 1200,
				unit: 't',
				frequency: 'monthly',
				hazardous: true,
				note: null,
				provinceName: 'Bursa',
				match: true
			}
		],
		needs: [],
		consentIntroduce: false,
		inChamber: true
	};

	it('says a match exists without naming anyone, and asks for consent when it is missing', () => {
		const presented = presentSymbiosis(view, t as never, 'en');
		const [offer] = presented.sides[0].items;
		expect(offer.match).toBe('symbiosis.match_offer symbiosis.match_consent');
		expect(offer.details).toBe('symbiosis.frequency_monthly · symbiosis.hazardous_yes · Bursa');
		expect(offer.quantity).toContain('"quantity":"1,200"');
		const consenting = presentSymbiosis({ ...view, consentIntroduce: true }, t as never, 'en');
		expect(consenting.sides[0].items[0].match).toBe(
			'symbiosis.match_offer symbiosis.match_introduce'
		);
		expect(presented.table.rows).toHaveLength(1);
	});
});
