import AxeBuilder from '@axe-core/playwright';
import { type Page } from '@playwright/test';
import { answerStep, startAssessment } from './assessment-helpers';
import { expect, test } from './test';

const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** A steel-bolt maker exporting to the EU, with a year of bills at hand (figures hand-computed in carbon.spec.ts). */
const ANSWERS: [question: string, answer: string][] = [
	['Kaç kişi çalışıyor?', '10–49 kişi'],
	['Cironuzun ne kadarı ihracattan geliyor?', "%50'den fazla"],
	['AB ülkelerine ihracat yapıyor musunuz?', 'Evet'],
	['SKDM (CBAM) listesindeki ürünlerden', 'Evet'],
	["Bu ürünler AB'ye nasıl ulaşıyor?", "Doğrudan: AB'li alıcılara satıyoruz"],
	['Bu ürünler hangi SKDM sektörlerinde?', 'Demir ve çelik'],
	["En büyük AB'li müşteriniz", '50 ton ya da daha fazla'],
	['Müşterinize ürün başına hangi gömülü emisyon verisini', 'Veri veremiyoruz'],
	['Elektrik tedarikçiniz kendi emisyon faktörünü bildiriyorsa', '0,35'],
	['Yılda ne kadar doğal gaz kullandınız (kWh)?', '80.000'],
	['Şirket araçları yılda kaç litre motorin yaktı?', '4.000']
];
const pick = (text: string) => ANSWERS.find(([question]) => text.startsWith(question))?.[1];

async function saveAndContinue(page: Page) {
	const before = page.url();
	await page.getByRole('button', { name: /^Kaydet ve (devam et|gözden geçir)$/ }).click();
	await page.waitForURL((url) => url.href !== before);
}

test('an exporter of steel goods enters its energy use and sees its emissions and CBAM exposure @no-js', async ({
	page
}, testInfo) => {
	// Answers every step of the questionnaire in the browser: slow on a busy machine.
	test.slow();
	const withJs = testInfo.project.name !== 'no-js';
	const checkAccessibility = async () => {
		if (!withJs) return;
		const axe = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
		expect(axe.violations, page.url()).toEqual([]);
	};
	await startAssessment(page, 'tr');
	for (let guard = 0; guard < 20 && !page.url().endsWith('/energy-figures'); guard++) {
		await answerStep(page, pick);
		await saveAndContinue(page);
	}
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Enerji, su ve atık rakamları');
	// Head count is not asked again: the profile's band stands for it, and the page says so.
	await expect(page.getByText('Çalışan sayısı profilinizden: 10–49 kişi.')).toBeVisible();
	await checkAccessibility();

	// A slip of the keyboard: refused with the reason beside the field, and nothing typed is lost.
	const electricity = page.getByRole('textbox', {
		name: 'Yılda şebekeden ne kadar elektrik aldınız?'
	});
	await electricity.fill('-250.000');
	await answerStep(page, pick);
	await page.getByRole('button', { name: 'Kaydet ve devam et' }).click();
	await expect(page.getByRole('alert')).toContainText('En az 0 olmalı.');
	await expect(electricity).toHaveValue('-250.000');
	await expect(
		page.getByRole('textbox', { name: 'Şirket araçları yılda kaç litre motorin yaktı?' })
	).toHaveValue('4.000');

	await electricity.fill('250.000');
	await page.getByRole('button', { name: 'Kaydet ve devam et' }).click();
	// The optional symbiosis step comes after the figures; left empty, it lists nothing.
	await expect(page).toHaveURL(/\/symbiosis-exchange$/);
	await page.getByRole('button', { name: 'Kaydet ve gözden geçir' }).click();
	await expect(page).toHaveURL(/\/review$/);
	await page.getByRole('button', { name: 'Gönder ve sonuçları gör' }).click();
	await expect(page).toHaveURL(/\/results$/);

	const carbon = page.locator('section', {
		has: page.getByRole('heading', { name: 'Karbon ayak izi tahmini (Kapsam 1 ve 2)' })
	});
	await expect(carbon).toContainText('Toplam tahmini emisyon');
	await expect(carbon).toContainText('135,2 t CO₂e');
	await expect(carbon).toContainText('25,4 t CO₂e');
	await expect(carbon).toContainText('109,8 t CO₂e');
	await expect(carbon).toContainText('Çalışan başına 4,51 t CO₂e');
	// Which electricity factor was used, and why: the grid average per gross generation, the supplier's for market-based.
	await expect(carbon).toContainText(
		"ETKB'nin brüt elektrik üretimi başına Türkiye ortalamasıyla (0,439 kg CO₂e/kWh)"
	);
	await expect(carbon).toContainText(
		'Tedarikçinizin bildirdiği 0,35 kg CO₂e/kWh faktörüyle Kapsam 2 yaklaşık 87,5 t CO₂e olur'
	);
	await expect(carbon.getByRole('row', { name: /Şebekeden alınan elektrik/ })).toContainText(
		'250.000 kWh'
	);
	await expect(carbon).toContainText('doğrulanmış bir sera gazı envanteri değildir');
	if (withJs) {
		// Chart.js is downloaded when a chart comes near the screen.
		await carbon.locator('.chart').scrollIntoViewIfNeeded();
		await expect(
			page.getByRole('img', { name: /Kaynaklara göre tahmini emisyonlar/ })
		).toBeVisible();
	}

	const cbam = page.locator('section', {
		has: page.getByRole('heading', { name: /SKDM .* taraması/ })
	});
	// Exposure and data readiness apart, each with the answer behind it, and the dates that matter.
	const exposure = cbam.locator('[data-finding="exposure"]');
	await expect(exposure).toContainText('Maruziyet');
	await expect(exposure).toContainText('Kapsamda');
	await expect(exposure).toContainText('yılda 50 ton ya da daha fazla alıyor');
	const readiness = cbam.locator('[data-finding="readiness"]');
	await expect(readiness).toContainText('Veri hazırlığı');
	await expect(readiness).toContainText('Veri yok');
	await expect(readiness).toContainText('Gömülü emisyon verisi veremediğinizi belirttiniz.');
	const dates = cbam.getByRole('definition');
	await expect(cbam.getByRole('term').filter({ hasText: '30 Eylül 2027' })).toBeVisible();
	await expect(dates.filter({ hasText: 'Bu bir öneridir' })).toBeVisible();
	await expect(cbam.getByRole('link', { name: /SKDM sadeleştirmesi/ }).first()).toBeVisible();
	await checkAccessibility();
});
