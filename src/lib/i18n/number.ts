import { formatNumber } from './format';
import type { Locale } from './locales';

/*
 * Numbers as people type them. The page and the server read a typed figure with the same function, so the echo the
 * browser shows ("= 12.000 Sm³") is exactly what the server stores.
 */

/** Thousands and decimal separators of each locale. */
const SEPARATORS: Record<Locale, { group: string; decimal: string }> = {
	tr: { group: '.', decimal: ',' },
	en: { group: ',', decimal: '.' }
};

const escape = (character: string) => `\\${character}`;

/**
 * A number in the locale's own style: digits with thousands separators only in groups of three (`12.000`,
 * `1.234,5` in Turkish), or without any, then an optional decimal part.
 */
function pattern(locale: Locale): RegExp {
	const { group, decimal } = SEPARATORS[locale];
	return new RegExp(`^-?(\\d{1,3}(${escape(group)}\\d{3})+|\\d+)(${escape(decimal)}\\d+)?$`);
}

const PATTERNS: Record<Locale, RegExp> = { tr: pattern('tr'), en: pattern('en') };

/**
 * Reads a number as people type it: `1.234,5` in Turkish, `1,234.5` in English, with spaces allowed. Separators out
 * of place (`1.234,5` in English, `1,2,3`) give NaN, which the number check refuses with a clear message, rather
 * than a silently different figure.
 */
export function parseLocalNumber(text: string, locale: Locale): number {
	const compact = text.replace(/[\s\u00a0\u202f]/g, '');
	if (!PATTERNS[locale].test(compact)) return NaN;
	const { group, decimal } = SEPARATORS[locale];
	return Number(compact.split(group).join('').replace(decimal, '.'));
}

/**
 * The figure the text would be in the other locale's style, when this locale reads it as a smaller figure or not at
 * all: "12.000" typed on the English page reads as 12 there but 12,000 in Turkish. A text this locale reads as the
 * larger figure ("12,000" in English) is taken as meant. Used to ask "Did you mean 12,000?", never to change what was
 * typed.
 */
export function otherStyleReading(text: string, locale: Locale): number | undefined {
	const other: Locale = locale === 'tr' ? 'en' : 'tr';
	const theirs = parseLocalNumber(text, other);
	const ours = parseLocalNumber(text, locale);
	if (Number.isNaN(theirs)) return undefined;
	return Number.isNaN(ours) || Math.abs(theirs) > Math.abs(ours) ? theirs : undefined;
}

/** A figure with its unit in the locale's format (`180.000 kWh`): how every number answer is echoed back. */
export function formatAmount(locale: Locale, value: number, unit?: string): string {
	const shown = formatNumber(locale, value, { maximumFractionDigits: 6 });
	return unit ? `${shown} ${unit}` : shown;
}
