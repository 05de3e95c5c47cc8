import { defaultLocale, type Locale } from '../i18n/locales';
import type { Text } from './schema';

/** A text in the reader's language; Turkish when a file was written before that language was added. */
export function localize(text: Text, locale: Locale): string;
export function localize(text: Text | undefined, locale: Locale): string | undefined;
export function localize(text: Text | undefined, locale: Locale): string | undefined {
	if (!text) return undefined;
	return text[locale] ?? text[defaultLocale];
}
