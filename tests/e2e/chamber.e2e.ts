import AxeBuilder from '@axe-core/playwright';
import { type Page } from '@playwright/test';
import { createChamber, createChamberUser } from './admin-cli';
import { enrolTwoFactor, freshCode, signInAs, submitSignIn } from './sign-in';
import { expect, test } from './test';

const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const PASSWORD = 'Trakya verimlilik platformu 2026';

const signIn = (page: Page, email: string) => signInAs(page, email, PASSWORD);

test.describe('chamber accounts and campaigns', () => {
	test('a chamber administrator signs in, creates a campaign and gets its link and QR code @no-js', async ({
		page
	}, testInfo) => {
		const slug = createChamber('Çerkezköy Ticaret Odası');
		await signIn(page, createChamberUser(slug, PASSWORD));
		await expect(page).toHaveURL(new RegExp(`/chamber/${slug}$`));

		await page
			.getByRole('navigation', { name: 'Chamber pages' })
			.getByRole('link', { name: 'Campaigns' })
			.click();
		await page.getByLabel('Campaign name').fill('İlkbahar 2027');
		await page.getByLabel('Closing date (optional)').fill('2099-06-30');
		await page.getByRole('button', { name: 'Create the campaign' }).click();

		await expect(page.getByRole('heading', { level: 1 })).toHaveText('İlkbahar 2027');
		const link = await page.getByLabel('Campaign link').inputValue();
		expect(link).toMatch(/\/c\/[A-Za-z0-9_-]{22}$/);
		await expect(page.getByRole('img', { name: /QR code of the campaign link/ })).toBeVisible();
		if (testInfo.project.name === 'js') {
			const axe = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
			expect(axe.violations).toEqual([]);
		}

		await page.goto(new URL(link).pathname + '?lang=en');
		await expect(page.getByText('An invitation from Çerkezköy Ticaret Odası')).toBeVisible();
	});

	test('an unknown e-mail and a wrong password get the same answer, and repeated failures are throttled', async ({
		page,
		request
	}) => {
		const slug = createChamber('Keşan TSO');
		const email = createChamberUser(slug, PASSWORD);
		await submitSignIn(page, 'nobody@example.org', 'whatever password');
		const unknown = await page.getByRole('alert').innerText();
		await submitSignIn(page, email, 'a wrong password');
		expect(await page.getByRole('alert').innerText()).toBe(unknown);
		expect(unknown).toBe('The e-mail address or the password is wrong.');

		const attempt = () =>
			request.post('/chamber/login?/signIn&lang=en', {
				form: { email, password: 'still wrong' },
				// As a browser posts the form without JavaScript: the answer is the page, with its status.
				headers: { origin: process.env.E2E_ORIGIN!, accept: 'text/html' }
			});
		// One failure above, four here: the fifth for this address within 15 minutes.
		for (let tries = 0; tries < 4; tries++) expect((await attempt()).status()).toBe(400);
		const throttled = await attempt();
		expect(throttled.status()).toBe(429);
		expect(Number(throttled.headers()['retry-after'])).toBeGreaterThan(0);
		// Even the right password waits until the window has passed.
		await submitSignIn(page, email, PASSWORD);
		await expect(page.getByRole('alert')).toContainText('too many failed attempts');
	});

	test('signing out ends the session on the server', async ({ page, context }) => {
		const slug = createChamber('Lüleburgaz TSO');
		await signIn(page, createChamberUser(slug, PASSWORD));
		const cookies = await context.cookies();
		await page.getByRole('button', { name: 'Sign out' }).click();
		await expect(page.getByText('You have signed out.')).toBeVisible();
		// Replaying the old cookie no longer opens the chamber.
		await context.addCookies(cookies);
		await page.goto(`/chamber/${slug}`);
		await expect(page).toHaveURL(/\/chamber\/login/);
	});

	test('a viewer sees the campaigns but cannot create one', async ({ page }) => {
		const slug = createChamber('Edirne TSO');
		await signIn(page, createChamberUser(slug, PASSWORD, 'chamber_viewer'));
		await page.goto(`/chamber/${slug}/campaigns?lang=en`);
		await expect(page.getByRole('heading', { name: 'Campaigns', level: 1 })).toBeVisible();
		await expect(page.getByRole('button', { name: 'Create the campaign' })).toHaveCount(0);
		const forced = await page.request.post(`/chamber/${slug}/campaigns?/create`, {
			form: { name: 'Zorla' },
			headers: { origin: process.env.E2E_ORIGIN!, accept: 'text/html' }
		});
		expect(forced.status()).toBe(403);
	});
});

