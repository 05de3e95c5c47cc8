import { createCampaignOf, createChamber, createChamberUser } from './admin-cli';
import { readPdf, squeeze } from '../fixtures/pdf';
import { submitInCampaign } from './api-helpers';
import { signInAs } from './sign-in';
import { expect, test } from './test';

const PASSWORD = 'Trakya verimlilik platformu 2026';

test('the dashboard’s PDF opens with the key findings a board reads first @no-js', async ({
	page,
	request
}) => {
	test.slow();
	const slug = createChamber('Lüleburgaz Ticaret Odası');
	const campaign = createCampaignOf(slug);
	await signInAs(page, createChamberUser(slug, PASSWORD), PASSWORD);
	for (let firm = 0; firm < 5; firm++) await submitInCampaign(request, campaign);

	// The chamber's target, set on its dashboard.
	await page.goto(`/chamber/${slug}?lang=en`);
	await page.getByLabel("The chamber's target number of firms (all campaigns)").fill('20');
	await page.getByRole('button', { name: 'Save the target' }).click();
	await expect(page.locator('section[aria-labelledby="progress-title"]')).toContainText(
		'Target: 20 firms; 25 % reached.'
	);

	// Downloaded from the dashboard's own link, with the filters it carries.
	const href = await page.getByRole('link', { name: 'PDF report' }).getAttribute('href');
	const response = await page.request.get(href!);
	expect(response.headers()['content-type']).toBe('application/pdf');
	const pdf = await readPdf(new Uint8Array(await response.body()));
	const first = squeeze(pdf.pages[0]);
	for (const line of [
		'Key findings',
		'All campaigns: 5 firms have submitted, of 5 that started (100 % completed). Target: 20 firms; 25 % reached.',
		'Mean overall score:',
		'Mean score and its trend',
		'Most common priorities',
		'Getting ready for CBAM'
	]) {
		expect(first).toContain(squeeze(line));
	}
	// Participation and the details follow on later pages.
	expect(first).not.toContain(squeeze('Progress by campaign'));
	expect(squeeze(pdf.pages.slice(1).join('\n'))).toContain(squeeze('Progress by campaign'));
});
