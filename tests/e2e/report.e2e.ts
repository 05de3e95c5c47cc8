import { readFile } from 'node:fs/promises';
import { readPdf } from '../fixtures/pdf';
import { answerAllSteps, startAssessment } from './assessment-helpers';
import { expect, test } from './test';

test('downloads the PDF report from the results page, in the page’s language', async ({ page }) => {
	test.slow();
	await startAssessment(page, 'tr');
	await answerAllSteps(page);
	await page.getByRole('button', { name: 'Gönder ve sonuçları gör' }).click();
	await expect(page).toHaveURL(/\/results$/);
	const overall = await page.locator('.overall__number').innerText();

	const [download] = await Promise.all([
		page.waitForEvent('download'),
		page.getByRole('link', { name: 'PDF raporunu indir' }).click()
	]);
	expect(download.suggestedFilename()).toMatch(/^ornek-tekstil-a-s-\d{4}-\d{2}-\d{2}\.pdf$/);
	const pdf = await readPdf(new Uint8Array(await readFile((await download.path())!)));
	// The text copies exactly as printed: the name in bold on the cover, in regular type in every page's footer
	// (every Turkish letter in both fonts is covered by tests/unit/pdf-text.spec.ts).
	expect(pdf.pages[0].split('\n')).toContain('Örnek Tekstil A.Ş.');
	for (const text of pdf.pages) expect(text).toContain('Yeşil Hazırlık · Örnek Tekstil A.Ş.');
	expect(pdf.pages[1]).toContain(`${overall} / 100`);
	// Tagged for screen readers, in the page's language, with headings, lists, tables and charts as structure.
	expect(pdf.tagged).toBe(true);
	expect(pdf.language).toBe('tr');
	expect(pdf.title).toBe('Yeşil Mutabakat Hazırlık Raporu: Örnek Tekstil A.Ş.');
	const roles = new Set(pdf.structure.map((node) => node.role));
	for (const role of ['H1', 'H2', 'P', 'L', 'LI', 'Lbl', 'LBody', 'Table', 'TR', 'TD', 'Figure']) {
		expect(roles.has(role), role).toBe(true);
	}

	// The same report in English after switching the page's language.
	await page.goto(page.url().replace(/results.*$/, 'results?lang=en'));
	const [english] = await Promise.all([
		page.waitForEvent('download'),
		page.getByRole('link', { name: 'Download the PDF report' }).click()
	]);
	const translated = await readPdf(new Uint8Array(await readFile((await english.path())!)));
	expect(translated.pages[1]).toContain('Summary');
	expect(translated.tagged).toBe(true);
	expect(translated.language).toBe('en');
});

test('an unknown token has no report', async ({ request }) => {
	const response = await request.get(`/assessment/${'x'.repeat(43)}/report.pdf`);
	expect(response.status()).toBe(404);
});