test('an administrator sets up two-step verification before any other page; each code signs in once', async ({
	page
}) => {
	const slug = createChamber('Malkara TSO');
	const email = createChamberUser(slug, PASSWORD);
	await submitSignIn(page, email, PASSWORD);
	await expect(page).toHaveURL(/\/chamber\/account$/);
	await expect(page.getByText('Your role requires two-step verification.')).toBeVisible();
	await page.goto(`/chamber/${slug}/campaigns`);
	await expect(page).toHaveURL(/\/chamber\/account$/);
	const api = await page.request.get(`/api/v1/chambers/${slug}/aggregates?lang=en`);
	expect(api.status()).toBe(403);
	expect((await api.json()).error.code).toBe('two_factor_required');

	await enrolTwoFactor(page, email, PASSWORD);
	// An administrator cannot turn it off again.
	await expect(page.getByRole('button', { name: 'Turn off two-step verification' })).toHaveCount(0);
	await page.getByRole('link', { name: 'Continue to your pages' }).click();
	await expect(page).toHaveURL(new RegExp(`/chamber/${slug}$`));

	await page.getByRole('button', { name: 'Sign out' }).click();
	await submitSignIn(page, email, PASSWORD);
	await expect(page.getByRole('heading', { name: 'Two-step verification' })).toBeVisible();
	await page.getByLabel('Verification code').fill('000000');
	await page.getByRole('button', { name: 'Verify and sign in' }).click();
	await expect(page.getByText('The code is not right')).toBeVisible();
	const code = await freshCode(email);
	await page.getByLabel('Verification code').fill(code);
	await page.getByRole('button', { name: 'Verify and sign in' }).click();
	await expect(page).toHaveURL(new RegExp(`/chamber/${slug}$`));

	// The same code, seen over a shoulder, does not sign in a second time.
	await page.getByRole('button', { name: 'Sign out' }).click();
	await submitSignIn(page, email, PASSWORD);
	await page.getByLabel('Verification code').fill(code);
	await page.getByRole('button', { name: 'Verify and sign in' }).click();
	await expect(page.getByText('The code is not right')).toBeVisible();
	await page.goto(`/chamber/${slug}`);
	await expect(page).toHaveURL(/\/chamber\/login/);
});

test('a chamber administrator can require two-step verification of its viewers @no-js', async ({
	page,
	browser
}) => {
	// Two accounts, each signing in (and one setting up two-step verification) twice.
	test.slow();
	const slug = createChamber('Hayrabolu TSO');
	const viewer = createChamberUser(slug, PASSWORD, 'chamber_viewer');
	await signIn(page, createChamberUser(slug, PASSWORD));
	await page
		.getByRole('navigation', { name: 'Chamber pages' })
		.getByRole('link', { name: 'Security' })
		.click();
	await page.getByLabel('Require two-step verification of viewers too').check();
	await page.getByRole('button', { name: 'Save' }).click();
	await expect(page.getByText('The setting has been saved.')).toBeVisible();

	const context = await browser.newContext();
	const theirs = await context.newPage();
	await submitSignIn(theirs, viewer, PASSWORD);
	await expect(theirs).toHaveURL(/\/chamber\/account$/);
	await expect(theirs.getByText('Your role requires two-step verification.')).toBeVisible();
	await context.close();
});

test('the account page’s password confirmations are throttled like sign-ins', async ({ page }) => {
	const slug = createChamber('Şarköy TSO');
	await signIn(page, createChamberUser(slug, PASSWORD, 'chamber_viewer'));
	await page.goto('/chamber/account?lang=en');
	for (let tries = 0; tries < 5; tries++) {
		await page.getByLabel('Password').fill('not my password');
		await page.getByRole('button', { name: 'Turn on two-step verification' }).click();
		await expect(page.getByText('The password is not right.')).toBeVisible();
	}
	await page.getByLabel('Password').fill(PASSWORD);
	await page.getByRole('button', { name: 'Turn on two-step verification' }).click();
	await expect(page.getByText('too many failed attempts')).toBeVisible();
});
