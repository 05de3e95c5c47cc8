import { describe, expect, it } from 'vitest';
import { pageTranslator } from '$lib/i18n/pages';
import en from '$lib/i18n/locales/en.json';
import tr from '$lib/i18n/locales/tr.json';

describe('a page’s strings', () => {
	it('holds the areas its route lists and the site’s own, in its language', async () => {
		const t = await pageTranslator('tr', '/');
		expect(t('landing.eyebrow')).toBe(tr['landing.eyebrow']);
		expect(t('nav.home')).toBe(tr['nav.home']);
		// The chamber dashboard's strings are not downloaded with the landing page.
		expect(t('dashboard.title')).toBe('dashboard.title');
		expect((await pageTranslator('en', '/'))('landing.eyebrow')).toBe(en['landing.eyebrow']);
	});

	it('gives a page no route matched the error page’s strings', async () => {
		const t = await pageTranslator('en', null);
		expect(t('error.title_404')).toBe('Page not found');
		expect(t('landing.eyebrow')).toBe('landing.eyebrow');
	});
});
