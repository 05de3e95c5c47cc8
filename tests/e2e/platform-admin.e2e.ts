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
	// Two accounts set up two-step verification, and the chamber is edited on the way: long on a busy machine.
	test.slow();
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
		await page.getByLabel('Password', { exact: true }).fill(password);
		await page.getByLabel('Password (again)').fill(`${password}?`);
		await page.getByRole('button', { name: 'Create the account' }).click();
		// A typing mistake in the second copy is named on its field; the e-mail typed stays.
		await expect(page.getByText('The two passwords differ.')).toBeVisible();
		await expect(page.getByLabel('Password (again)')).toHaveAttribute('aria-invalid', 'true');
		await expect(page.getByLabel('E-mail address')).toHaveValue(email);
		await page.getByLabel('Password', { exact: true }).fill('password1');
		await page.getByLabel('Password (again)').fill('password1');
		await page.getByRole('button', { name: 'Create the account' }).click();
		await expect(page.getByText('This password is too common')).toBeVisible();
		await page.getByLabel('Password', { exact: true }).fill(password);
		await page.getByLabel('Password (again)').fill(password);
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
	// Each chamber's card has a (folded) form to rename it too.
	const newChamber = page.getByRole('region', { name: 'New chamber' });
	await newChamber.getByLabel('Name of the chamber').fill('Babaeski Ticaret Odası');
	await newChamber.getByLabel('Short name (shown in addresses)').fill(slug);
	await newChamber.getByLabel('Province').selectOption({ label: 'Kırklareli' });
	await newChamber.getByLabel('Logo (optional)').setInputFiles(logo);
	await newChamber.getByRole('button', { name: 'Register the chamber' }).click();
	await expect(page.getByText('Babaeski Ticaret Odası has been registered.')).toBeVisible();
	await expectNoAxeViolations(page);

	const card = page.locator(`#chamber-${slug}`);
	// The card says what identifies the chamber.
	await expect(card.getByText(slug, { exact: true })).toBeVisible();
	await expect(card.getByText('Kırklareli', { exact: true })).toBeVisible();
	await expect(card.getByRole('img', { name: 'Logo of Babaeski Ticaret Odası' })).toBeVisible();
	await expect(card.getByText('No unused invitation link is still valid.')).toBeVisible();
	const invitee = `${uniqueSlug('admin')}@example.org`;
	await card.getByLabel('E-mail to invite').fill(invitee);
	await card.getByRole('button', { name: 'Create an invitation link' }).click();
	const invitation = await page.getByLabel('Invitation link').inputValue();
	// Mailed too (the test server has SMTP_URL), in the language chosen on the form: the page's own.
	await expect(card.getByText(`The invitation has been e-mailed to ${invitee}.`)).toBeVisible();
	const [mail] = await waitForMails(invitee, 1);
	expect(mail.subject).toBe('Babaeski Ticaret Odası invites you to Yeşil Hazırlık');
	expect(linkIn(mail, `${process.env.E2E_ORIGIN}/invite/`)).toBe(invitation);
	// Until it is used, the invitation waits on the card, with its expiry in Türkiye time.
	await expect(card.getByRole('listitem').filter({ hasText: invitee })).toHaveText(
		new RegExp(
			`^${invitee.replace('.', '\\.')} · administrator · valid until .+\\d{1,2}:\\d{2}.* \\(Türkiye time\\)$`
		)
	);

	const other = await browser.newContext();
	const them = await other.newPage();
	await them.goto(`${new URL(invitation).pathname}?lang=en`);
	await expect(them.getByRole('heading', { level: 1 })).toHaveText(
		'Your invitation to Babaeski Ticaret Odası'
	);
	await them.getByLabel('Your full name').fill('Şule Ağaoğlu');
	const secret = them.getByLabel('Password', { exact: true });
	await secret.fill('Babaeski üzüm bağları 1923');
	// The show toggle works from the keyboard: Tab from the field reaches it, Space switches it.
	await secret.press('Tab');
	const show = them.getByRole('button', { name: 'Show: Password', exact: true });
	await expect(show).toBeFocused();
	await expect(show).toHaveAttribute('aria-pressed', 'false');
	await them.keyboard.press('Space');
	await expect(show).toHaveAttribute('aria-pressed', 'true');
	await expect(secret).toHaveAttribute('type', 'text');
	await them.keyboard.press('Enter');
	await expect(secret).toHaveAttribute('type', 'password');
	await them.getByLabel('Password (again)').fill('Babaeski üzüm bağları 1932');
	await them.getByRole('button', { name: 'Create the account and sign in' }).click();
	await expect(them.getByText('The two passwords differ.')).toBeVisible();
	await expect(them.getByLabel('Your full name')).toHaveValue('Şule Ağaoğlu');
	await expectNoAxeViolations(them);
	await them.getByLabel('Password', { exact: true }).fill('Babaeski üzüm bağları 1923');
	await them.getByLabel('Password (again)').fill('Babaeski üzüm bağları 1923');
	await them.getByRole('button', { name: 'Create the account and sign in' }).click();
	// A chamber administrator, too, sets up two-step verification first.
	await expect(them).toHaveURL(/\/chamber\/account$/);
	await enrolTwoFactor(them, invitee, 'Babaeski üzüm bağları 1923');
	await them.getByRole('link', { name: 'Continue to your pages' }).click();
	await expect(them).toHaveURL(new RegExp(`/chamber/${slug}$`));
	await expect(them.getByRole('img', { name: 'Logo of Babaeski Ticaret Odası' })).toBeVisible();

	await page.goto('/admin?lang=en');
	// Used, the invitation no longer waits.
	await expect(card.getByText('No unused invitation link is still valid.')).toBeVisible();

	// Renamed, with a new logo (a file that is not an image is refused first): the address stays.
	await card.getByText('Change the name or the logo').click();
	const notAnImage = join(tmpdir(), `${uniqueSlug('logo')}.png`);
	writeFileSync(notAnImage, '<svg xmlns="http://www.w3.org/2000/svg"/>');
	await card.getByLabel('New logo (optional)').setInputFiles(notAnImage);
	await card.getByRole('button', { name: 'Save the changes' }).click();
	await expect(card.getByText('The logo must be a PNG or JPEG image.')).toBeVisible();
	await card.getByLabel('Name of the chamber').fill('Babaeski TSO');
	await card.getByLabel('New logo (optional)').setInputFiles(logo);
	await card.getByRole('button', { name: 'Save the changes' }).click();
	await expect(page).toHaveURL(new RegExp(`/admin\\?updated=${slug}#chamber-${slug}$`));
	await expect(card.getByRole('status')).toHaveText('The changes have been saved.');
	await expect(card.getByRole('heading', { level: 3 })).toHaveText('Babaeski TSO');
	await expect(card.getByRole('img', { name: 'Logo of Babaeski TSO' })).toBeVisible();
	await expect(card.getByText(slug, { exact: true })).toBeVisible();
	await expectNoAxeViolations(page);

	const row = page.locator('li', { hasText: invitee });
	await row.getByRole('button', { name: 'Disable' }).click();
	await expect(page.locator('li', { hasText: invitee })).toContainText('disabled');
	// Their session ended with it.
	await them.goto(`/chamber/${slug}`);
	await expect(them).toHaveURL(/\/chamber\/login/);
	await other.close();
});
