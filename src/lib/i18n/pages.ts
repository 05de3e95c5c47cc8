import { loadPage } from 'virtual:i18n-pages';
import type { Locale } from './locales';
import { lookup } from './lookup';
import type { Messages, Translate } from './translator';

/** One translator per module of strings, made on first use: translations never change while the server runs. */
const translators = new Map<string, Promise<Translate>>();

/**
 * A page's translator over the module of strings at `address`, which the server chose for the page's language and
 * route (`pageStrings` in $lib/server/page-strings.ts): the areas route-areas.json lists for the route, so that a
 * browser downloads only what the page shows. A key of an area not listed stays untranslated, on the server as in
 * the browser, so a list that misses an area shows in any test of the page.
 */
export function pageTranslator(locale: Locale, address: string): Promise<Translate> {
	let translator = translators.get(address);
	if (!translator) {
		translator = loadPage(address).then((module) => lookup(locale, module.default));
		// A failed load (a file the browser could not fetch) is tried again next time, not remembered.
		translator.catch(() => translators.delete(address));
		translators.set(address, translator);
	}
	return translator;
}

/**
 * `t` with the strings of one more area, for a part of a page that loads them with itself (from
 * `virtual:i18n-area/<language>/<area>`) because the page seldom shows it.
 */
export function withArea(
	t: Translate,
	locale: Locale,
	area: string,
	messages: Messages
): Translate {
	const more = lookup(locale, messages);
	return (key, values) => (key.startsWith(`${area}.`) ? more(key, values) : t(key, values));
}
