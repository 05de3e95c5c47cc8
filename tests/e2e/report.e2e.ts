import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { readPdf } from '../fixtures/pdf';
import { answerAllSteps, startAssessment } from './assessment-helpers';

test('downloads the PDF report from the results page, in the page’s language', async ({ page }) => {
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
	expect(pdf.pages[0]).toContain('Örnek Tekstil A.Ş.');
	expect(pdf.pages[1]).toContain(`${overall} / 100`);

	// The same report in English after switching the page's language.
	await page.goto(page.url().replace(/results.*$/, 'results?lang=en'));
	const [english] = await Promise.all([
		page.waitForEvent('download'),
		page.getByRole('link', { name: 'Download the PDF report' }).click()
	]);
	const translated = await readPdf(new Uint8Array(await readFile((await english.path())!)));
	expect(translated.pages[1]).toContain('Summary');
});

test('an unknown token has no report', async ({ request }) => {
	const response = await request.get(`/assessment/${'x'.repeat(43)}/report.pdf`);
	expect(response.status()).toBe(404);
});
