import AxeBuilder from '@axe-core/playwright';
import { type APIRequestContext, type Page } from '@playwright/test';
import { readPdf } from '../fixtures/pdf';
import { completeAnswers, QUESTIONNAIRE } from './api-helpers';
import { answerAllSteps, startAssessment } from './assessment-helpers';
import { expect, test } from './test';

/**
 * The three firms a domain reviewer read the advice as, before a chamber sends the link to its members. Each must get
 * a results page and a PDF whose statements are right for it: its own sector's questions and no other's, a CBAM
 * screen that fits its trade, priorities in the order the work has to be done, each saying why, and support
 * programmes named as what they are.
 */

const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** KOSGEB's green industry programme is repayable and its only call closed on 30 November 2024 (DOMAIN.md). */
const KOSGEB = 'KOSGEB Yeşil Sanayi Destek Programı';
const KOSGEB_STATUS = 'Geri ödemeli destek · Çağrı kapandı (30 Kasım 2024)';

/** Recommendation titles that belong to one kind of firm only. */
const ADVICE = {
	woodResidue: 'Boyasız talaş ve kırpıntıyı ayırıp yakıt ya da briket olarak değerlendirin',
	coatings: 'Su bazlı ya da düşük çözücülü boyalara geçin',
	eudr: 'Ahşap ve deri hammaddenizin menşeini EUDR için belgeleyin',
	metalScrap: 'Hurdayı alaşıma göre ayırın ve miktarını izleyin',
	processHeat: 'Fırınlarınızda ton başına yakıtı izleyin ve yanma ayarı yaptırın',
	organicWaste: 'Organik atıklarınızı yem, kompost ya da biyogaz için değerlendirin',
	refrigerants: 'Soğutma sistemlerinde düzenli kaçak kontrolü yaptırın ve dolumları kaydedin',
	cbamAwareness: "SKDM'nin sizi nasıl etkilediğini öğrenin",
	cbamData: 'Ürün başına doğrulanmış gömülü emisyon verisi hazırlayın'
};

/** A firm's answers submitted through the JSON API: the weakest answer wherever the persona says nothing else. */
async function submitFirm(
	request: APIRequestContext,
	answers: Record<string, unknown>
): Promise<string> {
	const created = await request.post('/api/v1/assessments', {
		data: {
			questionnaire: QUESTIONNAIRE,
			locale: 'tr',
			// No inventory, so no base year either: the persona's answers must hang together.
			answers: { ...(await completeAnswers(request)), co2_base_year: false, ...answers }
		}
	});
	expect(created.status()).toBe(201);
	const { token } = (await created.json()) as { token: string };
	const submitted = await request.post(`/api/v1/assessments/${token}/submit`, { data: {} });
	expect(submitted.status()).toBe(200);
	return token;
}

/**
 * Opens every theme of the results, as a reader looking for a theme's advice does: they are closed at first, their
 * cards out of sight until then.
 */
async function openThemes(page: Page) {
	const closed = page.locator('details.theme:not([open]) > summary');
	// The first closed one each time: opening one shortens the list.
	while ((await closed.count()) > 0) await closed.first().click();
}

/** The report's text, every page joined, with line breaks and runs of spaces made single spaces. */
async function reportText(request: APIRequestContext, token: string): Promise<string> {
	const response = await request.get(`/assessment/${token}/report.pdf?lang=tr`);
	expect(response.status()).toBe(200);
	const pdf = await readPdf(new Uint8Array(await response.body()));
	return pdf.pages.join(' ').replace(/\s+/g, ' ');
}

/** The ids of the submitted result's recommendations, highest priority first. */
async function rankedIds(request: APIRequestContext, token: string): Promise<string[]> {
	const body = await (await request.get(`/api/v1/assessments/${token}`)).json();
	return body.results.recommendations.map((item: { id: string }) => item.id);
}

/** What every firm's results page must say, whoever it is. */
async function expectSoundAdvice(page: Page) {
	const priorities = page.locator('li.priority');
	await expect(priorities).toHaveCount(3);
	for (const card of await priorities.all()) await expect(card).toContainText('Çünkü:');
	const kosgebLinks = page.locator('li', { has: page.getByRole('link', { name: KOSGEB }) });
	for (const link of await kosgebLinks.all()) await expect(link).toContainText(KOSGEB_STATUS);
	// Wherever advice mentions the programme, it is not called a grant.
	for (const paragraph of await page.locator('main p', { hasText: 'KOSGEB' }).all())
		expect(await paragraph.innerText()).not.toMatch(/hibe/i);
}

