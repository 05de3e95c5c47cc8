import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { completeAnswers, QUESTIONNAIRE } from './api-helpers';
import { expect, test } from './test';

const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

test.describe('methodology', () => {
	test('explains themes, weights, N/A and levels in Turkish', async ({ page }) => {
		await page.goto('/methodology?lang=tr');
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Puanlar nasıl hesaplanıyor?');
		const themes = page.getByRole('table').first().getByRole('row');
		// A header row and one row per theme (six themes).
		await expect(themes).toHaveCount(7);
		await expect(
			page.getByRole('heading', { name: '"Bizim için geçerli değil" cevapları' })
		).toBeVisible();
		await expect(page.locator('.levels__item')).toHaveCount(5);
		// Secondary sources are labelled, not passed off as public ones.
		await expect(page.getByText('birincil kaynaklara', { exact: false })).toBeVisible();
		await expect(
			page.getByRole('listitem').filter({ hasText: 'İkincil kaynak' }).first()
		).toBeVisible();
		await expect(page.getByText('80–100', { exact: false })).toBeVisible();
	});

	test('lists every emission factor with its source and year, and the CBAM screen’s findings', async ({
		page
	}) => {
		await page.goto('/methodology?lang=tr');
		const factors = page.getByRole('table', { name: /Emisyon faktörleri \(sürüm/ });
		// A header row and one row per emission source of questionnaires/emission-factors.yaml.
		await expect(factors.getByRole('row')).toHaveCount(14);
		const electricity = factors.getByRole('row', { name: /Şebekeden alınan elektrik/ });
		await expect(electricity).toContainText('0,439 / kWh');
		await expect(electricity.getByRole('link')).toHaveAttribute('href', /enerji\.gov\.tr/);
		await expect(electricity).toContainText('brüt elektrik üretimi MWh başına ortalama');
		await expect(electricity).toContainText('2026');
		const wood = factors.getByRole('row', { name: /Odun, talaş, pelet ya da briket/ });
		await expect(wood).toContainText('artı 1,747 kg biyojenik CO₂ / kg, toplama katılmaz');
		await expect(page.getByText('1 Sm³ = 10,64 kWh', { exact: false })).toBeVisible();
		await expect(
			page.getByText('tüketim noktası değeri yayımlanmadığı için', { exact: false })
		).toBeVisible();
		await expect(
			page.getByText('Linyit (yerli kömür) için tedarikçinizin', { exact: false })
		).toBeVisible();
		const method = page.getByRole('region', {
			name: 'Karbon tahmini ve SKDM taraması nasıl yapılır'
		});
		// Exposure and data readiness, each with its rules.
		await expect(method.getByRole('term')).toHaveText([
			'Etkilenmiyorsunuz',
			'Kontrol etmeniz gerekiyor',
			'Bildiğiniz kadarıyla eşiğin altında',
			'Dolaylı tedarikçi',
			'Büyük olasılıkla kapsamda',
			'Kapsamda',
			'Doğrulanmış veri',
			'Yalnızca doğrulanmamış tahmin',
			'Veri yok'
		]);
	});

	test('is complete in English and passes axe', async ({ page }) => {
		await page.goto('/methodology?lang=en');
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(
			'How the scores are calculated'
		);
		await expect(
			page.getByRole('columnheader', { name: 'Share of the overall score' })
		).toBeVisible();
		const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
		expect(results.violations).toEqual([]);
	});
});

test.describe('resources', () => {
	test('filters the catalogue by theme and type without JavaScript @no-js', async ({ page }) => {
		await page.goto('/resources?lang=en');
		const all = await page.locator('.resource').count();
		expect(all).toBeGreaterThanOrEqual(25);
		await page.getByLabel('Type').selectOption({ label: 'Support programme' });
		await page.getByRole('button', { name: 'Filter' }).click();
		await expect(page).toHaveURL(/type=support_programme/);
		const filtered = await page.locator('.resource').count();
		expect(filtered).toBeGreaterThan(0);
		expect(filtered).toBeLessThan(all);
		for (const tag of await page.locator('.resource .resource__type').allInnerTexts()) {
			expect(tag).toBe('Support programme');
		}
	});

	test('shows what a support programme offers, whether its call is open, and its sources', async ({
		page
	}) => {
		await page.goto('/resources?lang=tr');
		const kosgeb = page.locator('.resource', { hasText: 'KOSGEB Yeşil Sanayi Destek Programı' });
		await expect(kosgeb).toContainText('Geri ödemeli destek · Çağrı kapandı (30 Kasım 2024)');
		await expect(kosgeb).toContainText('Dil: Türkçe');
		await expect(kosgeb.getByText('İkincil kaynak')).toHaveCount(0);
		const geff = page.locator('.resource', { hasText: 'GEFF Türkiye: EBRD' });
		await expect(geff).toContainText('Kredi · Çağrı beklemeden başvurulur');
		await expect(geff).toContainText('Dil: İngilizce');
		const news = page.locator('.resource', { hasText: 'Haberport (haber)' });
		await expect(news.getByText('İkincil kaynak')).toBeVisible();

		await page.goto('/resources?lang=en');
		await expect(
			page.locator('.resource', { hasText: 'KOSGEB Green Industry Support Programme' })
		).toContainText('Repayable support · Call closed (November 30, 2024)');
	});

	test('opens resource links in a new tab and says so, and passes axe', async ({ page }) => {
		await page.goto('/resources?lang=tr');
		const link = page.locator('.resource h3 a').first();
		await expect(link).toHaveAttribute('target', '_blank');
		await expect(link).toHaveAttribute('rel', /noopener/);
		await expect(link).toContainText('yeni sekmede açılır');
		const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
		expect(results.violations).toEqual([]);
	});
});

test.describe('privacy notice', () => {
	for (const lang of ['tr', 'en'] as const) {
		test(`names the data, purposes, retention and rights in ${lang}, and passes axe`, async ({
			page
		}) => {
			await page.goto(`/privacy?lang=${lang}`);
			const headings = await page.getByRole('heading', { level: 2 }).allInnerTexts();
			expect(headings).toHaveLength(7);
			await expect(
				page.getByText(lang === 'tr' ? /KVKK'nın 11\. maddesi/ : /Article 11 of the KVKK/)
			).toBeVisible();
			const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
			expect(results.violations).toEqual([]);
		});
	}
});

const keys = Object.keys(JSON.parse(readFileSync('src/lib/i18n/locales/tr.json', 'utf8')));
const areas = [...new Set(keys.map((key) => key.split('.')[0]))];
/** Any key of the translations, as a page would show it if its area were not loaded (not a file: report.pdf). */
const rawKey = new RegExp(`\\b(${areas.join('|')})\\.(?!(pdf|json|csv|xlsx)\\b)[a-z0-9_]+\\b`);

/** Fails when the page's text shows an untranslated key. */
async function expectTranslated(page: Page) {
	const text = await page.locator('body').innerText();
	expect(text, page.url()).not.toMatch(rawKey);
}

test('no page shows an untranslated key, loaded or reached in the browser', async ({
	page,
	request
}) => {
	const answers = await completeAnswers(request);
	const created = await request.post('/api/v1/assessments', {
		data: { questionnaire: QUESTIONNAIRE, locale: 'tr', answers }
	});
	const { token } = (await created.json()) as { token: string };
	await request.post(`/api/v1/assessments/${token}/submit`, { data: {} });
	const draft = await request.post('/api/v1/assessments', {
		data: { questionnaire: QUESTIONNAIRE, locale: 'tr' }
	});
	const draftToken = ((await draft.json()) as { token: string }).token;
	const paths = [
		'/',
		'/methodology',
		'/resources',
		'/privacy',
		'/assessment/new',
		'/chamber/login',
		`/assessment/${draftToken}/profile`,
		`/assessment/${draftToken}/review`,
		`/assessment/${token}/results`
	];
	for (const lang of ['tr', 'en']) {
		for (const path of paths) {
			await page.goto(`${path}?lang=${lang}`);
			await expectTranslated(page);
		}
		// The same pages reached by following links: from a page with a script, by the browser's router, which loads
		// each page's strings itself. The pages to read have no script, so the browser loads those whole.
		await page.goto(`/chamber/login?lang=${lang}`);
		await page.waitForLoadState('networkidle');
		for (const href of ['/methodology', '/resources', '/privacy', '/chamber/login']) {
			await page.locator(`footer a[href="${href}"]`).click();
			await expect(page).toHaveURL(href);
			await page.waitForLoadState('networkidle');
			await expectTranslated(page);
		}
		await page.goto(`/assessment/${draftToken}/profile`);
		await page.waitForLoadState('networkidle');
		await page.locator(`a[href="/assessment/${draftToken}/review"]`).first().click();
		await expect(page).toHaveURL(/\/review$/);
		await page.waitForLoadState('networkidle');
		await expectTranslated(page);
	}
});
