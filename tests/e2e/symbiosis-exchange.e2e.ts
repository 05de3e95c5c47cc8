import AxeBuilder from '@axe-core/playwright';
import { createCampaignOf, createChamber, createChamberUser } from './admin-cli';
import { completeAnswers, putListing, QUESTIONNAIRE, submitInCampaign } from './api-helpers';
import { signInAs } from './sign-in';
import { expect, test } from './test';

const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const PASSWORD = 'Trakya verimlilik platformu 2026';
const sawdust = { category: 'wood', quantityPerYear: 80, unit: 't' as const };

test('a furniture maker offers sawdust, a briquette maker needs it, and their chamber introduces them @no-js', async ({
	page,
	request
}, testInfo) => {
	// Ten firms through one campaign, one of them in the browser, and a sign-in: slow on a busy machine.
	test.slow();
	const slug = createChamber('Trakya Sanayi Odası');
	const campaign = createCampaignOf(slug);

	// The furniture maker answers in its browser: the symbiosis step after the themes, then submits.
	const created = await request.post('/api/v1/assessments', {
		data: {
			questionnaire: QUESTIONNAIRE,
			locale: 'en',
			campaign,
			answers: {
				...(await completeAnswers(request)),
				company_name: 'Trakya Mobilya',
				contact_email: 'mobilya@example.org'
			}
		}
	});
	const { token } = (await created.json()) as { token: string };
	await page.goto(`/assessment/${token}/symbiosis-exchange?lang=en`);
	const offer = page.getByRole('group', { name: 'Offer 1' });
	await offer.getByLabel('Category').selectOption('wood');
	await offer.getByLabel('Approximate quantity per year').fill('120');
	await page.getByLabel(/My chamber may introduce me/).check();
	await page.getByRole('button', { name: 'Save and review' }).click();
	await page.getByRole('button', { name: 'Submit and see the results' }).click();
	await expect(page).toHaveURL(/\/results$/);

	// The briquette maker lists its need through the API, consenting to be introduced.
	const briquette = await submitInCampaign(request, campaign, {
		company: 'Kırklareli Briket',
		email: 'briket@example.org'
	});
	await putListing(request, briquette, { offers: [], needs: [sawdust], consentIntroduce: true });
	// Four pallet makers offer wood without letting the chamber introduce them; four firms list nothing.
	for (let firm = 0; firm < 4; firm++) {
		const pallets = await submitInCampaign(request, campaign, { company: `Sessiz Palet ${firm}` });
		await putListing(request, pallets, { offers: [sawdust], needs: [], consentIntroduce: false });
	}
	for (let firm = 0; firm < 4; firm++) await submitInCampaign(request, campaign);

	// The furniture maker's results now say that a firm of its chamber needs what it offers, without a name.
	await page.reload();
	const listing = page.locator('section#symbiosis');
	await expect(listing).toContainText('A firm in your chamber needs this.');
	await expect(listing).not.toContainText('Kırklareli Briket');

	await page.context().clearCookies();
	await signInAs(page, createChamberUser(slug, PASSWORD), PASSWORD);
	await page.goto(`/chamber/${slug}?lang=en`);

	// The pallet makers count among the five firms offering wood, and are never named.
	const supply = page.locator('section[aria-labelledby="supply-title"]');
	await expect(
		supply
			.getByRole('table', { name: 'Supply and demand by category' })
			.getByRole('row', { name: /Wood, sawdust and offcuts/ })
	).toContainText('5');

	// One match: the two consenting firms, closest first, with their contacts.
	const matches = page.locator('section[aria-labelledby="matches-title"]');
	const table = matches.getByRole('table', { name: 'Potential industrial symbiosis matches' });
	await expect(table.getByRole('row')).toHaveCount(2);
	const row = table.getByRole('row').nth(1);
	await expect(row).toContainText('Trakya Mobilya');
	await expect(row).toContainText('mobilya@example.org');
	await expect(row).toContainText('120 t/year');
	await expect(row).toContainText('Kırklareli Briket');
	await expect(row).toContainText('80 t/year');
	await expect(page.locator('main')).not.toContainText('Sessiz Palet');
	// axe runs inside the page, so it can only check the run with JavaScript on.
	if (testInfo.project.name !== 'no-js') {
		const axe = await new AxeBuilder({ page })
			.include('section[aria-labelledby="matches-title"]')
			.include('section[aria-labelledby="supply-title"]')
			.withTags(WCAG_TAGS)
			.analyze();
		expect(axe.violations).toEqual([]);
	}

	await row.getByRole('button', { name: /^Record the introduction/ }).click();
	await expect(row).toContainText(/Introduced on \d{1,2} \w+ \d{4} at \d\d:\d\d by /);
	await expect(row.getByRole('button')).toHaveCount(0);
});
