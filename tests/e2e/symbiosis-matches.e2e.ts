import AxeBuilder from '@axe-core/playwright';
import { createCampaignOf, createChamber, createChamberUser } from './admin-cli';
import { submitInCampaign } from './api-helpers';
import { signInAs } from './sign-in';
import { listSymbiosis } from './symbiosis-listing';
import { expect, test } from './test';

const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const PASSWORD = 'Trakya verimlilik platformu 2026';

test('a chamber administrator sees a sawdust match between consenting firms and introduces them @no-js', async ({
	page,
	request
}, testInfo) => {
	test.slow();
	const slug = createChamber('Trakya Sanayi Odası');
	const campaign = createCampaignOf(slug);
	const firms = [
		{ company: 'Trakya Mobilya', email: 'mobilya@example.org' },
		{ company: 'Kırklareli Briket', email: 'briket@example.org' },
		{ company: 'Sessiz Palet', email: 'palet@example.org' }
	];
	const tokens: string[] = [];
	for (const firm of firms) tokens.push(await submitInCampaign(request, campaign, firm));
	// Every firm answers the first province: the match is within one province.
	const sawdust = { category: 'wood', quantityPerYear: 120, unit: 't' as const };
	listSymbiosis(tokens[0], { offers: [sawdust], needs: [], consentIntroduce: true });
	listSymbiosis(tokens[1], {
		offers: [],
		needs: [{ ...sawdust, quantityPerYear: 80 }],
		consentIntroduce: true
	});
	// Needs sawdust too but lets nobody introduce it: never named, never matched.
	listSymbiosis(tokens[2], { offers: [], needs: [sawdust], consentIntroduce: false });

	await signInAs(page, createChamberUser(slug, PASSWORD), PASSWORD);
	const section = page.locator('section[aria-labelledby="matches-title"]');
	const table = section.getByRole('table', { name: 'Potential industrial symbiosis matches' });
	await expect(table.getByRole('row')).toHaveCount(2);
	const row = table.getByRole('row').nth(1);
	await expect(row).toContainText('Trakya Mobilya');
	await expect(row).toContainText('mobilya@example.org');
	await expect(row).toContainText('120 t/year');
	await expect(row).toContainText('Kırklareli Briket');
	await expect(row).toContainText('80 t/year');
	await expect(row).toContainText('Same province');
	await expect(section).not.toContainText('Sessiz Palet');
	// axe runs inside the page, so it can only check the run with JavaScript on.
	if (testInfo.project.name !== 'no-js') {
		const axe = await new AxeBuilder({ page })
			.include('section[aria-labelledby="matches-title"]')
			.withTags(WCAG_TAGS)
			.analyze();
		expect(axe.violations).toEqual([]);
	}

	await row.getByRole('button', { name: /^Record the introduction/ }).click();
	await expect(row).toContainText(/Introduced on \d{1,2} \w+ \d{4} at \d\d:\d\d by /);
	await expect(row.getByRole('button')).toHaveCount(0);
	await expect(page).toHaveURL(new RegExp(`/chamber/${slug}`));
});
