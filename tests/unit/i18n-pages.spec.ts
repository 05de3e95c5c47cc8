import { describe, expect, it } from 'vitest';
import { pageTranslator } from '$lib/i18n/pages';
import { pageStrings } from '$lib/server/page-strings';
import en from '$lib/i18n/locales/en.json';
import tr from '$lib/i18n/locales/tr.json';

const translatorOf = (locale: 'tr' | 'en', routeId: string | null) =>
	pageTranslator(locale, pageStrings(locale, routeId));

describe('a page’s strings', () => {
	it('holds the areas its route lists and the site’s own, in its language', async () => {
		const t = await translatorOf('tr', '/');
		expect(t('landing.eyebrow')).toBe(tr['landing.eyebrow']);
		expect(t('nav.home')).toBe(tr['nav.home']);
		// The chamber dashboard's strings are not downloaded with the landing page.
		expect(t('dashboard.title')).toBe('dashboard.title');
		expect((await translatorOf('en', '/'))('landing.eyebrow')).toBe(en['landing.eyebrow']);
	});

	it('gives a page no route matched the error page’s strings', async () => {
		const t = await translatorOf('en', null);
		expect(t('error.title_404')).toBe('Page not found');
		expect(t('landing.eyebrow')).toBe('landing.eyebrow');
	});

	it('gives a route the table does not list the error page’s strings', async () => {
		expect(pageStrings('tr', '/healthz')).toBe(pageStrings('tr', null));
	});

	it('names a different file for each language and route', () => {
		const addresses = new Set(
			(['tr', 'en'] as const).flatMap((locale) =>
				[null, '/', '/assessment/[token=token]/[step]'].map((id) => pageStrings(locale, id))
			)
		);
		expect(addresses.size).toBe(6);
	});
});
