import { pageAddresses } from 'virtual:i18n-pages';
import type { Locale } from '$lib/i18n/locales';

/**
 * The address of the module holding a page's strings in its language, for `pageTranslator`: the server picks it,
 * so the browser needs no table of every route's modules. A page no route matched (`null`) gets the strings of
 * the error page.
 */
export function pageStrings(locale: Locale, routeId: string | null): string {
	const byRoute = pageAddresses[locale];
	return byRoute[routeId ?? ''] ?? byRoute[''];
}
