import AxeBuilder from '@axe-core/playwright';
import { type APIRequestContext, type Page } from '@playwright/test';
import { completeAnswers, QUESTIONNAIRE } from './api-helpers';
import { waitForHydration } from './assessment-helpers';
import { expect, test } from './test';

const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** A furniture maker of 10–49 people with every step but the energy figures answered; returns its token. */
async function furnitureMaker(request: APIRequestContext, locale: 'tr' | 'en') {
	const created = await request.post('/api/v1/assessments', {
		data: {
			questionnaire: QUESTIONNAIRE,
			locale,
			answers: {
				...(await completeAnswers(request)),
				company_name: 'Palandöken Mobilya',
				sector: 'C',
				manufacturing_division: 'C31',
				employees: 'e10_49'
			}
		}
	});
	expect(created.status()).toBe(201);
	return ((await created.json()) as { token: string }).token;
}

async function checkAccessibility(page: Page, withJs: boolean) {
	if (!withJs) return;
	const axe = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
	expect(axe.violations, page.url()).toEqual([]);
}

const CASES = [
	{
		locale: 'tr' as const,
		field: 'Yılda şebekeden ne kadar elektrik aldınız?',
		id: 'energy_electricity_kwh',
		// "180,000" on the Turkish page is 180 and a comma decimal.
		typed: '180,000',
		stored: 180,
		echo: '= 180 kWh',
		meant: 'Kastettiğiniz 180.000 kWh olabilir mi?',
		warning: 'rakam 1.000 kat kaymış görünüyor',
		saved: 'Rakamlarınız yazdığınız gibi kaydedildi.',
		save: 'Kaydet ve devam et',
		change: 'Değiştir: Yılda şebekeden ne kadar elektrik aldınız?'
	},
	{
		locale: 'en' as const,
		field: 'If you do not know the kWh of gas: how many cubic metres (Sm³) a year?',
		id: 'energy_gas_sm3',
		// "12.000" on the English page is 12 with three decimals.
		typed: '12.000',
		stored: 12,
		echo: '= 12 Sm³',
		meant: 'Did you mean 12,000 Sm³?',
		warning: 'the figure looks 1,000 times off',
		saved: 'Your figures were saved as you typed them.',
		save: 'Save and continue',
		change: 'Change: If you do not know the kWh of gas: how many cubic metres (Sm³) a year?'
	}
];

for (const example of CASES) {
	test(`a separator slip is caught and explained (${example.locale}) @no-js`, async ({
		page,
		request
	}, testInfo) => {
		test.slow();
		const withJs = testInfo.project.name !== 'no-js';
		const token = await furnitureMaker(request, example.locale);
		await page.goto(`/assessment/${token}/energy-figures?lang=${example.locale}`);
		const field = page.getByRole('textbox', { name: example.field });
		const echo = page.locator(`#q-${example.id}-echo`);

		// The echo follows typing once the page's JavaScript runs; without it, the saved step shows it.
		if (withJs) await waitForHydration(page);
		await field.fill(example.typed);
		if (withJs) {
			// As the user types: the figure the server will store, and what the other style would mean.
			await expect(echo).toHaveText(`${example.echo} · ${example.meant}`);
			await expect(echo).toHaveAttribute('aria-live', 'polite');
			await expect(field).toHaveAttribute('aria-describedby', new RegExp(`q-${example.id}-echo`));
		}
		await page.getByRole('button', { name: example.save }).click();

		// Saved as typed, but the step stays to show why the figure looks wrong and what was probably meant.
		await expect(page.getByRole('status').filter({ hasText: example.saved })).toBeVisible();
		const warning = page.locator(`#q-${example.id}-warning`);
		await expect(warning).toContainText(example.warning);
		await expect(warning).toContainText(example.meant);
		await expect(echo).toContainText(example.echo);
		await checkAccessibility(page, withJs);
		const stored = await (await request.get(`/api/v1/assessments/${token}`)).json();
		expect(stored.answers[example.id]).toBe(example.stored);

		// Saving again keeps the figure and moves on: a warning is not a refusal.
		await page.getByRole('button', { name: example.save }).click();
		await expect(page).toHaveURL(/\/symbiosis-exchange$/);
		await page.goto(`/assessment/${token}/review?lang=${example.locale}`);
		const answer = page.getByRole('definition').filter({ hasText: example.echo.slice(2) });
		await expect(answer).toContainText(example.meant);
		await checkAccessibility(page, withJs);

		// Each answer links back to its question.
		await page.getByRole('link', { name: example.change }).click();
		await expect(page).toHaveURL(new RegExp(`/energy-figures#q-${example.id}$`));
		await expect(page.getByRole('textbox', { name: example.field })).toBeVisible();
	});
}

test('the review page lists the answers by step with working change links', async ({
	page,
	request
}) => {
	const token = await furnitureMaker(request, 'tr');
	await page.goto(`/assessment/${token}/review?lang=tr`);
	await expect(page.getByRole('heading', { name: 'Yanıtlarınız' })).toBeVisible();
	const profile = page.locator('section', {
		has: page.getByRole('heading', { level: 3, name: 'Firma bilgileri' })
	});
	await expect(profile.getByRole('definition').filter({ hasText: '10–49 kişi' })).toBeVisible();
	await profile.getByRole('link', { name: 'Değiştir: Kaç kişi çalışıyor?' }).click();
	await expect(page).toHaveURL(/\/profile#q-employees$/);
	await expect(page.getByRole('radio', { name: '10–49 kişi' })).toBeChecked();
});
