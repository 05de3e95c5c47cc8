import { readFile } from 'node:fs/promises';
import AxeBuilder from '@axe-core/playwright';
import { type Page } from '@playwright/test';
import { readPdf, squeeze } from '../fixtures/pdf';
import { answerAllSteps, startAssessment } from './assessment-helpers';
import { expect, test } from './test';

const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** A submitted assessment in Turkish, on its results page. */
async function results(page: Page) {
	await startAssessment(page, 'tr');
	await answerAllSteps(page);
	await page.getByRole('button', { name: 'Gönder ve sonuçları gör' }).click();
	await expect(page).toHaveURL(/\/results$/);
}

/**
 * Adds the first priority to the plan from its card: who, the third month offered, and a status. Returns the
 * recommendation's title and the month as the form wrote it.
 */
async function addFirstPriority(page: Page, owner: string, status: string) {
	const card = page.locator('ol.priorities > li').first();
	const title = (await card.getByRole('heading', { level: 3 }).innerText()).trim();
	// The form is drawn when its link asks for it, or again after a refusal.
	if (!(await card.getByLabel('Kim yapacak?').isVisible()))
		await card.getByRole('link', { name: 'Planıma ekle' }).click();
	await card.getByLabel('Kim yapacak?').fill(owner);
	const month = card.getByLabel('Hedef ay');
	await month.selectOption({ index: 2 });
	const monthText = (await month.locator('option:checked').innerText()).trim();
	await card.getByLabel('Durum').selectOption({ label: status });
	await card.getByRole('button', { name: 'Plana ekle' }).click();
	await expect(page).toHaveURL(/\/results#plan$/);
	return { title, monthText };
}

test('a firm plans an action, finds it in the PDF and in its re-assessment', async ({ page }) => {
	// The whole questionnaire, a PDF download and a re-assessment: slow on a busy machine.
	test.slow();
	// Without JavaScript the refused form comes back as a page with status 400, which the browser logs.
	await results(page);
	const plan = page.locator('section#plan');
	await expect(plan).toContainText('Planınızda henüz eylem yok.');
	// No form is drawn until one is asked for; one asked for and cancelled leaves nothing behind.
	await expect(page.getByLabel('Kim yapacak?')).toHaveCount(0);
	const second = page.locator('ol.priorities > li').nth(1);
	await second.getByRole('link', { name: 'Planıma ekle' }).click();
	await expect(second.getByLabel('Kim yapacak?')).toBeFocused();
	await second.getByRole('link', { name: 'Vazgeç' }).click();
	await expect(second.getByRole('link', { name: 'Planıma ekle' })).toBeVisible();
	await expect(page.getByLabel('Kim yapacak?')).toHaveCount(0);

	const { title, monthText } = await addFirstPriority(page, 'Üretim müdürü Şule', 'Sürüyor');
	const item = plan.getByRole('listitem').filter({ hasText: title });
	await expect(item).toContainText('Üretim müdürü Şule');
	await expect(item).toContainText(monthText);
	await expect(item).toContainText('Sürüyor');
	await expect(plan).toContainText('1 eylem, 0 tamamlandı');
	// Every card of that recommendation now says it is in the plan.
	await expect(page.locator('ol.priorities > li').first()).toContainText('Planınızda: Sürüyor');

	// Marked done from the plan itself.
	await item.getByRole('link', { name: 'Değiştir' }).click();
	await expect(item.getByLabel('Kim yapacak?')).toBeFocused();
	await item.getByLabel('Durum').selectOption({ label: 'Tamamlandı' });
	await item.getByRole('button', { name: 'Değişikliği kaydet' }).click();
	await expect(plan).toContainText('1 eylem, 1 tamamlandı');
	await expect(plan.getByRole('listitem').filter({ hasText: title })).toContainText('Tamamlandı');

	const axe = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
	expect(axe.violations).toEqual([]);
	await page.setViewportSize({ width: 390, height: 844 });
	expect(
		await page.evaluate(
			() => document.documentElement.scrollWidth - document.documentElement.clientWidth
		)
	).toBe(0);

	const [download] = await Promise.all([
		page.waitForEvent('download'),
		page.getByRole('link', { name: 'PDF raporunu indir' }).click()
	]);
	const pdf = await readPdf(new Uint8Array(await readFile((await download.path())!)));
	const planPage = pdf.pages.find((text) => text.includes('Eylem planınız'));
	expect(planPage).toBeDefined();
	for (const text of [
		'1 eylem, 1 tamamlandı',
		title,
		'Üretim müdürü Şule',
		monthText,
		'Tamamlandı'
	])
		expect(squeeze(planPage!)).toContain(squeeze(text));

	// The data download carries the same plan.
	const [dataDownload] = await Promise.all([
		page.waitForEvent('download'),
		page.getByRole('link', { name: 'Tüm verilerimi indir (JSON)' }).click()
	]);
	const data = JSON.parse(await readFile((await dataDownload.path())!, 'utf8'));
	expect(data.plan).toEqual([
		expect.objectContaining({ owner: 'Üretim müdürü Şule', status: 'done' })
	]);

	// The re-assessment opens with the plan and what was done.
	await page.getByRole('button', { name: 'Bu cevaplardan yeni bir değerlendirme başlat' }).click();
	await expect(page).toHaveURL(/\/profile$/);
	const carried = page.getByRole('complementary', { name: 'Planınız: 1 eylem, 1 tamamlandı' });
	await expect(carried).toBeVisible();
	await expect(carried).toContainText(`Tamamlandı: ${title}`);
});

test('adds an action to the plan without JavaScript too @no-js', async ({ page }) => {
	test.slow();
	// Without JavaScript the refused form comes back as a page with status 400, which the browser logs.
	await results(page);
	const plan = page.locator('section#plan');
	// Who does it is required: blanks are refused beside the field, and nothing is added.
	const card = page.locator('ol.priorities > li').first();
	await card.getByRole('link', { name: 'Planıma ekle' }).click();
	// Asked for, the form takes the cursor.
	await expect(card.getByLabel('Kim yapacak?')).toBeFocused();
	await card.getByLabel('Kim yapacak?').fill('   ');
	await card.getByRole('button', { name: 'Plana ekle' }).click();
	const problem = 'Kimin yapacağını 1 ile 80 karakter arasında yazın.';
	await expect(plan.getByRole('alert')).toContainText(problem);
	await expect(card.getByText(problem)).toBeVisible();
	await expect(plan).toContainText('Planınızda henüz eylem yok.');

	const { title } = await addFirstPriority(page, 'Ali Yılmaz', 'Planlandı');
	await expect(plan.getByRole('listitem').filter({ hasText: title })).toContainText('Ali Yılmaz');
	await expect(plan).toContainText('Planlandı');
	await expect(plan.getByRole('heading', { name: title })).toBeVisible();
});
