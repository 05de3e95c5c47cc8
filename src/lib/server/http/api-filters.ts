import { createTranslator } from '$lib/i18n';
import type { Locale } from '$lib/i18n/locales';
import { readFilters } from '../chamber/chamber-filters';
import { apiError } from './api';

/** The 400 for refused filters (`invalid_filters`): an issue per refused parameter, in the caller's language. */
export async function invalidFilters(problems: Record<string, string>, locale: Locale) {
	const t = await createTranslator(locale);
	return apiError(
		400,
		'invalid_filters',
		locale,
		Object.entries(problems).map(([path, key]) => ({ path, message: t(key) }))
	);
}

/** The dashboard's filters read from an API request's query, or the 400 to answer: the chamber endpoints take the same filters as the page. */
export async function apiFilters(url: URL, locale: Locale) {
	const { filters, compare, problems } = readFilters(url);
	if (Object.keys(problems).length > 0) return invalidFilters(problems, locale);
	return { filters, compare };
}
