import pageMessages from 'virtual:i18n-pages';
import type { Locale } from './locales';
import { lookup } from './lookup';
import type { Messages, Translate } from './translator';

/** One translator per language and route, made on first use: translations never change while the server runs. */
const translators = new Map<string, Promise<Translate>>();

/**
 * A page's translator: the strings of one language that route-areas.json lists for the page's route (split at
 * build time by the i18n-pages plugin of vite.config.ts, a module per language and route), so that a browser
 * downloads only what the page shows. A key of an area not listed stays untranslated, on the server as in the
 * browser, so a list that misses an area shows in any test of the page.
 */
export function pageTranslator(locale: Locale, routeId: string | null): Promise<Translate> {
	const route = routeId && routeId in pageMessages[locale] ? routeId : '';
	const id = `${locale} ${route}`;
	let translator = translators.get(id);
	if (!translator) {
		translator = pageMessages[locale][route]().then((module) => lookup(locale, module.default));
		// A failed load (a chunk the browser could not fetch) is tried again next time, not remembered.
		translator.catch(() => translators.delete(id));
		translators.set(id, translator);
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
