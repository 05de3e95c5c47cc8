import type { Locale } from '$lib/i18n/locales';
import { translatorOf, type Translate } from '$lib/i18n/translator';
import en from '$lib/i18n/locales/en.json';
import tr from '$lib/i18n/locales/tr.json';

/**
 * The mail's own translator: the same i18next set-up as the pages, over messages imported directly rather than
 * through Vite's lazy glob, so that mail is also composed where Vite is absent (`npm run admin -- send-reminders`).
 */
export function mailTranslator(locale: Locale): Promise<Translate> {
	return translatorOf(locale, locale === 'en' ? en : tr, tr);
}
