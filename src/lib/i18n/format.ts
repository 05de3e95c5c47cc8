import { intlTags, type Locale } from './locales';

/*
 * Intl formatters are costly to build and immutable once built, so each locale and set of options gets one, made on
 * first use: building them on every call took about an eighth of a page's server time (issue #20's profile).
 */
const numberFormats = new Map<string, Intl.NumberFormat>();
const dateFormats = new Map<string, Intl.DateTimeFormat>();

function numberFormat(locale: Locale, options: Intl.NumberFormatOptions = {}) {
	const key = `${locale} ${JSON.stringify(options)}`;
	let format = numberFormats.get(key);
	if (!format) numberFormats.set(key, (format = new Intl.NumberFormat(intlTags[locale], options)));
	return format;
}

/**
 * The date format of a language tag as Intl takes it (`tr-TR`; the page translator passes i18next's plain `en`, to
 * word dates as i18next does) and a set of options.
 */
export function dateTimeFormat(tag: string, options: Intl.DateTimeFormatOptions = {}) {
	const key = `${tag} ${JSON.stringify(options)}`;
	let format = dateFormats.get(key);
	if (!format) dateFormats.set(key, (format = new Intl.DateTimeFormat(tag, options)));
	return format;
}

function dateFormat(locale: Locale, options: Intl.DateTimeFormatOptions) {
	return dateTimeFormat(intlTags[locale], options);
}

/** Formats a number the way the locale writes it (`1.234,5` in Turkish, `1,234.5` in English). */
export function formatNumber(locale: Locale, value: number, options?: Intl.NumberFormatOptions) {
	return numberFormat(locale, options).format(value);
}

/** An emission factor to four significant digits, as the factors file gives it: 0.02964 must not read as 0.03. */
export function formatFactor(locale: Locale, value: number) {
	return formatNumber(locale, value, { maximumSignificantDigits: 4 });
}

/** Tonnes of CO2e: two decimals under 10 t, where they still mean something, one above. */
export function formatTonnes(locale: Locale, value: number) {
	return formatNumber(locale, value, { maximumFractionDigits: Math.abs(value) < 10 ? 2 : 1 });
}

/** Formats a calendar date in words (`11 Aralık 2019`, `11 December 2019`), as the day it is in `timeZone`. */
export function formatDate(locale: Locale, date: Date | string, timeZone = 'UTC') {
	const value = typeof date === 'string' ? new Date(date) : date;
	return dateFormat(locale, { dateStyle: 'long', timeZone }).format(value);
}

/** Türkiye's time zone (UTC+3 all year since 2016). */
const TURKIYE = 'Europe/Istanbul';

/**
 * Formats the day an instant fell on in Türkiye, in words (`12 Mart 2026`): a firm that submitted at 01:30 its time
 * submitted that day, which UTC would date the day before.
 */
export function formatDayInTurkiye(locale: Locale, instant: string) {
	return formatDate(locale, instant, TURKIYE);
}

/** `YYYY-MM-DD` parts of an instant as Türkiye's calendar reads it ('en-CA' writes dates in ISO order). */
const turkiyeIsoDay = new Intl.DateTimeFormat('en-CA', {
	timeZone: TURKIYE,
	year: 'numeric',
	month: '2-digit',
	day: '2-digit'
});

/**
 * The calendar day (`YYYY-MM-DD`) an instant falls on in Türkiye: what a date field shows for a stored instant, so
 * that a campaign closing at 00:00 Türkiye time reads as the day it closes rather than the day before (UTC).
 */
export function dayInTurkiye(instant: string | Date) {
	return turkiyeIsoDay.format(typeof instant === 'string' ? new Date(instant) : instant);
}

/** The month (`YYYY-MM`) an instant falls in, in Türkiye: a submission at 01:00 on 1 May is May's, not April's. */
export function monthInTurkiye(instant: string | Date) {
	return dayInTurkiye(instant).slice(0, 7);
}

/**
 * Formats an instant as the date and time it is in Türkiye (`12 Mart 2026 14:30`), for deadlines that fall within
 * a day, such as when a one-time link expires.
 */
export function formatDateTimeInTurkiye(locale: Locale, instant: string | Date) {
	return dateFormat(locale, { dateStyle: 'long', timeStyle: 'short', timeZone: TURKIYE }).format(
		typeof instant === 'string' ? new Date(instant) : instant
	);
}

/** Formats a month in words (`Şubat 2027`, `February 2027`) from `YYYY-MM`. */
export function formatMonth(locale: Locale, month: string) {
	return dateFormat(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
		new Date(`${month}-01`)
	);
}

/** Upper-cases with the locale's rules: Turkish `i` becomes `İ` and `ı` becomes `I`. */
export function upperCase(locale: Locale, text: string) {
	return text.toLocaleUpperCase(intlTags[locale]);
}

/** Joins names the way the locale lists them ("a, b ve c", "a, b and c"), for a sentence naming several things. */
export function formatList(locale: Locale, items: string[]) {
	return new Intl.ListFormat(intlTags[locale], { type: 'conjunction' }).format(items);
}
