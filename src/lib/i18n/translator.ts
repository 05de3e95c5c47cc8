import i18next from 'i18next';
import { defaultLocale, type Locale } from './locales';

/** Translates a flat key such as `landing.title`, interpolating `{{name}}` placeholders. */
export type Translate = (key: string, values?: Record<string, unknown>) => string;

export type Messages = Record<string, string>;

/**
 * A fresh i18next instance over messages already loaded: the one place i18next is configured, shared by the pages
 * (which load a language's file lazily) and by server code that runs outside Vite (the mail of `npm run admin`).
 * `fallback` holds the default language's messages for keys the locale lacks.
 */
export async function translatorOf(
	locale: Locale,
	messages: Messages,
	fallback?: Messages
): Promise<Translate> {
	const instance = i18next.createInstance();
	await instance.init({
		lng: locale,
		fallbackLng: defaultLocale,
		resources: {
			[locale]: { translation: messages },
			...(fallback && locale !== defaultLocale
				? { [defaultLocale]: { translation: fallback } }
				: {})
		},
		// Keys are flat strings with dots in them (`results.level_title`), not nested paths.
		keySeparator: false,
		nsSeparator: false,
		// Svelte escapes everything it renders, so i18next must not escape a second time.
		interpolation: { escapeValue: false }
	});
	// Without values, a message with no placeholder and no nesting is the message itself: looked up directly, as
	// i18next's resolution and interpolation passes made such calls about an eighth of a page's server time.
	const plain = (key: string) => {
		const text = messages[key] ?? fallback?.[key];
		return text === undefined || text.includes('{{') || text.includes('$t(') ? undefined : text;
	};
	return (key, values) =>
		(values ? undefined : plain(key)) ?? (instance.t(key, values ?? {}) as string);
}
