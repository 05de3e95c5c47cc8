import { describe, expect, it } from 'vitest';
import { createTranslator, locales } from '$lib/i18n';
import { lookup } from '$lib/i18n/lookup';
import en from '$lib/i18n/locales/en.json';
import tr from '$lib/i18n/locales/tr.json';

const resources: Record<string, Record<string, string>> = { tr, en };

/** Values for every placeholder a text has, of the kinds the code passes: text, numbers and dates. */
function valuesFor(text: string, count: number) {
	const names = [...text.matchAll(/\{\{\s*(\w+)/g)].map((match) => match[1]);
	return Object.fromEntries(
		names.map((name, index) => [
			name,
			name === 'count' ? count : name === 'date' ? new Date(Date.UTC(2026, 2, 5)) : `v${index}`
		])
	);
}

describe('the pages’ translator', () => {
	it.each(locales)('words every %s key as i18next does', async (locale) => {
		const full = await createTranslator(locale);
		const t = lookup(locale, resources[locale]);
		// Plural forms are asked for by their base key with a count, as the code does.
		const keys = [
			...new Set(Object.keys(resources[locale]).map((key) => key.replace(/_(one|other)$/, '')))
		];
		for (const count of [0, 1, 2]) {
			const differing = keys.filter((key) => {
				const messages = resources[locale];
				const values = valuesFor(
					messages[key] ?? messages[`${key}_other`] ?? messages[`${key}_one`],
					count
				);
				return t(key, values) !== full(key, values);
			});
			expect(differing).toEqual([]);
		}
	});

	it('formats a date as asked and leaves out a value that is null, as i18next does', async () => {
		const full = await createTranslator('en');
		const t = lookup('en', en);
		const values = {
			date: new Date(Date.UTC(2026, 2, 5)),
			formatParams: { date: { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' } }
		};
		expect(t('resources.retrieved', values)).toBe('Read on March 5, 2026');
		expect(t('resources.retrieved', values)).toBe(full('resources.retrieved', values));
		expect(t('error.status', { status: null })).toBe(full('error.status', { status: null }));
	});

	it('gives back a key it does not hold, and a placeholder without a value', () => {
		const t = lookup('tr', { 'a.b': '{{x}} ve {{y}}' });
		expect(t('a.missing')).toBe('a.missing');
		expect(t('a.b', { x: 1 })).toBe('1 ve {{y}}');
	});
});