function expectOrdered(ids: string[], first: string, then: string) {
	if (ids.includes(first) && ids.includes(then)) {
		expect(ids.indexOf(first), `${first} before ${then}`).toBeLessThan(ids.indexOf(then));
	}
}

const exposure = (page: Page) => page.locator('[data-finding="exposure"]');
const readiness = (page: Page) => page.locator('[data-finding="readiness"]');

test.describe('an Erzurum furniture maker with 25 employees, on a phone', () => {
	test.use({ viewport: { width: 390, height: 844 } });

	const ANSWERS: [question: string, answer: string][] = [
		['Firma adı', 'Palandöken Mobilya Ltd.'],
		['Ana faaliyet alanınız', 'İmalat'],
		['İmalatta hangi alandasınız', '31 Mobilya'],
		['Kaç kişi çalışıyor?', '10–49 kişi'],
		['Yıllık net satış hasılatı', "10 milyon TL'ye kadar"],
		['Üretim ya da faaliyet yaptığınız il', 'Erzurum'],
		['Cironuzun ne kadarı ihracattan geliyor?', "%10'dan az"],
		['AB ülkelerine ihracat yapıyor musunuz?', 'Evet'],
		['SKDM (CBAM) listesindeki ürünlerden', 'Hayır'],
		['Emisyonlarınız için bir baz yıl belirlediniz mi?', 'Hayır'],
		['Yılda şebekeden ne kadar elektrik aldınız?', '100.000'],
		['Yılda kaç kilogram odun, talaş, pelet ya da briket yaktınız?', '40.000']
	];
	const pick = (text: string) => ANSWERS.find(([question]) => text.startsWith(question))?.[1];

	test('gets wood-sector advice, no CBAM alarm and its sawdust’s biogenic CO₂ apart', async ({
		page,
		request
	}) => {
		test.slow();
		await startAssessment(page, 'tr');
		await answerAllSteps(page, pick);
		await page.getByRole('button', { name: 'Gönder ve sonuçları gör' }).click();
		await expect(page).toHaveURL(/\/results$/);
		const token = page.url().match(/assessment\/([^/]+)\/results/)![1];

		// Furniture is not a CBAM good: the screen says so, and nothing asks the firm to prepare CBAM data.
		await expect(exposure(page)).toContainText('Etkilenmiyorsunuz');
		await expect(readiness(page)).toHaveCount(0);
		await expect(page.getByText(ADVICE.cbamAwareness)).toHaveCount(0);
		await expect(page.getByText(ADVICE.cbamData)).toHaveCount(0);

		// The wood questions were asked (the reason quotes them) and their advice is there; no other sector's is.
		await expect(
			page.getByText('Çünkü: «Talaş, toz ve ahşap kırpıntılarınızı nasıl değerlendiriyorsunuz?»', {
				exact: false
			})
		).not.toHaveCount(0);
		await openThemes(page);
		for (const title of [ADVICE.woodResidue, ADVICE.coatings, ADVICE.eudr])
			await expect(page.getByRole('heading', { name: title }).first()).toBeVisible();
		for (const title of [ADVICE.metalScrap, ADVICE.organicWaste, ADVICE.refrigerants])
			await expect(page.getByText(title)).toHaveCount(0);

		// 100,000 kWh × 0.439 = 43.9 t; 40 t of sawdust adds 1.19 t (CH₄ and N₂O) and 69.9 t of biogenic CO₂ apart.
		const carbon = page.locator('#carbon-title').locator('..');
		await expect(carbon).toContainText('45,1 t CO₂e');
		await expect(carbon).toContainText('Biyojenik CO₂ (toplama dahil değil)');
		await expect(carbon).toContainText('69,9 t CO₂');
		await expectSoundAdvice(page);
		expectOrdered(await rankedIds(request, token), 'rec_co2_inventory', 'rec_co2_target');
		// Advice follows the firm's region: its own development agency, nothing meant for Trakya.
		await expect(page.getByText('Kuzeydoğu Anadolu Kalkınma Ajansı').first()).toBeVisible();
		await expect(page.locator('main')).not.toContainText('Trakya');
		const axe = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
		expect(axe.violations).toEqual([]);

		const report = await reportText(request, token);
		for (const line of [
			'Palandöken Mobilya Ltd.',
			'Etkilenmiyorsunuz',
			'Biyojenik CO₂ (toplama dahil değil)',
			ADVICE.woodResidue,
			ADVICE.eudr,
			'Çünkü:',
			'Kuzeydoğu Anadolu Kalkınma Ajansı'
		])
			expect(report).toContain(line);
		for (const line of [ADVICE.cbamAwareness, ADVICE.metalScrap, 'Veri hazırlığı', 'Trakya'])
			expect(report).not.toContain(line);
		if (report.includes(KOSGEB)) expect(report).toContain(KOSGEB_STATUS);
	});
});

