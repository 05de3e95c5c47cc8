import AxeBuilder from '@axe-core/playwright';
import { type Page } from '@playwright/test';
import {
	answerAllSteps,
	answerStep,
	startAssessment,
	waitForHydration
} from './assessment-helpers';
import { expect, test } from './test';

const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** A 360 px phone must never need to scroll sideways. */
async function expectNoSidewaysScroll(page: Page) {
	await page.setViewportSize({ width: 360, height: 740 });
	const overflow = await page.evaluate(
		() => document.documentElement.scrollWidth - document.documentElement.clientWidth
	);
	expect(overflow, page.url()).toBe(0);
}

test.describe('answering an assessment', () => {
	test('a whole assessment in Turkish, with axe on every step and on the results @no-js', async ({
		page
	}, testInfo) => {
		// Every step of questionnaire 2.0.0 with axe after each: slow on a busy machine.
		test.slow();
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
		await expect(page.getByRole('table', { name: 'Tema puanları tablosu' })).toContainText(
			'Puanınız'
		);
		// Each priority says which answer put it there and what it roughly costs.
		const priorities = page.locator('ol.priorities > li');
		await expect(priorities).toHaveCount(3);
		for (const card of await priorities.all()) {
			await expect(card).toContainText(/Çünkü: «.+\?» sorusuna «.+» yanıtını verdiniz\./);
			await expect(card).toContainText(
				/(Hızlı kazanım|Düşük maliyetli|Yatırım gerektirir) · (birkaç ayda geri döner|birkaç yılda geri döner|pazara erişim ya da mevzuat için gerekli)/
			);
		}
		await checkAccessibility();
	});

	test('a whole assessment in English on a phone, with the charts drawn', async ({ page }) => {
		await startAssessment(page, 'en');
		await expectNoSidewaysScroll(page);
		await answerAllSteps(page);
		await page.getByRole('button', { name: 'Submit and see the results' }).click();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Your results');
		await expect(page.getByRole('heading', { name: 'The three things to do first' })).toBeVisible();
		await expect(page.locator('canvas')).toHaveCount(2);
		// Chart.js is downloaded when a chart comes near the screen.
		await page.locator('.chart--radar').scrollIntoViewIfNeeded();
		await expect(page.getByRole('img', { name: /Radar chart/ })).toBeVisible();
		await expectNoSidewaysScroll(page);
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
		await waitForHydration(page);
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

test.describe('conditional questions', () => {
	test('appear and disappear as answers change, with JavaScript on', async ({ page }) => {
		await startAssessment(page, 'en');
		const euQuestion = page.locator('fieldset', { hasText: 'Do you export to EU countries?' });
		const goodsQuestion = page.locator('fieldset', {
			hasText: 'Do you make goods on the CBAM list, or their precursors?'
		});
		const routeQuestion = page.locator('fieldset', { hasText: 'How do these goods reach the EU?' });
		const tonnageQuestion = page.locator('fieldset', {
			hasText: 'How many tonnes of these goods a year'
		});
		await waitForHydration(page);
		await expect(euQuestion).toBeHidden();
		await page.getByLabel('More than 50%').check();
		await expect(euQuestion).toBeVisible();
		await page.getByLabel('We do not export').check();
		await expect(euQuestion).toBeHidden();
		// The CBAM questions: an indirect supplier need not export itself.
		await expect(routeQuestion).toBeHidden();
		await goodsQuestion.getByLabel('Yes', { exact: true }).check();
		await expect(routeQuestion).toBeVisible();
		await routeQuestion.getByLabel('Directly: we sell them to EU buyers').check();
		await expect(tonnageQuestion).toBeVisible();
		await goodsQuestion.getByLabel('No', { exact: true }).check();
		// Hiding cascades: the tonnage question depends on a question that is now hidden.
		await expect(routeQuestion).toBeHidden();
		await expect(tonnageQuestion).toBeHidden();
	});

	test('are brought up by the server when JavaScript is off @no-js', async ({ page }, testInfo) => {
		test.skip(testInfo.project.name !== 'no-js', 'the server-side path is what this checks');
		await startAssessment(page, 'tr');
		await answerStep(page, (text) =>
			text.startsWith('Cironuzun ne kadarı') ? "%50'den fazla" : undefined
		);
		await page.getByRole('button', { name: 'Kaydet ve devam et' }).click();
		await expect(page).toHaveURL(/\/profile\?more=1/);
		await expect(page.getByText('Cevaplarınıza göre bu adımda yeni sorular açıldı')).toBeVisible();
		await expect(
			page.locator('fieldset', { hasText: 'AB ülkelerine ihracat yapıyor musunuz?' })
		).toBeVisible();
	});
});

test.describe('after submitting', () => {
	test('re-assesses from the same answers and shows the change, then deletes for good', async ({
		page
	}) => {
		await startAssessment(page, 'en');
		await answerAllSteps(page);
		await page.getByRole('button', { name: 'Submit and see the results' }).click();
		await expect(page).toHaveURL(/\/results$/);
		const firstResults = page.url();

		await page.getByRole('button', { name: 'Start a new assessment from these answers' }).click();
		// The firm keeps its link: it now opens the new draft.
		await expect(page).toHaveURL(firstResults.replace(/results$/, 'profile'));
		await expect(page.locator('fieldset.question input:checked').first()).toBeChecked();
		await page.goto(page.url().replace(/profile$/, 'review'));
		await expect(page.getByText('You have answered every required question.')).toBeVisible();
		await page.getByRole('button', { name: 'Submit and see the results' }).click();
		await expect(page.getByText(/^Change since your previous assessment: /)).toBeVisible();

		await page.getByRole('button', { name: 'Delete the assessment' }).click();
		await expect(
			page.getByText('To delete, please tick the confirmation box first.')
		).toBeVisible();
		// Two assessments in the chain: erasing all of them is proposed; this keeps the first.
		await expect(page.getByRole('radio', { name: /^All 2 of my assessments/ })).toBeChecked();
		await page.getByRole('radio', { name: /^Only this assessment/ }).check();
		await page.getByLabel('Yes, I want to delete this assessment for good').check();
		await page.getByRole('button', { name: 'Delete the assessment' }).click();
		await expect(
			page.getByText('Your assessment and all its data have been deleted for good.')
		).toBeVisible();
		// The first assessment is untouched, and the link opens it again.
		expect((await page.goto(firstResults))?.status()).toBe(200);
		await expect(page.getByText(/^Change since your previous assessment: /)).toHaveCount(0);
	});

	test('lists missing answers on the review step and marks them on their step', async ({
		page
	}) => {
		await startAssessment(page, 'en');
		await page.goto(page.url().replace(/profile$/, 'review'));
		const missing = page.locator('.error-summary a');
		expect(await missing.count()).toBeGreaterThan(10);
		await missing.first().click();
		await expect(page.locator('.field-error').first()).toHaveText(
			'This question is required; please answer it.'
		);
	});
});
