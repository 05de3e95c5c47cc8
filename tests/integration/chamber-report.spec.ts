import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Db } from '$lib/server/db/connect';
import type { Locale } from '$lib/i18n/locales';
import { testDatabases } from '../fixtures/databases';
import { readPdf, squeeze, type ParsedPdf } from '../fixtures/pdf';
import { insertCampaign, insertChamber, insertSubmitted } from '../fixtures/submitted';

// The dashboard service reads the process-wide database; point it at each real database in turn.
let current: Db;
vi.mock('$lib/server/db', () => ({ db: () => current }));
const chambers = await import('$lib/server/db/chambers');
const { questionnaire } = await import('$lib/server/content');
const { chamberDashboard } = await import('$lib/server/chamber/chamber-dashboard');
const { chamberReportModel } = await import('$lib/server/report/chamber-model');
const { renderChamberPdf } = await import('$lib/server/report/chamber-document');

const definition = questionnaire();
const themes = definition.themes.map((theme) => theme.id);
const [first, second, third, fourth] = definition.recommendations.map((item) => item.id);
const titles = (locale: Locale, ...ids: string[]) =>
	ids.map(
		(id) => definition.recommendations.find((item) => item.id === id)!.title[locale] as string
	);

/**
 * A chamber with a target of 40 and one campaign with a target of 10: six firms submitted in March 2026 and six in
 * May, all with the same three priorities but the fourth for the May firms, the six March firms likely in CBAM scope without data.
 */
async function boardChamber(slug: string) {
	const chamberId = await insertChamber(current, slug);
	const campaignId = await insertCampaign(current, chamberId);
	await current
		.updateTable('chamber')
		.set({ target_firms: 40 })
		.where('id', '=', chamberId)
		.execute();
	await current
		.updateTable('campaign')
		.set({ target_firms: 10, name: 'Yeşil Dönüşüm 2026' })
		.where('id', '=', campaignId)
		.execute();
	for (let i = 0; i < 12; i++) {
		const may = i >= 6;
		await insertSubmitted(current, {
			chamberId,
			campaignId,
			sector: 'C',
			sizeClass: 'small',
			province: '59',
			overall: may ? 60 : 40,
			themes: Object.fromEntries(themes.map((theme, t) => [theme, 30 + ((i * 7 + t * 11) % 50)])),
			priorities: may ? [first, second, third, fourth] : [first, second, third],
			...(may ? { cbam: 'none' } : { cbam: 'likely', cbamReadiness: 'none' }),
			submittedAt: `2026-0${may ? 5 : 3}-1${i % 6}T10:00:00.000Z`
		});
	}
	return { chamber: (await chambers.findBySlug(current, slug))!, campaignId };
}

async function boardReport(slug: string, locale: Locale, campaign?: string): Promise<ParsedPdf> {
	const { chamber, campaignId } = await boardChamber(slug);
	const filters = campaign ? { campaignId } : {};
	const dashboard = await chamberDashboard(chamber, filters, locale);
	const query = campaign ? { campaign: campaignId } : {};
	const model = await chamberReportModel(chamber, dashboard, query, locale);
	return readPdf(await renderChamberPdf(model));
}

describe.each(testDatabases())('the board report of a chamber on $name', (target) => {
	beforeAll(async () => {
		current = await target.open();
	});
	afterAll(() => target.close());

	it('opens with a page of key findings in Turkish: participation, mean and trend, needs, CBAM', async () => {
		const pdf = await boardReport('board-tr', 'tr');
		const page = squeeze(pdf.pages[0]);
		for (const line of [
			'Öne çıkan bulgular',
			'Hedefe göre katılım',
			'Tüm kampanyalar: Başlayan 12 firmadan 12 firma gönderdi (tamamlanma: %100). Hedef: 40 firma; ulaşılan: %30.',
			'Ortalama genel puan: 50 / 100.',
			'Gönderim ayına göre ortalama puan: Mart 2026 ayında 40, Mayıs 2026 ayında 60.',
			...titles('tr', first, second, third).map((title) => `12 firma: ${title}`),
			'6 firma SKDM kapsamında ya da büyük olasılıkla kapsamda.',
			'Bunlardan 6 tanesinin emisyon verisi yok.'
		]) {
			expect(page).toContain(squeeze(line));
		}
		// The fourth need and the details are for later pages.
		expect(page).not.toContain(squeeze(titles('tr', fourth)[0]));
		expect(page).not.toContain(squeeze('Kampanyalara göre ilerleme'));
	});

	it('says the same in English, with the filtered campaign’s own progress against its target', async () => {
		const pdf = await boardReport('board-en', 'en', 'campaign');
		const page = squeeze(pdf.pages[0]);
		for (const line of [
			'Key findings',
			'Participation against target',
			'All campaigns: 12 firms have submitted, of 12 that started (100 % completed). Target: 40 firms; 30 % reached.',
			'Yeşil Dönüşüm 2026: 12 firms have submitted, of 12 that started (100 % completed). Target: 10 firms; 120 % reached.',
			'Mean overall score: 50 / 100.',
			'Mean score by month of submission: 40 in March 2026, 60 in May 2026.',
			...titles('en', first, second, third).map((title) => `12 firms: ${title}`),
			'6 firms are in or likely in CBAM scope.',
			'6 of them have no emission data.'
		]) {
			expect(page).toContain(squeeze(line));
		}
	});

	it('follows with participation, trends, needs, supply and demand, then the details, drawing no chart named after the chamber', async () => {
		const pdf = await boardReport('board-order', 'en');
		const rest = squeeze(pdf.pages.slice(1).join('\n'));
		const headings = [
			'Progress and target',
			'Progress by campaign',
			'Trends by month',
			'Needs: what to organise next',
			'Most common priorities',
			'Getting ready for CBAM',
			"Actions on the firms' plans",
			// The symbiosis exchange is offered: its part follows the needs, even before any firm lists.
			'Industrial symbiosis: supply and demand',
			'Details',
			'Summary',
			'Theme scores',
			'Maturity levels',
			'Carbon estimate and CBAM exposure'
		];
		for (const heading of headings) expect(rest).toContain(squeeze(heading));
		const order = headings.map((heading) => rest.indexOf(squeeze(heading)));
		expect(order).toEqual([...order].sort((a, b) => a - b));
		// The report names no firm, and the fourth need (six firms) is among the priorities.
		expect(rest).toContain(squeeze(titles('en', fourth)[0]));

		// One chart of the two months and one of the themes (a bar each); none is a lone bar named after the chamber.
		const figures = pdf.structure.filter((node) => node.role === 'Figure');
		expect(figures).toHaveLength(2);
		for (const { alt } of figures) expect(alt).not.toMatch(/^board-order: [\d.,]+$/);
		const themeTitles = definition.themes.map((theme) => theme.title.en as string);
		expect(figures[0].alt).toBe('March 2026: 6; May 2026: 6');
		expect(figures[1].alt!.split('; ').map((pair) => pair.split(':')[0])).toEqual(themeTitles);
		// Headings keep the outline: the title, then parts and their sections.
		const levels = pdf.structure.filter((node) => /^H\d$/.test(node.role)).map((n) => n.role);
		expect(levels[0]).toBe('H1');
		expect(levels.filter((role) => role === 'H2')).toHaveLength(6);
	});
});
