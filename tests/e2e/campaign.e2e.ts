import AxeBuilder from '@axe-core/playwright';
import { createCampaign } from './admin-cli';
import { answerAllSteps } from './assessment-helpers';
import { completeAnswers, QUESTIONNAIRE } from './api-helpers';
import { expect, test } from './test';

const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

test.describe('a chamber campaign', () => {
	test('starts an assessment for the chamber and asks, unticked, to share identity @no-js', async ({
		page
	}, testInfo) => {
		// Answers every step of the questionnaire in the browser: slow on a busy machine.
		test.slow();
		const code = createCampaign('Tekirdağ Ticaret ve Sanayi Odası');
		await page.goto(`/c/${code}?lang=tr`);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Yeşil Dönüşüm 2026');
		await expect(page.getByText('Tekirdağ Ticaret ve Sanayi Odası davet ediyor')).toBeVisible();
		await expect(page.getByRole('heading', { name: 'Neyi görmez' })).toBeVisible();
		// A page to read and one plain form: a member's phone gets no script for it.
		await expect(page.locator('script')).toHaveCount(0);
		if (testInfo.project.name === 'js') {
			const axe = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
			expect(axe.violations).toEqual([]);
		}
		await page.getByRole('button', { name: 'Değerlendirmeye başla' }).click();
		await expect(page).toHaveURL(/\/assessment\/[A-Za-z0-9_-]{43}\/profile$/);
		await answerAllSteps(page);

		const consent = page.getByRole('checkbox', {
			name: /Tekirdağ Ticaret ve Sanayi Odası ile paylaşılmasına açık rıza veriyorum/
		});
		await expect(consent).not.toBeChecked();
		await consent.check();
		await page.getByRole('button', { name: 'Gönder ve sonuçları gör' }).click();
		await expect(page).toHaveURL(/\/results$/);
		await expect(page.getByText(/firma adınızı ve iletişim bilgilerinizi Tekirdağ/)).toBeVisible();

		await page.getByRole('button', { name: 'Onayımı geri al' }).click();
		await expect(
			page.getByText(/Tekirdağ Ticaret ve Sanayi Odası bu değerlendirmeden yalnızca anonim/)
		).toBeVisible();
		// The withdrawal keeps the record of both.
		await expect(page.getByText(/: onay verildi \(aydınlatma metninin/)).toBeVisible();
		await expect(page.getByText(/: onay geri alındı$/)).toBeVisible();
		const token = /\/assessment\/([^/]+)\//.exec(page.url())![1];
		const data = await (await page.request.get(`/assessment/${token}/data.json`)).json();
		expect(data.consentToShareIdentity).toBe(false);
		expect(data.consentHistory.map((event: { kind: string }) => event.kind)).toEqual([
			'given',
			'withdrawn'
		]);
	});

	test('leaves identity unshared unless the box is ticked', async ({ page }) => {
		// Answers every step of the questionnaire in the browser: slow on a busy machine.
		test.slow();
		const code = createCampaign('Çerkezköy TSO');
		await page.goto(`/c/${code}?lang=en`);
		await page.getByRole('button', { name: 'Start the assessment' }).click();
		await answerAllSteps(page);
		await page.getByRole('button', { name: 'Submit and see the results' }).click();
		await expect(
			page.getByText('Çerkezköy TSO sees only anonymous aggregate results from this assessment')
		).toBeVisible();
	});

	test('a draft whose campaign closed before submission counts for nobody, and the firm is told @no-js', async ({
		page
	}, testInfo) => {
		// Long enough for the shell command and the start on a busy machine; then the test waits for the closing.
		test.setTimeout(120_000);
		const closes = new Date(Date.now() + 30_000);
		const code = createCampaign('Lüleburgaz TSO', { closes: closes.toISOString() });
		const started = await page.request.post('/api/v1/assessments', {
			data: {
				questionnaire: QUESTIONNAIRE,
				locale: 'en',
				campaign: code,
				answers: await completeAnswers(page.request)
			}
		});
		expect(started.status()).toBe(201);
		const { token } = await started.json();
		await page.waitForTimeout(Math.max(0, closes.getTime() - Date.now() + 500));

		await page.goto(`/assessment/${token}/review?lang=en`);
		await expect(
			page.getByText(/Lüleburgaz TSO, in which you started this assessment, closed on/)
		).toBeVisible();
		// No consent to give (the only box left is the e-mail reminder's, beside the resume link).
		await expect(page.getByRole('checkbox')).toHaveCount(1);
		await expect(page.getByRole('checkbox')).toHaveAccessibleName(/Remind me if I don't finish/);
		if (testInfo.project.name === 'js') {
			const axe = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
			expect(axe.violations).toEqual([]);
		}
		await page.getByRole('button', { name: 'Submit and see the results' }).click();
		await expect(page).toHaveURL(/\/results$/);
		await expect(
			page.getByText(/so it does not count for Lüleburgaz TSO and nothing was shared with it/)
		).toBeVisible();
		await expect(page.getByRole('heading', { name: 'Sharing with Lüleburgaz TSO' })).toHaveCount(0);
	});

	test('a closed or not yet open campaign says so and starts nothing', async ({ page }) => {
		const closed = createCampaign('Keşan TSO', { opens: '2025-01-01', closes: '2025-03-01' });
		await page.goto(`/c/${closed}?lang=en`);
		await expect(page.getByText(/This campaign ended on 1 March 2025/)).toBeVisible();
		await expect(page.getByRole('button', { name: 'Start the assessment' })).toHaveCount(0);

		const later = createCampaign('Keşan TSO', { opens: '2099-01-01' });
		await page.goto(`/c/${later}?lang=tr`);
		await expect(page.getByText(/Bu kampanya 1 Ocak 2099 tarihinde başlayacak/)).toBeVisible();
		await expect(page.getByRole('button', { name: 'Değerlendirmeye başla' })).toHaveCount(0);
	});

	test('an unknown campaign link is a 404 that says what happened', async ({ page }) => {
		const response = await page.goto('/c/AAAAAAAAAAAAAAAAAAAAAA?lang=en');
		expect(response?.status()).toBe(404);
		await expect(
			page.getByText('This campaign link is not known.', { exact: false })
		).toBeVisible();
	});

	test('the API attributes an assessment to an open campaign only', async ({ request }) => {
		const open = createCampaign('Kırklareli TSO');
		const closed = createCampaign('Kırklareli TSO', { opens: '2025-01-01', closes: '2025-02-01' });
		const create = (campaign: string) =>
			request.post('/api/v1/assessments?lang=en', {
				data: { questionnaire: 'green-deal-readiness', locale: 'tr', campaign }
			});
		const started = await create(open);
		expect(started.status()).toBe(201);
		const { token } = await started.json();
		const badConsent = await request.post(`/api/v1/assessments/${token}/submit?lang=en`, {
			data: { consentShareIdentity: 'yes' }
		});
		expect(badConsent.status()).toBe(400);
		expect((await badConsent.json()).error.issues[0].path).toBe('consentShareIdentity');
		const refused = await create(closed);
		expect(refused.status()).toBe(409);
		expect((await refused.json()).error.code).toBe('campaign_closed');
		const unknown = await create('not-a-campaign');
		expect(unknown.status()).toBe(404);
		expect((await unknown.json()).error).toMatchObject({
			code: 'campaign_not_found',
			message: 'This campaign code is not known, or it is not a campaign of this questionnaire.'
		});
	});
});
