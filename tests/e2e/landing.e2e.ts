import AxeBuilder from '@axe-core/playwright';
import { expect, test } from './test';

const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

test.describe('landing page', () => {
	test('speaks Turkish by default, with the Turkish title and html lang', async ({ browser }) => {
		const context = await browser.newContext({ locale: 'tr-TR' });
		const page = await context.newPage();
		await page.goto('/');
		await expect(page.locator('html')).toHaveAttribute('lang', 'tr');
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(
			"İşletmeniz Avrupa Yeşil Mutabakatı'na ne kadar hazır?"
		);
		await expect(page.getByText('11 Aralık 2019', { exact: false })).toBeVisible();
		await context.close();
	});

	test('follows an English browser', async ({ page }) => {
		await page.goto('/');
		await expect(page.locator('html')).toHaveAttribute('lang', 'en');
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(
			'How ready is your business for the European Green Deal?'
		);
	});

	test('shows no untranslated keys in either language', async ({ page }) => {
		for (const lang of ['tr', 'en']) {
			await page.goto(`/?lang=${lang}`);
			const text = await page.locator('body').innerText();
			expect(text).not.toMatch(/\b(app|nav|landing|footer|error)\.[a-z_]+\b/);
		}
	});

	test('switches language and remembers it @no-js', async ({ page }) => {
		await page.goto('/?lang=tr');
		await expect(page.locator('html')).toHaveAttribute('lang', 'tr');
		await page.getByRole('link', { name: 'English' }).click();
		await expect(page.locator('html')).toHaveAttribute('lang', 'en');
		await expect(page).toHaveURL(/\?lang=en$/);
		await expect(page.getByRole('link', { name: 'English' })).toHaveAttribute(
			'aria-current',
			'true'
		);
		// The choice is kept in a cookie for the next visit without ?lang.
		await page.goto('/');
		await expect(page.locator('html')).toHaveAttribute('lang', 'en');
		await page.getByRole('link', { name: 'Türkçe' }).click();
		await expect(page.locator('html')).toHaveAttribute('lang', 'tr');
		await expect(page.getByRole('heading', { level: 1 })).toContainText('ne kadar hazır?');
	});

	for (const lang of ['tr', 'en']) {
		test(`has no accessibility violations in ${lang}`, async ({ page }) => {
			await page.goto(`/?lang=${lang}`);
			const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
			expect(results.violations).toEqual([]);
		});
	}

	test('fits a 360 px phone without sideways scrolling', async ({ page }) => {
		await page.setViewportSize({ width: 360, height: 740 });
		await page.goto('/?lang=tr');
		const overflow = await page.evaluate(
			() => document.documentElement.scrollWidth - document.documentElement.clientWidth
		);
		expect(overflow).toBe(0);
		await expect(page.getByRole('button', { name: 'Değerlendirmeye başla' })).toBeVisible();
	});

	test('can be used with the keyboard: the skip link leads to the content', async ({ page }) => {
		await page.goto('/?lang=en');
		await page.keyboard.press('Tab');
		const skip = page.getByRole('link', { name: 'Skip to main content' });
		await expect(skip).toBeFocused();
		await page.keyboard.press('Enter');
		await expect(page.locator('main')).toBeFocused();
	});

	test('sends a nonce-based CSP and the security headers', async ({ request }) => {
		// The pages to read run no script, so their policy admits no inline one; a page with scripts names its nonce.
		for (const path of ['/', '/assessment/new', '/methodology', '/resources', '/privacy']) {
			const page = await request.get(path);
			expect(page.headers()['content-security-policy']).toMatch(/script-src 'self';/);
			expect(await page.text()).not.toContain('<script');
		}
		const response = await request.get('/chamber/login');
		const headers = response.headers();
		const csp = headers['content-security-policy'];
		expect(csp).toMatch(/script-src 'self' 'nonce-[^']+'/);
		expect(csp).not.toContain('unsafe-inline');
		expect(csp).toContain("object-src 'none'");
		expect(csp).toContain("base-uri 'none'");
		expect(csp).toContain("frame-ancestors 'none'");
		expect(headers['x-content-type-options']).toBe('nosniff');
		expect(headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
	});
});

test.describe('delivery', () => {
	test('the landing page sends no script, and starting an assessment still works', async ({
		page
	}) => {
		const scripts: string[] = [];
		page.on('request', (request) => {
			if (request.url().includes('/_app/immutable/') && !request.url().endsWith('.css'))
				scripts.push(new URL(request.url()).pathname);
		});
		const response = await page.goto('/?lang=en');
		expect((await response!.allHeaders()).link ?? '').not.toContain('modulepreload');
		await page.waitForLoadState('networkidle');
		expect(scripts).toEqual([]);
		expect(await page.locator('script').count()).toBe(0);

		await page.getByRole('button', { name: 'Start the assessment' }).click();
		await expect(page).toHaveURL(/\/assessment\/[A-Za-z0-9_-]{43}\/profile$/);
	});

	test("sends a page's code after its HTML, and the browser fetches the page's strings once", async ({
		page
	}) => {
		const fetched: string[] = [];
		page.on('request', (request) => {
			if (request.url().includes('/_app/immutable/i18n/'))
				fetched.push(new URL(request.url()).pathname);
		});
		const response = await page.goto('/chamber/login?lang=en');
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Chamber sign-in');
		// The stylesheet, which the first paint needs, is named at once; the scripts do not take the HTML's bandwidth.
		const link = (await response!.allHeaders()).link ?? '';
		expect(link).toMatch(/\.css>; rel="preload"; as="style"/);
		expect(link).not.toContain('modulepreload');
		await page.waitForLoadState('networkidle');
		expect(fetched).toHaveLength(1);
		expect(fetched[0]).toMatch(/^\/_app\/immutable\/i18n\/en-/);
		// The code came all the same: the password field's show button works only with it.
		await page.getByRole('button', { name: /^Show/ }).click();
		await expect(page.locator('input[name="password"]')).toHaveAttribute('type', 'text');
	});
});

test.describe('errors and health', () => {
	test('a missing page is a localised 404 that does not echo the address', async ({ page }) => {
		let dialogs = 0;
		page.on('dialog', (dialog) => {
			dialogs += 1;
			void dialog.dismiss();
		});
		const response = await page.goto('/<script>alert(1)</script>?lang=tr');
		expect(response?.status()).toBe(404);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Sayfa bulunamadı');
		expect(await page.locator('body').innerText()).not.toContain('alert(1)');
		expect(await page.content()).not.toContain('<script>alert');
		expect(dialogs).toBe(0);
		await page.goto('/no-such-page?lang=en');
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found');
	});

	test('/healthz answers ok while the database answers', async ({ request }) => {
		const response = await request.get('/healthz');
		expect(response.status()).toBe(200);
		expect(await response.json()).toEqual({ status: 'ok' });
	});
});
