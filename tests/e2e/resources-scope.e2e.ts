import AxeBuilder from '@axe-core/playwright';
import { type APIRequestContext } from '@playwright/test';
import { readPdf } from '../fixtures/pdf';
import { completeAnswers, QUESTIONNAIRE } from './api-helpers';
import { expect, test } from './test';

const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** Three firms of the issue, each with its own development agency (names as in questionnaires/regions.yaml). */
const FIRMS = [
	{ province: '25', name: 'Erzurum', agency: 'Kuzeydoğu Anadolu Kalkınma Ajansı' },
	{ province: '39', name: 'Kırklareli', agency: 'Trakya Kalkınma Ajansı' },
	{ province: '42', name: 'Konya', agency: 'Mevlana Kalkınma Ajansı' }
];
/** An agency's card heading: its name, then the new-tab notice where it is a link (another resource may start alike). */
const agencyHeading = (agency: string) => new RegExp(`^${agency}( \\(|$)`);
/** Resources scoped to Edirne and Kırklareli only. */
const TRAKYA_ONLY = 'Interreg IPA Bulgaristan–Türkiye';

/** A complete assessment of a firm in this province, submitted through the JSON API; returns its token. */
async function submitIn(request: APIRequestContext, province: string): Promise<string> {
	const answers = { ...(await completeAnswers(request)), province };
	const created = await request.post('/api/v1/assessments', {
		data: { questionnaire: QUESTIONNAIRE, locale: 'tr', answers }
	});
	expect(created.status()).toBe(201);
	const { token } = (await created.json()) as { token: string };
	const submitted = await request.post(`/api/v1/assessments/${token}/submit`, { data: {} });
	expect(submitted.status()).toBe(200);
	return token;
}

for (const firm of FIRMS) {
	const others = FIRMS.filter((other) => other !== firm).map((other) => other.agency);

	test(`a firm in ${firm.name} sees its own agency and no other region’s resource`, async ({
		page,
		request
	}) => {
		const token = await submitIn(request, firm.province);
		await page.goto(`/assessment/${token}/results?lang=tr`);
		const recommendations = page.locator('main');
		await expect(recommendations.getByText(firm.agency).first()).toBeVisible();
		for (const agency of others) await expect(recommendations.getByText(agency)).toHaveCount(0);
		if (firm.province !== '39') await expect(recommendations.getByText(TRAKYA_ONLY)).toHaveCount(0);

		await page.goto(`/resources?province=${firm.province}&lang=tr`);
		const region = page.getByRole('region', { name: 'Bölgeniz' });
		await expect(region.getByRole('heading', { name: agencyHeading(firm.agency) })).toBeVisible();
		await expect(page.getByRole('region', { name: 'Ulusal' })).toBeVisible();
		for (const agency of others) await expect(page.getByText(agency)).toHaveCount(0);
		if (firm.province !== '39') await expect(page.getByText(TRAKYA_ONLY)).toHaveCount(0);
	});
}

test('the PDF of an Erzurum firm names KUDAKA and no Trakya resource', async ({ request }) => {
	const token = await submitIn(request, '25');
	const response = await request.get(`/assessment/${token}/report.pdf?lang=tr`);
	expect(response.status()).toBe(200);
	const pdf = await readPdf(new Uint8Array(await response.body()));
	const text = pdf.pages.join('\n').replace(/\s+/g, ' ');
	expect(text).toContain('Kuzeydoğu Anadolu Kalkınma Ajansı');
	expect(text).not.toContain('Trakya Kalkınma Ajansı');
	expect(text).not.toContain(TRAKYA_ONLY);
	expect(pdf.links.some((link) => link.includes('trakyaka'))).toBe(false);
});

test('/resources filters by province, sector and theme without JavaScript @no-js', async ({
	page
}, testInfo) => {
	await page.goto('/resources?lang=tr');
	await page.getByLabel('İl', { exact: true }).selectOption('42');
	await page.getByLabel('Faaliyet alanı').selectOption('C');
	await page.getByLabel('Tema', { exact: true }).selectOption('energy');
	await page.getByRole('button', { name: 'Filtrele' }).click();
	await expect(page).toHaveURL(/province=42/);
	await expect(page).toHaveURL(/sector=C/);
	await expect(page).toHaveURL(/theme=energy/);
	await expect(page.getByLabel('İl', { exact: true })).toHaveValue('42');
	await expect(
		page.getByRole('region', { name: 'Bölgeniz' }).getByRole('heading', {
			name: 'Mevlana Kalkınma Ajansı'
		})
	).toBeVisible();
	await expect(page.getByText('Kuzeydoğu Anadolu Kalkınma Ajansı')).toHaveCount(0);
	if (testInfo.project.name === 'js') {
		const axe = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
		expect(axe.violations).toEqual([]);
	}

	// Without a province, each regional resource says which provinces it is for.
	await page.goto('/resources?lang=en');
	const local = page.getByRole('region', { name: 'For some provinces only' });
	await expect(local.getByText('Only: Erzurum, Erzincan, Bayburt')).toBeVisible();
});
