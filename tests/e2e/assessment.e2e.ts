import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { answerAllSteps, answerStep, startAssessment } from './assessment-helpers';

const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

test.describe('answering an assessment', () => {
	test('a whole assessment in Turkish, with axe on every step and on the results @no-js', async ({
		page
	}, testInfo) => {
		// axe runs inside the page, so it can only check the run with JavaScript on.
		const checkAccessibility = async () => {
			if (testInfo.project.name === 'no-js') return;
			const axe = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
			expect(axe.violations, page.url()).toEqual([]);
		};
		await startAssessment(page, 'tr');
		for (let guard = 0; guard < 20 && !page.url().endsWith('/review'); guard++) {
			await checkAccessibility();
			await answerStep(page);
			const before = page.url();
			await page.getByRole('button', { name: /^Kaydet ve (devam et|gözden geçir)$/ }).click();
			await page.waitForURL((url) => url.href !== before);
		}
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Gözden geçir ve gönder');
		await expect(page.getByText('Tüm zorunlu soruları cevapladınız.')).toBeVisible();
		await page.getByRole('button', { name: 'Gönder ve sonuçları gör' }).click();
		await expect(page).toHaveURL(/\/results$/);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Sonuçlarınız');
		await expect(page.getByText(/^Olgunluk düzeyi: /)).toBeVisible();
		await expect(page.getByRole('table')).toContainText('Puanınız');
		await checkAccessibility();
	});

	test('a whole assessment in English, with the charts drawn', async ({ page }) => {
		await startAssessment(page, 'en');
		await answerAllSteps(page);
		await page.getByRole('button', { name: 'Submit and see the results' }).click();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Your results');
		await expect(page.getByRole('heading', { name: 'The three things to do first' })).toBeVisible();
		await expect(page.locator('canvas')).toHaveCount(2);
		await expect(page.getByRole('img', { name: /Radar chart/ })).toBeVisible();
	});

	test('resumes from the link with every answer intact after the browser is closed', async ({
		browser
	}) => {
		const first = await browser.newContext({ locale: 'tr-TR' });
		const page = await first.newPage();
		await startAssessment(page, 'tr');
		await answerStep(page);
		await page.getByRole('button', { name: 'Kaydet ve devam et' }).click();
		await page.waitForURL((url) => !url.pathname.endsWith('/profile'));
		const link = await page.locator('#resume-url').inputValue();
		await first.close();

		const second = await browser.newContext({ locale: 'tr-TR' });
		const again = await second.newPage();
		await again.goto(link);
		// The link continues at the first step with something missing: the profile is complete.
		await expect(again).not.toHaveURL(/\/profile$/);
		await again.goto(link.replace(/\/?$/, '/profile'));
		await expect(again.locator('fieldset.question input[autocomplete="off"]').first()).toHaveValue(
			'Örnek Tekstil A.Ş.'
		);
		const checked = await again.locator('fieldset.question:visible input:checked').count();
		expect(checked).toBeGreaterThan(2);
		await second.close();
	});

	test('keeps unsaved typing in the browser and restores it after a reload', async ({ page }) => {
		await startAssessment(page, 'en');
		const name = page.locator('input[autocomplete="off"]').first();
		await name.fill('Unsaved Kağıt Ltd.');
		await page.reload();
		await expect(name).toHaveValue('Unsaved Kağıt Ltd.');
		await expect(page.getByText('This device held answers you had not saved yet')).toBeVisible();
	});

	test('submits once on a double click', async ({ page }) => {
		await startAssessment(page, 'en');
		await answerAllSteps(page);
		const submit = page.getByRole('button', { name: 'Submit and see the results' });
		await submit.dblclick();
		await expect(page).toHaveURL(/\/results$/);
		const score = await page.locator('.overall__number').innerText();
		await page.goBack();
		await page.reload();
		// After submission the steps are read-only: they lead to the same results.
		await expect(page).toHaveURL(/\/results$/);
		await expect(page.locator('.overall__number')).toHaveText(score);
	});

	test('completes a step with the keyboard alone', async ({ page }) => {
		await startAssessment(page, 'en');
		await page.locator('fieldset.question').first().locator('input').focus();
		await page.keyboard.type('Klavye Makina');
		for (let index = 0; index < 40; index++) {
			await page.keyboard.press('Tab');
			const focused = page.locator(':focus');
			if ((await focused.getAttribute('type')) === 'radio') await page.keyboard.press('Space');
			if ((await focused.evaluate((element) => element.tagName)) === 'SELECT') {
				await page.keyboard.press('ArrowDown');
			}
			if ((await focused.innerText().catch(() => '')) === 'Save and continue') break;
		}
		await expect(page.locator(':focus')).toHaveText('Save and continue');
		await page.keyboard.press('Enter');
		await expect(page).not.toHaveURL(/\/profile$/);
	});
});
