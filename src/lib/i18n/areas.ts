import areaLoaders from 'virtual:i18n-areas';
import type { Locale } from './locales';
import { lookup } from './lookup';
import type { Messages, Translate } from './translator';

/** One translator per language and list of areas, made on first use: translations never change while running. */
const translators = new Map<string, Promise<Translate>>();

/**
 * A page's translator: the strings of the given areas of one language, each area a module of its own (split by the
 * i18n-areas plugin of vite.config.ts), so a browser downloads only what the page shows, and caches each area.
 * A key of an area not listed stays untranslated, on the server as in the browser, so a list that misses an area
 * shows in any test of the page.
 */
export function areaTranslator(locale: Locale, areas: readonly string[]): Promise<Translate> {
	const id = `${locale} ${areas.join()}`;
	let translator = translators.get(id);
	if (!translator) {
		const loaders = areaLoaders[locale];
		translator = Promise.all(areas.map((area) => loaders[area]())).then((modules) =>
			lookup(locale, Object.assign({}, ...modules.map((module) => module.default)) as Messages)
		);
		// A failed load (a chunk the browser could not fetch) is tried again next time, not remembered.
		translator.catch(() => translators.delete(id));
		translators.set(id, translator);
	}
	return translator;
}
