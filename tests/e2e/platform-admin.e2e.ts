import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { type Page } from '@playwright/test';
import { admin, uniqueSlug } from './admin-cli';
import { linkIn, waitForMails } from './mail-helpers';
import { enrolTwoFactor, signInAs } from './sign-in';
import { expect, test } from './test';

const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

// The smallest valid PNG (one transparent pixel), as a chamber's logo.
const PIXEL =
	'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';

async function expectNoAxeViolations(page: Page) {
	const axe = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
	expect(axe.violations, page.url()).toEqual([]);
}

test('the platform administrator sets up, registers a chamber and invites its administrator, who can be disabled', async ({
	page,
	browser
}) => {
	const email = `${uniqueSlug('root')}@example.org`;
	const password = 'Kırklareli sanayi odası 2026!';
	let link: string | undefined;
	try {
		link = admin(['setup-link']).trim();
	} catch {
		// A retry of this test: the first attempt already made the platform administrator.
		admin(['create-user', '--email', email, '--name', 'Kök', '--role', 'platform_admin'], password);
	}

	if (link) {
		await page.goto(`${new URL(link).pathname}?lang=en`);
		await expectNoAxeViolations(page);
		await page.getByLabel('Your full name').fill('Platform Yöneticisi');
		await page.getByLabel('E-mail address').fill(email);
		await page.getByLabel('Password').fill('password1');
		await page.getByRole('button', { name: 'Create the account' }).click();
		await expect(page.getByText('This password is too common')).toBeVisible();
		await page.getByLabel('Password').fill(password);
		await page.getByRole('button', { name: 'Create the account' }).click();
		// The link works once.
		expect((await page.request.get(new URL(link).pathname)).status()).toBe(404);
		// Nothing opens before two-step verification is set up.
		await expect(page).toHaveURL(/\/chamber\/account$/);
		await enrolTwoFactor(page, email, password);
		await page.goto('/admin?lang=en');
	} else {
		await signInAs(page, email, password);
	}
	await expect(page).toHaveURL(/\/admin(\?lang=en)?$/);
	await expect(page.getByRole('heading', { name: 'Platform administration' })).toBeVisible();

	const logo = join(tmpdir(), `${uniqueSlug('logo')}.png`);
	writeFileSync(logo, Buffer.from(PIXEL, 'base64'));
	const slug = uniqueSlug();
	await page.getByLabel('Name of the chamber').fill('Babaeski Ticaret Odası');
	await page.getByLabel('Short name (shown in addresses)').fill(slug);
	await page.getByLabel('Province').selectOption({ label: 'Kırklareli' });
	await page.getByLabel('Logo (optional)').setInputFiles(logo);
	await page.getByRole('button', { name: 'Register the chamber' }).click();
	await expect(page.getByText('Babaeski Ticaret Odası has been registered.')).toBeVisible();
	await expectNoAxeViolations(page);

	const card = page.locator('article', { hasText: 'Babaeski Ticaret Odası' });
	const invitee = `${uniqueSlug('admin')}@example.org`;
	await card.getByLabel('E-mail to invite').fill(invitee);
	await card.getByRole('button', { name: 'Create an invitation link' }).click();
	const invitation = await page.getByLabel('Invitation link').inputValue();
	// Mailed too (the test server has SMTP_URL), in the language chosen on the form: the page's own.
	await expect(card.getByText(`The invitation has been e-mailed to ${invitee}.`)).toBeVisible();
	const [mail] = await waitForMails(invitee, 1);
	expect(mail.subject).toBe('Babaeski Ticaret Odası invites you to Yeşil Hazırlık');
	expect(linkIn(mail, `${process.env.E2E_ORIGIN}/invite/`)).toBe(invitation);

	const other = await browser.newContext();
	const them = await other.newPage();
	await them.goto(`${new URL(invitation).pathname}?lang=en`);
	await expect(them.getByRole('heading', { level: 1 })).toHaveText(
		'Your invitation to Babaeski Ticaret Odası'
	);
	await them.getByLabel('Your full name').fill('Şule Ağaoğlu');
	await them.getByLabel('Password').fill('Babaeski üzüm bağları 1923');
	await them.getByRole('button', { name: 'Create the account and sign in' }).click();
	// A chamber administrator, too, sets up two-step verification first.
	await expect(them).toHaveURL(/\/chamber\/account$/);
	await enrolTwoFactor(them, invitee, 'Babaeski üzüm bağları 1923');
	await them.getByRole('link', { name: 'Continue to your pages' }).click();
	await expect(them).toHaveURL(new RegExp(`/chamber/${slug}$`));
	await expect(them.getByRole('img', { name: 'Logo of Babaeski Ticaret Odası' })).toBeVisible();

	await page.reload();
	const row = page.locator('li', { hasText: invitee });
	await row.getByRole('button', { name: 'Disable' }).click();
	await expect(page.locator('li', { hasText: invitee })).toContainText('disabled');
	// Their session ended with it.
	await them.goto(`/chamber/${slug}`);
	await expect(them).toHaveURL(/\/chamber\/login/);
	await other.close();
});
