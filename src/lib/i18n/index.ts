import { defaultLocale, type Locale } from './locales';
import { translatorOf, type Translate } from './translator';

export * from './locales';
export type { Translate } from './translator';

// Each language is its own chunk, so a browser loads only the one it shows.
const resources = import.meta.glob<Record<string, string>>('./locales/*.json', {
	import: 'default'
});

/**
 * Creates a fresh i18next instance for one request (or one page in the browser). Instances are never shared between
 * requests, so one visitor's language can never leak into another's page.
 */
export async function createTranslator(locale: Locale): Promise<Translate> {
	const load = (language: Locale) => resources[`./locales/${language}.json`]();
	return translatorOf(
		locale,
		await load(locale),
		locale === defaultLocale ? undefined : await load(defaultLocale)
	);
}
