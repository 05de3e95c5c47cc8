import i18next from 'i18next';
import { defaultLocale, type Locale } from './locales';

export * from './locales';

/** Translates a flat key such as `landing.title`, interpolating `{{name}}` placeholders. */
export type Translate = (key: string, values?: Record<string, unknown>) => string;

// Each language is its own chunk, so a browser loads only the one it shows.
const resources = import.meta.glob<Record<string, string>>('./locales/*.json', {
	import: 'default'
});

/**
 * Creates a fresh i18next instance for one request (or one page in the browser). Instances are never shared between
 * requests, so one visitor's language can never leak into another's page.
 */
export async function createTranslator(locale: Locale): Promise<Translate> {
	const instance = i18next.createInstance();
	const fallback =
		locale === defaultLocale
			? {}
			: { [defaultLocale]: { translation: await resources[`./locales/${defaultLocale}.json`]() } };
	await instance.init({
		lng: locale,
		fallbackLng: defaultLocale,
		resources: {
			[locale]: { translation: await resources[`./locales/${locale}.json`]() },
			...fallback
		},
		// Keys are flat strings with dots in them (`results.level_title`), not nested paths.
		keySeparator: false,
		nsSeparator: false,
		// Svelte escapes everything it renders, so i18next must not escape a second time.
		interpolation: { escapeValue: false }
	});
	return (key, values) => instance.t(key, values ?? {}) as string;
}
