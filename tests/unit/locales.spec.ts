import { describe, expect, it } from 'vitest';
import { negotiateLocale } from '$lib/i18n/locales';
import { formatDate, formatNumber, upperCase } from '$lib/i18n/format';

describe('negotiateLocale', () => {
	it.each([
		[null, 'tr'],
		['', 'tr'],
		['en-US,en;q=0.9', 'en'],
		['tr-TR,tr;q=0.9,en;q=0.8', 'tr'],
		['de-DE,de;q=0.9', 'tr'],
		['de-DE,en;q=0.5', 'en'],
		['en;q=0.4,tr;q=0.8', 'tr'],
		['en;q=0,tr;q=0', 'tr'],
		['EN-gb', 'en'],
		['en;q=abc', 'tr']
	])('%s -> %s', (header, expected) => {
		expect(negotiateLocale(header)).toBe(expected);
	});
});

describe('formatters', () => {
	it('writes numbers the Turkish way in Turkish and the English way in English', () => {
		expect(formatNumber('tr', 1234.5)).toBe('1.234,5');
		expect(formatNumber('en', 1234.5)).toBe('1,234.5');
	});

	it('writes dates in words in the reader’s language', () => {
		expect(formatDate('tr', '2019-12-11')).toBe('11 Aralık 2019');
		expect(formatDate('en', '2019-12-11')).toBe('11 December 2019');
	});

	it('upper-cases Turkish dotted and dotless i correctly', () => {
		expect(upperCase('tr', 'istanbul ılık')).toBe('İSTANBUL ILIK');
		expect(upperCase('en', 'istanbul')).toBe('ISTANBUL');
	});
});
