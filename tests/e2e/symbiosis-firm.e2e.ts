import AxeBuilder from '@axe-core/playwright';
import { type Page } from '@playwright/test';
import { completeAnswers, QUESTIONNAIRE } from './api-helpers';
import { expect, test } from './test';

const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** axe runs inside the page, so it can only check the run with JavaScript on. */
async function expectAccessible(page: Page, withJs: boolean) {
	if (!withJs) return;
	const axe = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
	expect(axe.violations).toEqual([]);
}

test('a firm lists sawdust on the symbiosis step, sees it on its results and edits it @no-js', async ({
	page,
	request
}, testInfo) => {
	test.slow();
	const withJs = testInfo.project.name !== 'no-js';
	// A complete draft, through the API: this test is about the step after the themes, not the questionnaire.
	const created = await request.post('/api/v1/assessments', {
		data: { questionnaire: QUESTIONNAIRE, locale: 'tr', answers: await completeAnswers(request) }
	});
	const { token } = (await created.json()) as { token: string };
	await page.goto(`/assessment/${token}/symbiosis-exchange?lang=tr`);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Sanayi simbiyozu');
	await expect(page.getByRole('link', { name: /Atık Yönetimi Yönetmeliği/ })).toHaveAttribute(
		'href',
		'https://www.resmigazete.gov.tr/eskiler/2015/04/20150402-2.htm'
	);
	await expectAccessible(page, withJs);

	// One offer typed, a second row added: what was typed stays.
	const first = page.getByRole('group', { name: 'Sunulan kalem 1' });
	await first.getByLabel('Kategori').selectOption('wood');
	await first.getByLabel('Yıllık miktar (yaklaşık)').fill('12,5');
	await page.getByRole('button', { name: 'Bir kalem daha sun' }).click();
	const second = page.getByRole('group', { name: 'Sunulan kalem 2' });
	await expect(second).toBeVisible();
	await expect(first.getByLabel('Yıllık miktar (yaklaşık)')).toHaveValue('12,5');

	// A negative quantity is refused by its field, and nothing moves on.
	await second.getByLabel('Kategori').selectOption('metal');
	await second.getByLabel('Yıllık miktar (yaklaşık)').fill('-3');
	await page.getByLabel(/Odam beni, sunduklarıma ihtiyaç duyan/).check();
	await page.getByRole('button', { name: 'Kaydet ve gözden geçir' }).click();
	await expect(second.locator('.field-error')).toHaveText(
		'Yıllık miktarı sıfırdan büyük bir sayı olarak yazın.'
	);
	await expect(page.getByRole('alert')).toBeVisible();
	await expect(first.getByLabel('Kategori')).toHaveValue('wood');
	await expectAccessible(page, withJs);

	await second.getByRole('button', { name: 'Sunulan kalem 2: kaldır' }).click();
	await expect(page.getByRole('group', { name: 'Sunulan kalem 2' })).toHaveCount(0);
	await page.getByRole('button', { name: 'Kaydet ve gözden geçir' }).click();
	await expect(page).toHaveURL(/\/review$/);
	await page.getByRole('button', { name: 'Gönder ve sonuçları gör' }).click();
	await expect(page).toHaveURL(/\/results$/);

	const section = page.locator('section#symbiosis');
	await expect(section).toContainText('Ahşap, talaş ve kesim artıkları');
	await expect(section).toContainText('yılda 12,5 ton');
	await expect(section).toContainText('Odanız sizi eşleşen firmalarla tanıştırabilir');
	await expect(
		page.getByRole('navigation').getByRole('link', { name: 'Sanayi simbiyozu' })
	).toBeVisible();
	await expectAccessible(page, withJs);

	// A submitted assessment's listing stays editable, back to the results.
	await section.getByRole('link', { name: 'Listeyi düzenle' }).click();
	await page
		.getByRole('group', { name: 'Sunulan kalem 1' })
		.getByLabel('Yıllık miktar (yaklaşık)')
		.fill('20');
	await page.getByRole('button', { name: 'Kaydet ve sonuçlara dön' }).click();
	await expect(page).toHaveURL(/\/results#symbiosis$/);
	await expect(section).toContainText('yılda 20 ton');
});