test('a Tekirdağ steel-bolt exporter is in CBAM scope with no data, and is told what it costs and when', async ({
	page,
	request
}) => {
	const token = await submitFirm(request, {
		company_name: 'Ergene Cıvata San. A.Ş.',
		sector: 'C',
		manufacturing_division: 'C25',
		employees: 'e50_249',
		turnover: 't_1b',
		province: '59',
		export_share: 'over50',
		exports_eu: true,
		cbam_goods: 'yes',
		cbam_route: 'direct',
		cbam_sectors: ['iron_steel'],
		cbam_tonnage: 'over50',
		mkt_cbam_data: 'none',
		energy_electricity_kwh: 1_200_000,
		energy_gas_kwh: 800_000
	});
	await page.goto(`/assessment/${token}/results?lang=tr`);

	await expect(exposure(page)).toContainText('Kapsamda');
	await expect(exposure(page)).toContainText('yalnız sizin ürününüzle muafiyet eşiğini aşıyor');
	await expect(readiness(page)).toContainText('Veri yok');
	// Without verified data the importer pays on default values with a mark-up: 10 % in 2026.
	await expect(readiness(page)).toContainText("2026'da %10");
	const cbam = page.locator('#cbam-title').locator('..');
	await expect(cbam).toContainText('Önemli tarihler');
	await expect(cbam).toContainText('2026 ithalatı için ilk yıllık SKDM beyanı');
	await expect(cbam).toContainText('öneri');
	await openThemes(page);
	for (const title of [ADVICE.metalScrap, ADVICE.processHeat, ADVICE.cbamData])
		await expect(page.getByRole('heading', { name: title }).first()).toBeVisible();
	for (const title of [ADVICE.woodResidue, ADVICE.eudr, ADVICE.organicWaste])
		await expect(page.getByText(title)).toHaveCount(0);
	await expectSoundAdvice(page);
	expectOrdered(await rankedIds(request, token), 'rec_co2_inventory', 'rec_co2_target');

	const report = await reportText(request, token);
	for (const line of [
		'Ergene Cıvata San. A.Ş.',
		'Kapsamda',
		'Veri yok',
		'Önemli tarihler',
		ADVICE.metalScrap,
		ADVICE.cbamData
	])
		expect(report).toContain(line);
	for (const line of [ADVICE.woodResidue, ADVICE.organicWaste]) expect(report).not.toContain(line);
});

test('a Kırklareli food producer without exports gets food advice and no EU-market score', async ({
	page,
	request
}) => {
	const token = await submitFirm(request, {
		company_name: 'Istranca Gıda Ltd.',
		sector: 'C',
		manufacturing_division: 'C10',
		employees: 'e10_49',
		turnover: 't_100m',
		province: '39',
		export_share: 'none',
		cbam_goods: 'no'
	});
	await page.goto(`/assessment/${token}/results?lang=tr`);

	await expect(exposure(page)).toContainText('Etkilenmiyorsunuz');
	await expect(readiness(page)).toHaveCount(0);
	// The EU-market questions were not asked, so that theme has no score rather than a low one.
	const market = page.getByRole('row', { name: /AB pazarına hazırlık/ });
	await expect(market.first()).toContainText('Sizin için geçerli değil');
	await openThemes(page);
	for (const title of [ADVICE.organicWaste, ADVICE.refrigerants])
		await expect(page.getByRole('heading', { name: title }).first()).toBeVisible();
	for (const title of [
		ADVICE.woodResidue,
		ADVICE.metalScrap,
		ADVICE.eudr,
		ADVICE.cbamAwareness,
		ADVICE.cbamData
	])
		await expect(page.getByText(title)).toHaveCount(0);
	await expectSoundAdvice(page);
	expectOrdered(await rankedIds(request, token), 'rec_co2_inventory', 'rec_co2_target');

	const report = await reportText(request, token);
	await expect(page.getByText('Trakya Kalkınma Ajansı').first()).toBeVisible();
	for (const line of ['Istranca Gıda Ltd.', 'Etkilenmiyorsunuz', ADVICE.organicWaste, 'Çünkü:'])
		expect(report).toContain(line);
	for (const line of [ADVICE.woodResidue, ADVICE.eudr, 'Veri hazırlığı'])
		expect(report).not.toContain(line);
});
