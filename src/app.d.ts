import type { Locale, Translate } from '$lib/i18n';

declare global {
	namespace App {
		interface Locals {
			/** The language of this request: `?lang`, then the `lang` cookie, then Accept-Language, then Turkish. */
			locale: Locale;
		}
		interface PageData {
			locale: Locale;
			/** Translates a UI string into the page's language. */
			t: Translate;
		}
		interface Error {
			message: string;
		}
	}
}

export {};
