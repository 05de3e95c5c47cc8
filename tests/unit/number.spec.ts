import { describe, expect, it } from 'vitest';
import { formatAmount, otherStyleReading, parseLocalNumber } from '$lib/i18n/number';

describe('parseLocalNumber', () => {
	it.each([
		['12.000', 'tr', 12000],
		['12.000', 'en', 12],
		['12,000', 'tr', 12],
		['12,000', 'en', 12000],
		['1.234,5', 'tr', 1234.5],
		['180,000', 'tr', 180],
		['180,000', 'en', 180000],
		['1 234 567', 'tr', 1234567],
		['1,234.5', 'en', 1234.5],
		['0,75', 'tr', 0.75],
		['12abc', 'tr', NaN],
		['1,2,3', 'tr', NaN],
		// Separators out of place are refused, never read as a different figure (1.2345 or 15).
		['1.234,5', 'en', NaN],
		['1.5', 'tr', NaN],
		['12.00', 'tr', NaN],
		['', 'en', NaN]
	] as const)('reads %s in %s as %d', (text, locale, expected) => {
		expect(parseLocalNumber(text, locale)).toBe(expected);
	});
});

describe('otherStyleReading', () => {
	it.each([
		['12.000', 'en', 12000],
		['180,000', 'tr', 180000],
		['1.234,5', 'en', 1234.5],
		['1.5', 'tr', 1.5]
	] as const)('notices that %s on the %s page may mean %d', (text, locale, expected) => {
		expect(otherStyleReading(text, locale)).toBe(expected);
	});

	it.each([
		['12,000', 'en'],
		['12.000', 'tr'],
		['1.234,5', 'tr'],
		['12500', 'tr'],
		['12.5', 'en'],
		['abc', 'en']
	] as const)('finds nothing to ask about %s on the %s page', (text, locale) => {
		expect(otherStyleReading(text, locale)).toBeUndefined();
	});
});

describe('formatAmount', () => {
	it('echoes a figure with its unit in the page format', () => {
		expect(formatAmount('tr', 180000, 'kWh')).toBe('180.000 kWh');
		expect(formatAmount('en', 12000, 'Sm³')).toBe('12,000 Sm³');
		expect(formatAmount('tr', 1234.5)).toBe('1.234,5');
		expect(formatAmount('en', 0.12345, 'kg CO₂e/kWh')).toBe('0.12345 kg CO₂e/kWh');
	});
});
