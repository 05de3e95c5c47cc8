import { defaultLocale, type Locale } from './locales';
import { translatorOf, type Translate } from './translator';

export * from './locales';
export type { Translate } from './translator';

// Each language is its own chunk, so a browser loads only the one it shows.
const resources = import.meta.glob<Record<string, string>>('./locales/*.json', {
	import: 'default'
});

/** One translator per language, made on first use: translations never change while the process runs. */
const translators = new Map<Locale, Promise<Translate>>();

/**
 * The translator of a language. Each is an i18next instance of its own language only, and nothing ever changes an
 * instance's language, so sharing one between requests cannot leak one visitor's language into another's page;
 * creating an instance per request cost about a fifth of a page's server time (issue #20's profile).
 */
export function createTranslator(locale: Locale): Promise<Translate> {
	let translator = translators.get(locale);
	if (!translator) {
		const load = (language: Locale) => resources[`./locales/${language}.json`]();
		translator = (async () =>
			translatorOf(
				locale,
				await load(locale),
				locale === defaultLocale ? undefined : await load(defaultLocale)
			))();
		// A failed load (a chunk the browser could not fetch) is tried again next time, not remembered.
		translator.catch(() => translators.delete(locale));
		translators.set(locale, translator);
	}
	return translator;
}
