import { type APIRequestContext, type Page } from '@playwright/test';
import { QUESTIONNAIRE } from './api-helpers';
import { waitForHydration } from './assessment-helpers';
import { expect, test } from './test';

/**
 * On a slow phone the form is on screen seconds before its script: a person who answers meanwhile must find their
 * answers still there once the script has taken over, not the ones the page was drawn with.
 */

/** Holds back the page's scripts until the returned function is called. */
async function holdScripts(page: Page): Promise<() => void> {
	let release!: () => void;
	const released = new Promise<void>((resolve) => (release = resolve));
	await page.route('**/_app/immutable/**/*.js', async (route) => {
		await released;
		await route.continue();
	});
	return release;
}

async function newAssessment(request: APIRequestContext): Promise<string> {
	const created = await request.post('/api/v1/assessments', {
		data: { questionnaire: QUESTIONNAIRE, locale: 'en', answers: {} }
	});
	expect(created.status()).toBe(201);
	return ((await created.json()) as { token: string }).token;
}

test('answers given before the script arrives survive its taking over', async ({
	page,
	request
}) => {
	const token = await newAssessment(request);
	const release = await holdScripts(page);
	await page.goto(`/assessment/${token}/profile`, { waitUntil: 'domcontentloaded' });

	const name = page.getByLabel('Company name');
	const activity = page.getByRole('combobox', { name: 'Your main activity' });
	const province = page.getByRole('combobox', { name: 'Province where you produce' });
	const size = page.getByRole('radio', { name: '10–49 people' });
	await name.fill('Kırklareli Süt Ürünleri');
	await activity.selectOption('C');
	await province.selectOption({ label: 'Kırklareli' });
	await size.check();

	release();
	await waitForHydration(page);
	await expect(name).toHaveValue('Kırklareli Süt Ürünleri');
	await expect(activity).toHaveValue('C');
	await expect(province).toHaveValue('39');
	await expect(size).toBeChecked();
});

test('a figure typed before the script arrives is echoed once it takes over', async ({
	page,
	request
}) => {
	const token = await newAssessment(request);
	const release = await holdScripts(page);
	await page.goto(`/assessment/${token}/energy-figures?lang=en`, {
		waitUntil: 'domcontentloaded'
	});
	const electricity = page.locator('#q-energy_electricity_kwh-input');
	await electricity.fill('1500');

	release();
	await waitForHydration(page);
	await expect(electricity).toHaveValue('1500');
	await expect(page.locator('#q-energy_electricity_kwh-echo')).toHaveText('= 1,500 kWh');
});
