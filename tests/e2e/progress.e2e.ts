import AxeBuilder from '@axe-core/playwright';
import type { Page, TestInfo } from '@playwright/test';
import { createCampaignOf, createChamber, createChamberUser } from './admin-cli';
import { submitInCampaign } from './api-helpers';
import { signInAs } from './sign-in';
import { expect, test } from './test';

const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const PASSWORD = 'Trakya verimlilik platformu 2026';

/** Axe needs JavaScript in the page: it checks the pages in the run with JavaScript on. */
async function expectAccessible(page: Page, testInfo: TestInfo) {
	if (testInfo.project.name !== 'js') return;
	const axe = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
	expect(axe.violations).toEqual([]);
}

/** Opens the chamber's only campaign from its list. */
async function openCampaign(page: Page, slug: string) {
	await page.goto(`/chamber/${slug}/campaigns?lang=en`);
	await page.getByRole('link', { name: 'Yeşil Dönüşüm 2026' }).click();
	await expect(page.getByRole('heading', { name: 'Edit the campaign' })).toBeVisible();
}

test('a chamber sets targets and follows its progress, with “n more needed” before five firms @no-js', async ({
	page,
	request
}, testInfo) => {
	test.slow();
	const slug = createChamber('Keşan Ticaret Odası');
	const campaign = createCampaignOf(slug);
	await signInAs(page, createChamberUser(slug, PASSWORD), PASSWORD);

	// The campaign's target, and its days read and shown as Türkiye days.
	await openCampaign(page, slug);
	await page.getByLabel('Target number of firms (optional)').fill('10');
	await page.getByLabel('Closing date (optional)').fill('2099-03-31');
	await page.getByRole('button', { name: 'Save the changes' }).click();
	await expect(
		page.getByRole('status').filter({ hasText: 'The campaign was saved.' })
	).toBeVisible();
	await expect(page.getByText('Closes: 31 March 2099')).toBeVisible();
	await expect(page.getByLabel('Closing date (optional)')).toHaveValue('2099-03-31');
	// A mistake is a message by its field, and what was typed stays.
	await page.getByLabel('Target number of firms (optional)').fill('0');
	await page.getByRole('button', { name: 'Save the changes' }).click();
	await expect(
		page.getByText('The target must be a whole number from 1 to 1,000,000.')
	).toBeVisible();
	await expect(page.getByLabel('Target number of firms (optional)')).toHaveValue('0');

	// Three firms: too few to show, so the dashboard says how many more are needed.
	for (let firm = 0; firm < 3; firm++) await submitInCampaign(request, campaign);
	await page.goto(`/chamber/${slug}?lang=en`);
	const progress = page.locator('section[aria-labelledby="progress-title"]');
	await expect(progress).toContainText('2 more firms needed before figures can be shown.');
	await expect(progress).toContainText(
		'Yeşil Dönüşüm 2026: 2 more firms needed before its figures can be shown.'
	);

	// Five: the counts and the progress against the campaign's target appear.
	for (let firm = 0; firm < 2; firm++) await submitInCampaign(request, campaign);
	await page.reload();
	await expect(progress).toContainText(
		'5 firms have submitted, of 5 that started (100 % completed).'
	);
	await expect(progress).not.toContainText('more firms needed');
	const row = page
		.getByRole('table', { name: 'Progress by campaign' })
		.getByRole('row', { name: /Yeşil Dönüşüm 2026/ });
	await expect(row).toHaveText(/5\s*5\s*100\s*10\s*50/);

	// The chamber's own target, set by its administrator.
	await page.getByLabel("The chamber's target number of firms (all campaigns)").fill('40');
	await page.getByRole('button', { name: 'Save the target' }).click();
	await expect(progress).toContainText('Target: 40 firms; 12.5 % reached.');
	await expect(page.getByRole('table', { name: 'Trends by month' })).toContainText('5');
	await expectAccessible(page, testInfo);

	// The campaigns list carries the same counts.
	await page.goto(`/chamber/${slug}/campaigns?lang=en`);
	await expect(page.getByRole('row', { name: /Yeşil Dönüşüm 2026/ })).toContainText('50');

	// Closing early: the campaign stops taking assessments at once.
	await openCampaign(page, slug);
	await page.getByRole('button', { name: 'Close now' }).click();
	await expect(
		page.getByRole('status').filter({ hasText: 'The campaign was closed.' })
	).toBeVisible();
	await expect(page.getByRole('button', { name: 'Close now' })).toHaveCount(0);
	await expectAccessible(page, testInfo);
	await page.goto(`/c/${campaign}?lang=en`);
	await expect(page.getByText(/no longer accepts assessments/)).toBeVisible();
});
