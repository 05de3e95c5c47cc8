import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page, TestInfo } from '@playwright/test';
import { admin, createCampaignOf, createChamber, createChamberUser, uniqueSlug } from './admin-cli';
import { signInAs } from './sign-in';
import { expect, test } from './test';

const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const PASSWORD = 'Malkara çeltik tarlaları 2026';
// The smallest valid PNG (one transparent pixel), as a chamber's logo.
const PIXEL =
	'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';

/** Axe needs the page's script: run only where JavaScript is on. */
async function expectAccessible(page: Page, testInfo: TestInfo) {
	if (testInfo.project.name !== 'js') return;
	const axe = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
	expect(axe.violations, page.url()).toEqual([]);
}

test('a chamber without campaigns is shown how to create its first one @no-js', async ({
	page
}, testInfo) => {
	// An administrator sets up two-step verification at the first sign-in: slow on a busy machine.
	test.slow();
	const slug = createChamber('Malkara Ticaret Odası');
	await signInAs(page, createChamberUser(slug, PASSWORD), PASSWORD);
	await page.goto(`/chamber/${slug}?lang=en`);
	await expect(page.getByRole('heading', { name: 'Create your first campaign' })).toBeVisible();
	await expect(page.getByText('When you create one, you get a link')).toBeVisible();
	// No empty figures instead.
	await expect(page.getByText(/This selection has fewer than/)).toHaveCount(0);
	await expectAccessible(page, testInfo);
	await page.getByRole('link', { name: 'Go to the campaigns page' }).click();
	await expect(page).toHaveURL(new RegExp(`/chamber/${slug}/campaigns$`));
});

test('a campaign is shared by its link, its QR code as PNG and SVG, and a flyer @no-js', async ({
	page,
	context,
	browser
}, testInfo) => {
	test.slow();
	const logo = join(tmpdir(), `${uniqueSlug('logo')}.png`);
	writeFileSync(logo, Buffer.from(PIXEL, 'base64'));
	const slug = uniqueSlug();
	admin(['create-chamber', '--slug', slug, '--name', 'Hayrabolu TSO', '--logo', logo]);
	const code = createCampaignOf(slug, { closes: '2027-03-31' });
	await signInAs(page, createChamberUser(slug, PASSWORD, 'chamber_viewer'), PASSWORD);
	await page.goto(`/chamber/${slug}/campaigns?lang=en`);
	await page.getByRole('link', { name: 'Yeşil Dönüşüm 2026' }).click();
	// With JavaScript the router navigates after the click returns: the address is the campaign's once it has.
	await page.waitForURL(/\/campaigns\/[^/?]+(\?.*)?$/);
	const base = new URL(page.url()).pathname;
	const link = `${process.env.E2E_ORIGIN}/c/${code}`;

	// The link is text to select without JavaScript, and copied with a confirmation with it.
	await expect(page.getByLabel('Campaign link')).toHaveValue(link);
	if (testInfo.project.name === 'js') {
		await context.grantPermissions(['clipboard-read', 'clipboard-write']);
		await page.getByRole('button', { name: 'Copy the link' }).click();
		await expect(
			page.getByRole('region', { name: 'Share the campaign' }).getByRole('status')
		).toHaveText('The link has been copied to the clipboard.');
		expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(link);
	} else {
		await expect(page.getByRole('button', { name: 'Copy the link' })).toHaveCount(0);
	}
	// Days as they are in Türkiye: the campaign stops at the start of 31 March there too.
	await expect(page.getByText(/Closes: 31 March 2027/)).toBeVisible();
	await expectAccessible(page, testInfo);

	const png = await page.request.get(`${base}/qr.png`);
	expect(png.headers()['content-type']).toBe('image/png');
	expect(png.headers()['content-disposition']).toMatch(/^attachment; filename=".+\.png"$/);
	expect([...(await png.body()).subarray(0, 8)]).toEqual([
		0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a
	]);
	const svg = await page.request.get(`${base}/qr.svg`);
	expect(svg.headers()['content-type']).toBe('image/svg+xml; charset=utf-8');
	expect(svg.headers()['content-disposition']).toMatch(/^attachment; filename=".+\.svg"$/);
	expect(await svg.text()).toMatch(
		/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"[^>]*>[\s\S]*<\/svg>\s*$/
	);
	if (testInfo.project.name === 'js') {
		const download = page.waitForEvent('download');
		await page.getByRole('link', { name: 'Download the QR code (SVG)' }).click();
		expect((await download).suggestedFilename()).toBe(`${slug}-qr-${code}.svg`);
	}
	// Someone signed out gets nothing but the way to sign in.
	const stranger = await browser.newContext();
	const refused = await stranger.request.get(`${base}/qr.png`, { maxRedirects: 0 });
	expect(refused.status()).toBe(303);
	expect(refused.headers()['location']).toMatch(/^\/chamber\/login\?next=/);
	await stranger.close();

	await page.getByRole('link', { name: 'Printable flyer' }).click();
	await expect(page).toHaveURL(`${base}/flyer`);
	const flyer = page.locator('article');
	await expect(flyer.getByRole('img', { name: 'Logo of Hayrabolu TSO' })).toBeVisible();
	await expect(flyer.getByRole('heading', { level: 1 })).toHaveText('Yeşil Dönüşüm 2026');
	await expect(flyer.getByText('In 15–20 minutes, free and without an account')).toBeVisible();
	await expect(
		flyer.getByRole('img', { name: `QR code of the campaign link: ${link}` })
	).toBeVisible();
	await expect(flyer.getByRole('link', { name: link })).toBeVisible();
	await expect(flyer.getByText('The campaign ends on 31 March 2027.')).toBeVisible();
	// Nothing of how the campaign is doing: no state, no counts.
	const text = await flyer.innerText();
	for (const internal of ['Open', 'Closed', 'Not open yet', 'State', 'submitted', 'started'])
		expect(text).not.toContain(internal);
	await expectAccessible(page, testInfo);
});
