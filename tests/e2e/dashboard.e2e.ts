import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { createCampaignOf, createChamber, createChamberUser } from './admin-cli';
import { readPdf } from '../fixtures/pdf';
import { submitInCampaign } from './api-helpers';
import { signInAs } from './sign-in';

const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const PASSWORD = 'Trakya verimlilik platformu 2026';
const EVIL = '=HYPERLINK("http://evil.example","Tıkla")';

test('a chamber sees its members’ anonymous figures, only consenting firms by name, and exports both', async ({
	page,
	request
}) => {
	const slug = createChamber('Saray Ticaret Odası');
	const campaign = createCampaignOf(slug);
	// Six firms answer; two agree to share their identity, one of them with a name built to attack a spreadsheet.
	for (let firm = 0; firm < 6; firm++) {
		await submitInCampaign(request, campaign, {
			company: firm === 0 ? 'Öztürk Tekstil A.Ş.' : firm === 1 ? EVIL : `Gizli Firma ${firm}`,
			email: `firma${firm}@example.org`,
			consent: firm < 2,
			// 100,000 kWh × (firm + 1) × 0.440 kg: 924 t CO2e in all, no firm above a fifth of it.
			answers: { energy_electricity_kwh: 100_000 * (firm + 1) }
		});
	}

	await signInAs(page, createChamberUser(slug, PASSWORD), PASSWORD);
	await expect(page.getByText('Firms that submitted: 6')).toBeVisible();
	await expect(page.getByRole('table', { name: 'Theme scores' })).toContainText(
		'Resource efficiency'
	);
	const respondents = page.getByRole('table', {
		name: 'Firms that agreed to share their identity'
	});
	await expect(respondents).toContainText('Öztürk Tekstil A.Ş.');
	await expect(respondents).toContainText(EVIL);
	await expect(page.getByText('Gizli Firma')).toHaveCount(0);
	// Weekly participation per campaign, folded until asked for: a chart and the same numbers in a table.
	await page.locator('summary', { hasText: 'Yeşil Dönüşüm 2026' }).click();
	await expect(page.getByRole('img', { name: /started and submitted per week/ })).toBeVisible();
	await expect(page.getByRole('table', { name: 'Yeşil Dönüşüm 2026' })).toContainText('6');
	// The carbon estimate as a chamber total, and the CBAM screen's levels: none of these firms exports.
	await expect(page.getByText('Firms that entered energy figures: 6')).toBeVisible();
	await expect(
		page.getByRole('table', { name: 'Estimated emissions' }).getByRole('row', { name: /Total/ })
	).toContainText('924');
	await expect(
		page.getByRole('table', { name: 'CBAM exposure levels' }).getByRole('row', {
			name: /Not directly affected/
		})
	).toContainText('6');
	const axe = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
	expect(axe.violations).toEqual([]);

	// Filters narrow the figures: none of these firms is a large enterprise.
	await page.getByLabel('Size', { exact: true }).selectOption({ label: 'Large enterprise' });
	await page.getByRole('button', { name: 'Apply' }).click();
	await expect(page).toHaveURL(/size=large/);
	await expect(page.getByText('Firms that submitted: 0')).toBeVisible();

	const csv = await page.request.get(`/chamber/${slug}/export.csv?kind=respondents&lang=en`);
	expect(csv.headers()['content-type']).toBe('text/csv; charset=utf-8');
	const text = (await csv.body()).toString('utf8');
	expect(text.startsWith('\uFEFFCompany,Contact,Submitted on,Level\r\n')).toBe(true);
	expect(text).toContain('Öztürk Tekstil A.Ş.,firma0@example.org,');
	expect(text).toContain(`"'=HYPERLINK(""http://evil.example"",""Tıkla"")"`);
	expect(text).not.toContain('Gizli Firma');

	const aggregates = await page.request.get(`/chamber/${slug}/export.csv?lang=en`);
	expect((await aggregates.body()).toString('utf8')).toContain('Summary,All firms,6,');

	// The PDF report carries the same figures and names no firm.
	const report = await page.request.get(`/chamber/${slug}/report.pdf?lang=en`);
	expect(report.headers()['content-type']).toBe('application/pdf');
	const pdf = await readPdf(new Uint8Array(await report.body()));
	const printed = pdf.pages.join('\n');
	expect(printed).toContain('Green Deal readiness: chamber report');
	expect(printed).toContain('Saray Ticaret Odası');
	expect(printed).toContain('Firms that submitted: 6');
	expect(printed).toContain('924');
	expect(printed).not.toContain('Öztürk');

	const api = await page.request.get(`/api/v1/chambers/${slug}/aggregates?lang=en`);
	expect(await api.json()).toMatchObject({ chamber: slug, firms: 6, suppressed: null });
	const anonymous = await request.get(`/api/v1/chambers/${slug}/aggregates?lang=en`);
	expect(anonymous.status()).toBe(401);
	const badFilter = await page.request.get(
		`/api/v1/chambers/${slug}/aggregates?from=2026-13&lang=en`
	);
	expect(badFilter.status()).toBe(400);
	expect((await badFilter.json()).error.issues[0].path).toBe('from');
});
