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
	// The box beside the resume link, in the layout around the form.
	const remind = page.getByLabel(/Remind me if I don't finish/);
	await name.fill('Kırklareli Süt Ürünleri');
	await activity.selectOption('C');
	await province.selectOption({ label: 'Kırklareli' });
	await size.check();
	await remind.check();

	release();
	await waitForHydration(page);
	await expect(name).toHaveValue('Kırklareli Süt Ürünleri');
	await expect(activity).toHaveValue('C');
	await expect(province).toHaveValue('39');
	await expect(size).toBeChecked();
	await expect(remind).toBeChecked();
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

test('a listing chosen before the script arrives survives it, and removing a row keeps the others', async ({
	page,
	request
}) => {
	const token = await newAssessment(request);
	const release = await holdScripts(page);
	await page.goto(`/assessment/${token}/symbiosis-exchange?lang=en`, {
		waitUntil: 'domcontentloaded'
	});
	const offer = (number: number) => page.getByRole('group', { name: `Offer ${number}` });
	const consent = page.getByLabel(/My chamber may introduce me/);
	await offer(1).getByLabel('Category').selectOption('wood');
	await consent.check();

	release();
	await waitForHydration(page);
	await expect(offer(1).getByLabel('Category')).toHaveValue('wood');
	await expect(consent).toBeChecked();

	// Each row keeps its own choices when the one above it goes.
	await page.getByRole('button', { name: 'Add an offer' }).click();
	await offer(2).getByLabel('Category').selectOption('metal');
	await offer(2)
		.getByLabel(/quantity/i)
		.fill('3');
	await page.getByRole('button', { name: 'Remove offer 1' }).click();
	await expect(offer(2)).toHaveCount(0);
	await expect(offer(1).getByLabel('Category')).toHaveValue('metal');
	await expect(offer(1).getByLabel(/quantity/i)).toHaveValue('3');
	await expect(consent).toBeChecked();
});
