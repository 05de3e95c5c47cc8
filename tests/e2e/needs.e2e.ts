import AxeBuilder from '@axe-core/playwright';
import { createCampaignOf, createChamber, createChamberUser } from './admin-cli';
import { submitInCampaign } from './api-helpers';
import { signInAs } from './sign-in';
import { expect, test } from './test';

const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const PASSWORD = 'Trakya verimlilik platformu 2026';

test('a need is counted from five firms, and only consenting firms are named behind it', async ({
	page,
	browser,
	request
}) => {
	// Five submissions and two sign-ins, one with two-step verification: slow on a busy machine.
	test.slow();
	const slug = createChamber('Malkara Ticaret Odası');
	const campaign = createCampaignOf(slug);
	// Every firm gives the same answers, so every firm has the same three priorities.
	for (let firm = 0; firm < 4; firm++) {
		await submitInCampaign(request, campaign, { company: `Gizli Firma ${firm}`, consent: false });
	}
	await signInAs(page, createChamberUser(slug, PASSWORD), PASSWORD);
	await page.goto(`/chamber/${slug}?lang=en`);
	const needs = page.locator('section[aria-labelledby="needs-title"]');
	// Four firms: no figure at all, and no need.
	await expect(page.getByText(/fewer than 5 firms/).first()).toBeVisible();
	await expect(needs).toHaveCount(0);
	const four = await page.request.get(`/api/v1/chambers/${slug}/aggregates`);
	expect((await four.json()).needs.priorities).toEqual([]);

	await submitInCampaign(request, campaign, { company: 'Öztürk Tekstil A.Ş.', consent: true });
	await page.reload();
	const priorities = needs.locator('li[data-need^="priority:"]');
	await expect(priorities).toHaveCount(3);
	for (const item of await priorities.all()) await expect(item).toContainText('5 firms');
	const five = (await (await page.request.get(`/api/v1/chambers/${slug}/aggregates`)).json())
		.needs as { priorities: { recommendation: string; firms: number }[] };
	expect(five.priorities.map((need) => need.firms)).toEqual([5, 5, 5]);

	// The administrator can open the consenting firms behind a count: the one firm that agreed, nobody else.
	await priorities.first().getByText('Show the consenting firms (1)').click();
	await expect(priorities.first().getByRole('listitem')).toHaveText(['Öztürk Tekstil A.Ş.']);
	await expect(needs).not.toContainText('Gizli Firma');
	const axe = await new AxeBuilder({ page })
		.include('section[aria-labelledby="needs-title"]')
		.withTags(WCAG_TAGS)
		.analyze();
	expect(axe.violations).toEqual([]);

	// A viewer sees the same counts and no names.
	const viewerContext = await browser.newContext();
	const viewer = await viewerContext.newPage();
	await signInAs(viewer, createChamberUser(slug, PASSWORD, 'chamber_viewer'), PASSWORD);
	await viewer.goto(`/chamber/${slug}?lang=en`);
	const viewerNeeds = viewer.locator('section[aria-labelledby="needs-title"]');
	await expect(viewerNeeds.locator('li[data-need^="priority:"]')).toHaveCount(3);
	await expect(viewerNeeds).not.toContainText('Show the consenting firms');
	await expect(viewerNeeds).not.toContainText('Öztürk Tekstil');
	await viewerContext.close();
});
