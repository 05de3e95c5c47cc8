import { type APIRequestContext } from '@playwright/test';
import { admin, createChamber, createChamberUser } from './admin-cli';
import { QUESTIONNAIRE } from './api-helpers';
import { enrolTwoFactor, submitSignIn } from './sign-in';
import { expect, test } from './test';

const PASSWORD = 'Trakya verimlilik platformu 2026';
const MARKUP = '<img src=x onerror="window.__xss=1">';
// As a browser posts a form without JavaScript: the answer is the page, with its status.
const FORM_HEADERS = { origin: process.env.E2E_ORIGIN!, accept: 'text/html' };
const UNREADABLE = 'The form you sent could not be read';

async function newToken(request: APIRequestContext): Promise<string> {
	const created = await request.post('/api/v1/assessments', {
		data: { questionnaire: QUESTIONNAIRE, locale: 'en' }
	});
	return ((await created.json()) as { token: string }).token;
}

test.describe('bodies a form action cannot read', () => {
	test('a truncated multipart body is a 400 page saying so', async ({ request }) => {
		const token = await newToken(request);
		const response = await request.post(`/assessment/${token}/profile?/save&lang=en`, {
			headers: { ...FORM_HEADERS, 'content-type': 'multipart/form-data; boundary=XYZ' },
			data: '--XYZ\r\nContent-Disposition: form-data; name="intent"\r\n\r\nnext'
		});
		expect(response.status()).toBe(400);
		const page = await response.text();
		expect(page).toContain(UNREADABLE);
		expect(page).not.toContain('Internal Error');
	});

	test('a multipart body without a boundary is a 400 page, in Turkish too', async ({ request }) => {
		const token = await newToken(request);
		const response = await request.post(`/assessment/${token}/profile?/save&lang=tr`, {
			headers: { ...FORM_HEADERS, 'content-type': 'multipart/form-data' },
			data: 'intent=next'
		});
		expect(response.status()).toBe(400);
		expect(await response.text()).toContain('Gönderdiğiniz form okunamadı');
	});

	test('a sign-out posted without a body, or with the wrong type, is a 415 page, not "Internal Error"', async ({
		request
	}) => {
		const json = { ...FORM_HEADERS, 'content-type': 'application/json' };
		for (const headers of [FORM_HEADERS, json]) {
			const response = await request.post('/chamber/login?/signOut&lang=en', { headers });
			expect(response.status()).toBe(415);
			const page = await response.text();
			expect(page).toContain(UNREADABLE);
			expect(page).not.toContain('Internal Error');
		}
	});
});

test('every HTML page declares UTF-8', async ({ request }) => {
	for (const path of ['/?lang=tr', '/methodology', '/no-such-page']) {
		const response = await request.get(path);
		expect(response.headers()['content-type']).toBe('text/html; charset=utf-8');
	}
});

test('names with markup stay text beside the QR codes', async ({ page }) => {
	// Three admin commands, a sign-in and a two-step enrolment: slow on a busy machine.
	test.slow();
	const slug = createChamber(MARKUP);
	admin(['create-campaign', '--chamber', slug, '--name', MARKUP]);
	const email = createChamberUser(slug, PASSWORD);
	await submitSignIn(page, email, PASSWORD);
	// An administrator sets up two-step verification first: the authenticator's QR code is an image too.
	await expect(page).toHaveURL(/\/chamber\/account/);
	await page.getByLabel('Password').fill(PASSWORD);
	await page.getByRole('button', { name: 'Turn on two-step verification' }).click();
	const totp = page.getByRole('img', { name: 'QR code for the authenticator app' });
	await expect(totp).toBeVisible();
	expect(await totp.getAttribute('src')).toMatch(/^data:image\/svg\+xml;base64,/);
	await enrolTwoFactor(page, email, PASSWORD);
	await page.goto(`/chamber/${slug}/campaigns?lang=en`);
	const poster = await page.getByRole('link', { name: MARKUP }).first().getAttribute('href');
	// Only the pages with QR codes are this test's business (loaded, not navigated to in the browser).
	await page.goto(`${poster}?lang=en`);

	const qr = page.getByRole('img', { name: /QR code of the campaign link/ });
	await expect(qr).toBeVisible();
	expect(await qr.getAttribute('src')).toMatch(/^data:image\/svg\+xml;base64,/);
	await expect(page.getByText(MARKUP).first()).toBeVisible();
	expect(await page.locator('img[src="x"]').count()).toBe(0);
	expect(await page.evaluate(() => (window as { __xss?: number }).__xss)).toBeUndefined();
});
