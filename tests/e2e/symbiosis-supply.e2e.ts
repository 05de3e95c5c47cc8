import AxeBuilder from '@axe-core/playwright';
import { createCampaignOf, createChamber, createChamberUser } from './admin-cli';
import { putListing, submitInCampaign } from './api-helpers';
import { signInAs } from './sign-in';
import { expect, test } from './test';

const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const PASSWORD = 'Trakya verimlilik platformu 2026';
const sawdust = { category: 'wood', quantityPerYear: 40, unit: 't' as const };

test('the chamber sees supply and demand by category, and its region once it shares', async ({
	page,
	request
}) => {
	// Ten submissions and a sign-in: slow on a busy machine.
	test.slow();
	const slug = createChamber('Saray Ticaret Odası');
	const campaign = createCampaignOf(slug);
	// Five furniture makers offer sawdust (one agreed to be introduced), five briquette makers need it.
	for (let firm = 0; firm < 5; firm++) {
		const token = await submitInCampaign(request, campaign, { company: `Mobilya ${firm}` });
		await putListing(request, token, {
			offers: [sawdust],
			needs: [],
			consentIntroduce: firm === 0
		});
	}
	for (let firm = 0; firm < 5; firm++) {
		const token = await submitInCampaign(request, campaign, { company: `Briket ${firm}` });
		await putListing(request, token, { offers: [], needs: [sawdust], consentIntroduce: false });
	}

	await signInAs(page, createChamberUser(slug, PASSWORD), PASSWORD);
	await page.goto(`/chamber/${slug}?lang=en`);
	const section = page.locator('section[aria-labelledby="supply-title"]');
	await expect(section.getByRole('heading', { level: 2 })).toHaveText(
		'Industrial symbiosis: supply and demand'
	);
	const table = section.getByRole('table', { name: 'Supply and demand by category' });
	await expect(table.getByRole('row', { name: /Wood, sawdust and offcuts/ })).toContainText(
		/5\s*5/
	);
	await expect(section).toContainText('Wood, sawdust and offcuts: 5 firms offer it; 5 need it.');
	// No names: the table counts every firm, consenting or not.
	await expect(section).not.toContainText('Mobilya');
	await expect(section).toContainText('You do not share your counts with the region.');
	const api = await (await page.request.get(`/api/v1/chambers/${slug}/aggregates`)).json();
	expect(api.supplyDemand).toEqual([{ category: 'wood', offers: 5, needs: 5 }]);

	await section.getByRole('button', { name: 'Share our counts with the region' }).click();
	await expect(section).toContainText('You share your counts with the region.');
	const region = section.getByRole('table', {
		name: "Thrace Development Agency: the region's supply and demand"
	});
	await expect(region.getByRole('row', { name: /Wood, sawdust and offcuts/ })).toContainText(
		/5\s*5/
	);
	const axe = await new AxeBuilder({ page })
		.include('section[aria-labelledby="supply-title"]')
		.withTags(WCAG_TAGS)
		.analyze();
	expect(axe.violations).toEqual([]);

	await section.getByRole('button', { name: 'Stop sharing' }).click();
	await expect(section).toContainText('You do not share your counts with the region.');
	await expect(region).toHaveCount(0);
});
