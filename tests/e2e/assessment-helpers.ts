import { expect, type Page } from '@playwright/test';

/**
 * Answers every shown question of the current step the way a person would: the first choice of each radio group or
 * drop-down, the first checkbox, and text where text is asked. `pick` chooses another option by its label, or gives
 * the number to type.
 */
export async function answerStep(
	page: Page,
	pick: (text: string) => string | undefined = () => undefined
) {
	const questions = page.locator('fieldset.question:visible');
	// Counted again after each answer: with JavaScript on, an answer can bring up the questions that follow it.
	for (let index = 0; index < (await questions.count()); index++) {
		const question = questions.nth(index);
		const text = (await question.locator('legend').innerText()).trim();
		const preferred = pick(text);
		const select = question.locator('select');
		if ((await select.count()) > 0) {
			if (preferred) await select.selectOption({ label: preferred });
			else await select.selectOption({ index: 1 });
			continue;
		}
		const textbox = question.locator('input[type="text"], input[type="email"]');
		if ((await textbox.count()) > 0) {
			// Number fields (the optional energy figures) are left empty unless asked for.
			if ((await textbox.getAttribute('inputmode')) === 'decimal') {
				if (preferred !== undefined) await textbox.fill(preferred);
			} else if ((await textbox.inputValue()) === '') {
				const email = (await textbox.getAttribute('type')) === 'email';
				await textbox.fill(
					email ? 'info@ornek-tekstil.com.tr' : (preferred ?? 'Örnek Tekstil A.Ş.')
				);
			}
			continue;
		}
		const choice = preferred
			? question.getByLabel(preferred, { exact: true })
			: question.locator('input[type="radio"], input[type="checkbox"]').first();
		await choice.check();
	}
}

/** Answers and moves on, step after step, until the review step. */
export async function answerAllSteps(page: Page, pick?: (text: string) => string | undefined) {
	for (let guard = 0; guard < 20; guard++) {
		if (page.url().endsWith('/review')) return;
		await answerStep(page, pick);
		const before = page.url();
		await page
			.getByRole('button', { name: /Kaydet ve|Save and/ })
			.first()
			.click();
		await page.waitForURL((url) => url.href !== before);
	}
	throw new Error('never reached the review step');
}

export async function startAssessment(page: Page, lang: 'tr' | 'en') {
	await page.goto(`/?lang=${lang}`);
	await page
		.getByRole('button', { name: lang === 'tr' ? 'Değerlendirmeye başla' : 'Start the assessment' })
		.first()
		.click();
	await expect(page).toHaveURL(/\/assessment\/[A-Za-z0-9_-]{43}\/profile$/);
}

/**
 * Waits until the page's JavaScript has taken over (the copy button only appears then), for tests of what
 * JavaScript adds: a click before that is handled by the plain HTML form instead.
 */
export async function waitForHydration(page: Page) {
	await expect(
		page.getByRole('button', { name: /Copy the link|Bağlantıyı kopyala/ })
	).toBeVisible();
}
