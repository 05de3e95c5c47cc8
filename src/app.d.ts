import type { Locale, Translate } from '$lib/i18n';

declare global {
	namespace App {
		interface Locals {
			/** The language of this request: `?lang`, then the `lang` cookie, then Accept-Language, then Turkish. */
			locale: Locale;
			/** The assessment of this request's token, opened once and shared by its layout and page loads. */
			assessment?: Promise<import('$lib/server/assessment/assessment-service').Opened | undefined>;
			/** The signed-in chamber or platform user, read only on the pages that need an account. */
			user?: import('$lib/server/auth/session').SignedIn;
			/** Set when the request met a database that could not write just now; the response becomes a 503. */
			unavailable?: import('$lib/server/db/unavailable').DatabaseUnavailable;
			/** The audit entry of this request's refusal, written once though its layout and page loads both refuse. */
			denial?: Promise<string>;
		}
		interface PageData {
			locale: Locale;
			/** Translates a UI string into the page's language. */
			t: Translate;
		}
		interface Error {
			message: string;
			/** What was not found or not allowed, why the database could not write, or `request` for a request the
			 * server could not read, when the page can say more than its status. */
			kind?:
				'campaign' | 'link' | 'request' | 'admins_only' | 'database_busy' | 'storage_unavailable';
		}
	}
}

export {};
