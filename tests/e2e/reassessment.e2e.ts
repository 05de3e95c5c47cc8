import AxeBuilder from '@axe-core/playwright';
import { type Page } from '@playwright/test';
import { createCampaign } from './admin-cli';
import { submitInCampaign } from './api-helpers';
import { expect, test } from './test';

const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

async function expectAccessible(page: Page, enabled: boolean) {
	if (!enabled) return;
	const axe = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
	expect(axe.violations).toEqual([]);
}

test.describe('re-assessing', () => {
	test('keeps one link, shows the history and asks the consent again explicitly @no-js', async ({
		page
	}, testInfo) => {
		test.slow();
		const withJs = testInfo.project.name === 'js';
		const chamber = 'Erzurum Ticaret ve Sanayi Odası';
		const token = await submitInCampaign(page.request, createCampaign(chamber), { consent: true });
		const link = `/assessment/${token}`;

		await page.goto(`${link}/results?lang=tr`);
		await page
			.getByRole('button', { name: 'Bu cevaplardan yeni bir değerlendirme başlat' })
			.click();
		await expect(page).toHaveURL(new RegExp(`${link}/profile$`));
		// The link the firm keeps opens the new draft: every answer is there, so at its review.
		await page.goto(link);
		await expect(page).toHaveURL(new RegExp(`${link}/review$`));

		const choice = page.getByRole('group', {
			name: new RegExp(`${chamber} ile kimlik paylaşımı: yeniden seçin`)
		});
		await expect(
			choice.getByText(
				/^Önceki değerlendirmenizde .+ tarihinde kimliğinizi paylaşmayı kabul ettiniz\.$/
			)
		).toBeVisible();
		const yes = choice.getByRole('radio', { name: /^Evet: firma adımın/ });
		const no = choice.getByRole('radio', { name: /^Hayır: / });
		await expect(yes).not.toBeChecked();
		await expect(no).not.toBeChecked();
		await expect(no).toHaveAttribute('required', '');
		await expectAccessible(page, withJs);
		await no.check();
		await page.getByRole('button', { name: 'Gönder ve sonuçları gör' }).click();
		await expect(page).toHaveURL(new RegExp(`${link}/results$`));

		// The same link shows the new results, with both submissions in the history.
		await page.goto(link);
		await expect(page).toHaveURL(new RegExp(`${link}/results$`));
		const history = page.getByRole('region', { name: 'Değerlendirme geçmişiniz' });
		await expect(history.locator('tbody tr')).toHaveCount(2);
		await expect(history.getByText('(bu sayfadaki sonuçlar)')).toBeVisible();
		await expect(
			page.getByText(/bu değerlendirmeden yalnızca anonim toplu sonuçları görür/)
		).toBeVisible();
		// Declining withdrew the earlier consent, on record.
		await expect(page.getByText(/: onay verildi \(aydınlatma metninin/)).toBeVisible();
		await expect(page.getByText(/: onay geri alındı$/)).toBeVisible();
		await expectAccessible(page, withJs);

		await history.locator('tbody tr').first().getByRole('link').click();
		await expect(page).toHaveURL(new RegExp(`${link}/history/1$`));
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Önceki sonuçlarınız');
		await expect(page.getByText('Bundan sonra daha yeni bir değerlendirme yaptınız')).toBeVisible();
		await expectAccessible(page, withJs);
		await page.getByRole('link', { name: 'En son değerlendirmenizi açın' }).click();
		await expect(page).toHaveURL(new RegExp(`${link}/results$`));
	});

	test('fit a phone: the history and older results do not widen the page', async ({ page }) => {
		test.slow();
		await page.setViewportSize({ width: 390, height: 844 });
		const token = await submitInCampaign(page.request, createCampaign('Oltu TSO'));
		await page.goto(`/assessment/${token}/results?lang=en`);
		await page.getByRole('button', { name: 'Start a new assessment from these answers' }).click();
		await page.goto(`/assessment/${token}/review`);
		await page.getByRole('radio', { name: /^No: / }).check();
		await page.getByRole('button', { name: 'Submit and see the results' }).click();
		await expect(page.getByRole('region', { name: 'Your assessment history' })).toBeVisible();
		for (const path of ['results', 'history/1']) {
			await page.goto(`/assessment/${token}/${path}`);
			const overflow = await page.evaluate(
				() => document.documentElement.scrollWidth - document.documentElement.clientWidth
			);
			expect(overflow, path).toBeLessThanOrEqual(0);
		}
	});
});
