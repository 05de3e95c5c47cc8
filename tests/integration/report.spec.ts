import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Db } from '$lib/server/db/connect';
import { CBAM_ACTION_RESOURCES } from '$lib/carbon/cbam';
import { formatNumber } from '$lib/i18n/format';
import type { Locale } from '$lib/i18n/locales';
import type { Answers } from '$lib/questionnaire/visibility';
import { randomAnswers, seededRandom } from '../fixtures/answers';
import { testDatabases } from '../fixtures/databases';
import { readPdf, squeeze, type ParsedPdf } from '../fixtures/pdf';

// The service and the route read the process-wide database; point it at a real, fresh SQLite file.
let current: Db;
vi.mock('$lib/server/db', () => ({ db: () => current }));
const service = await import('$lib/server/assessment/assessment-service');
const chambers = await import('$lib/server/db/chambers');
const { catalogue, questionnaire } = await import('$lib/server/content');
const { reportModel } = await import('$lib/server/report/model');
const { firmPlace, recommendationLinks, resourceLinks } =
	await import('$lib/server/assessment/resource-links');
const { renderReport, closeReportWorkers } = await import('$lib/server/report');
const { GET } = await import('../../src/routes/assessment/[token=token]/report.pdf/+server');

type RouteEvent = Parameters<typeof GET>[0];
const get = (token: string, query = '') =>
	GET({
		params: { token },
		url: new URL(`http://localhost/assessment/${token}/report.pdf${query}`)
	} as unknown as RouteEvent);

async function submitted(answers: Answers, locale: Locale = 'tr', chamberId?: string) {
	const token = await service.start({ locale, chamberId });
	await service.saveAnswers((await service.open(token))!, answers);
	const outcome = await service.submit((await service.open(token))!);
	if (!outcome.ok) throw new Error(`missing ${outcome.missing.join(', ')}`);
	return { token, opened: (await service.open(token))! };
}

async function report(answers: Answers, locale: Locale): Promise<ParsedPdf> {
	const { opened } = await submitted(answers);
	return readPdf(await renderReport(await reportModel(opened, locale)));
}

const definition = questionnaire();
const company = 'Öz Çağ İplik Işıklı Ürün ŞİRKETİ';
// An EU exporter, so that every theme applies and the report has a page with a score for each.
const answers = {
	...randomAnswers(definition, seededRandom(42)),
	company_name: company,
	export_share: 'over50',
	exports_eu: true
};
/** The same answers with the optional energy step left empty. */
const withoutEnergy = Object.fromEntries(
	Object.entries(answers).filter(([id]) => !id.startsWith('energy_'))
);

describe('the PDF report', () => {
	const [sqlite] = testDatabases();
	beforeAll(async () => {
		current = await sqlite.open();
	});
	afterAll(async () => {
		await closeReportWorkers();
		await sqlite.close();
	});

	it('prints the results page’s numbers, the company and every section in Turkish', async () => {
		const { opened } = await submitted(answers);
		const result = opened.assessment.result!;
		const pdf = await readPdf(await renderReport(await reportModel(opened, 'tr')));
		const all = pdf.pages.join('\n');
		const score = (value: number) => formatNumber('tr', value, { maximumFractionDigits: 1 });

		expect(pdf.pages.length).toBeGreaterThanOrEqual(2 + definition.themes.length + 1);
		// The VSME data sheet and its notes take up to two pages of their own.
		expect(pdf.pages.length).toBeLessThanOrEqual(22);
		expect(pdf.title).toBe(`Yeşil Mutabakat Hazırlık Raporu: ${company}`);
		expect(pdf.language).toBe('tr');
		expect(pdf.pages[0]).toContain('Yeşil Mutabakat Hazırlık Raporu');
		expect(pdf.pages[0]).toContain(company);
		expect(pdf.pages[1]).toContain('Özet');
		expect(pdf.pages[1]).toContain(`${score(result.overall)} / 100`);
		for (const theme of result.themes) {
			const title = definition.themes.find((candidate) => candidate.id === theme.id)!.title.tr;
			expect(squeeze(pdf.pages[1])).toContain(squeeze(`${title} ${score(theme.score!)}`));
			expect(all).toContain(`Tema puanı: ${score(theme.score!)} / 100`);
		}
		for (const title of ['Cevaplarınız kısaca', 'Bu tema için öneriler']) {
			expect(all.split(title).length - 1).toBe(definition.themes.length);
		}
		// The summary is one page, priorities included.
		expect(pdf.pages[1]).toContain('Önce yapılacak üç iş');
		for (const item of result.recommendations.slice(0, 3)) {
			const title = definition.recommendations.find((r) => r.id === item.id)!.title.tr;
			expect(squeeze(pdf.pages[1])).toContain(squeeze(title));
		}
		expect(pdf.pages.at(-1)).toContain('Ek: Puanlar nasıl hesaplanır');
		expect(pdf.pages[0]).toContain(`Sayfa 1 / ${pdf.pages.length}`);
		expect(pdf.pages.at(-1)).toContain(`Sayfa ${pdf.pages.length} / ${pdf.pages.length}`);

		// Every recommendation's and CBAM action's resources for this firm (its province's and national ones, as
		// matched for the results page) are there as links to the catalogue's addresses, with the sources of the
		// emission factors used; a resource named without a link (an unverified address) adds none.
		const firm = firmPlace(opened);
		const resourceUrls = [
			...result.recommendations.flatMap((item) =>
				recommendationLinks(item.resources, item.theme, firm, 'tr')
			),
			...(result.cbam?.actions ?? []).flatMap((action) =>
				resourceLinks(CBAM_ACTION_RESOURCES[action], firm, 'tr')
			)
		].flatMap((link) => link.url ?? []);
		const factorSources = (result.carbon?.sources ?? []).map(
			(source) => catalogue().emissionFactors!.sources.find((f) => f.id === source.id)!.source.url
		);
		const expected = [...resourceUrls, ...factorSources];
		expect(expected.length).toBeGreaterThan(0);
		expect(new Set(pdf.links)).toEqual(new Set(expected));
	});

	it('prints the carbon estimate and the CBAM screen with the results page’s figures', async () => {
		const pdf = await report(
			{
				...withoutEnergy,
				export_share: 'over50',
				exports_eu: true,
				cbam_goods: 'yes',
				cbam_route: 'direct',
				cbam_sectors: ['iron_steel'],
				cbam_tonnage: 'over50',
				mkt_cbam_data: 'none',
				// Hand-computed in tests/unit/carbon.spec.ts: 25.424 t Scope 1, 109.75 t Scope 2.
				energy_electricity_kwh: 250_000,
				energy_gas_kwh: 80_000,
				energy_gas_sm3: 5_000,
				energy_vehicle_diesel_l: 4_000,
				// Intensities use the profile bands' estimates: 30 people, 55 million TL.
				employees: 'e10_49',
				turnover: 't_100m'
			},
			'tr'
		);
		const page = pdf.pages.find((text) =>
			text.includes('Karbon ayak izi tahmini (Kapsam 1 ve 2)')
		)!;
		expect(page).toBeDefined();
		for (const line of [
			'Toplam tahmini emisyon: 135,2 t CO₂e',
			'Kapsam 1: doğrudan emisyonlar (yakıtlar, şirket araçları): 25,4 t CO₂e',
			'Kapsam 2: satın alınan elektrik (konuma dayalı): 109,8 t CO₂e',
			'Çalışan başına 4,51 t CO₂e',
			'Milyon TL net satış başına 2,46 t CO₂e',
			'Şebekeden alınan elektrik',
			'250.000 kWh',
			'Sm³ olarak girdiğiniz miktar kullanılmadı',
			'doğrulanmış bir sera gazı envanteri değildir',
			'Maruziyet: Kapsamda',
			"En büyük AB'li müşteriniz sizden yılda 50 ton ya da daha fazla alıyor",
			'Veri hazırlığı: Veri yok',
			'Gömülü emisyon verisi veremediğinizi belirttiniz.',
			'Ürün başına gömülü emisyonlarınızı hesaplayın',
			'Önemli tarihler',
			'30 Eylül 2027: 2026 ithalatı için ilk yıllık SKDM beyanı',
			'Şubat 2027: SKDM sertifikalarının ithalatçılara satışı başlar.',
			'75,36',
			'Bu bir öneridir, henüz yürürlükte değildir.'
		]) {
			expect(squeeze(page + pdf.pages.join(''))).toContain(squeeze(line));
		}
		expect(pdf.links).toContain(catalogue().emissionFactors!.sources[0].source.url);
	});

	it('says on every recommendation why it is there and what it costs', async () => {
		const weak = { ...answers, en_monitoring: 'none', en_iso50001: 'none' };
		const { opened } = await submitted(weak);
		const all = squeeze(
			(await readPdf(await renderReport(await reportModel(opened, 'tr')))).pages.join('')
		);
		const question = definition.themes
			.flatMap((theme) => theme.questions)
			.find((candidate) => candidate.id === 'en_monitoring')!;
		expect(all).toContain(
			squeeze(
				`Çünkü: «${question.text.tr}» sorusuna «Faturayı ödüyoruz, ayrıca izlemiyoruz» yanıtını verdiniz.`
			)
		);
		const fired = opened.assessment.result!.recommendations;
		expect(all.split('Çünkü:').length - 1).toBe(fired.length);
		expect(all).toContain(squeeze('Düşük maliyetli · birkaç ayda geri döner'));

		// A result stored before triggers and cost classes: the reason is read again from the stored answers.
		const old = structuredClone(opened);
		old.assessment.result!.recommendations = fired.map((item) => {
			const stripped: Partial<typeof item> = { ...item };
			delete stripped.trigger;
			delete stripped.cost;
			delete stripped.payback;
			return stripped as typeof item;
		});
		const again = squeeze(
			(await readPdf(await renderReport(await reportModel(old, 'tr')))).pages.join('')
		);
		expect(again).toBe(all);
	});

	it('prints a result of questionnaire 1.x with the one-level CBAM screen it was submitted with', async () => {
		const { opened, token } = await submitted(withoutEnergy);
		const legacy = {
			...opened.assessment.result,
			cbam: {
				level: 'medium',
				reasons: ['goods_covered', 'tonnage_unknown', 'data_partial'],
				actions: ['talk_to_importer', 'measure_embedded']
			}
		};
		await current
			.updateTable('assessment')
			.set({ result: JSON.stringify(legacy) })
			.where('id', '=', opened.assessment.id)
			.execute();
		const reopened = (await service.open(token))!;
		const pdf = await readPdf(await renderReport(await reportModel(reopened, 'en')));
		const all = squeeze(pdf.pages.join(''));
		expect(all).toContain(
			squeeze(
				`questionnaire version ${reopened.assessment.questionnaireVersion} with the first CBAM screen`
			)
		);
		expect(all).toContain(squeeze('Exposure level: Medium'));
		expect(all).toContain(
			squeeze('You can only give estimated emission data; your importer may ask for actual data.')
		);
		expect(all).not.toContain(squeeze('Data readiness:'));
		expect(all).not.toContain(squeeze('Dates that matter'));
	});

	it('prints sawdust’s biogenic CO2 on a line of its own and names the electricity factors used', async () => {
		// A furniture maker burning 40 t of its own sawdust: 40,000 kg × 0.02964 = 1.19 t CO2e in Scope 1 and
		// 40,000 kg × 1.747 = 69.9 t biogenic CO2 beside it; 100,000 kWh × 0.439 = 43.9 t Scope 2, and at the
		// supplier's 0.35 kg per kWh 35 t market-based.
		const pdf = await report(
			{
				...withoutEnergy,
				energy_electricity_kwh: 100_000,
				energy_supplier_factor: 0.35,
				energy_wood_kg: 40_000
			},
			'tr'
		);
		const all = squeeze(pdf.pages.join(''));
		for (const line of [
			'Toplam tahmini emisyon: 45,1 t CO₂e',
			'Kapsam 1: doğrudan emisyonlar (yakıtlar, şirket araçları): 1,19 t CO₂e',
			'Biyojenik CO₂ (toplama dahil değil): 69,9 t CO₂',
			"ETKB'nin brüt elektrik üretimi başına Türkiye ortalamasıyla (0,439 kg CO₂e/kWh) hesaplandı",
			'Tedarikçinizin bildirdiği 0,35 kg CO₂e/kWh faktörüyle Kapsam 2 yaklaşık 35 t CO₂e olur',
			'Odun, talaş, pelet ya da briket',
			'40.000 kg'
		]) {
			expect(all).toContain(squeeze(line));
		}
	});

	it('says plainly that there is no estimate when no energy figure was given', async () => {
		const all = (await report(withoutEnergy, 'en')).pages.join('\n');
		expect(all).toContain(
			'No energy or fuel figures were entered, so there is no emission estimate.'
		);
		expect(all).not.toContain('Estimated total emissions');
	});

	it('speaks English when asked', async () => {
		const pdf = await report(answers, 'en');
		const all = pdf.pages.join('\n');
		expect(pdf.title).toBe(`Green Deal Readiness Report: ${company}`);
		expect(pdf.language).toBe('en');
		expect(pdf.pages[1]).toContain('Summary');
		expect(all).toContain('Your answers in short');
		expect(all).toContain('Recommendations for this theme');
		expect(pdf.pages.at(-1)).toContain('Appendix: how the scores are calculated');
		expect(pdf.pages[0]).toContain(`Page 1 of ${pdf.pages.length}`);
		expect(all).not.toContain('Cevaplarınız');
	});

	it('prints a malicious company name as the same literal text, linking and fetching nothing', async () => {
		const evil = '<script>alert("x")</script><b>İĞ</b> {{app.name}} https://evil.example/x';
		const pdf = await report({ ...answers, company_name: evil }, 'tr');
		expect(pdf.title).toBe(`Yeşil Mutabakat Hazırlık Raporu: ${evil}`);
		expect(squeeze(pdf.pages[0])).toContain(squeeze(evil));
		expect(pdf.links.some((link) => link.includes('evil.example'))).toBe(false);
	});

	it('copies every Turkish letter of the company name exactly, in each report a worker draws', async () => {
		// The reported defect: after other reports, this name on the cover of a report without energy figures copied as
		// "…PRSŞT ÜVYZ…". The cover prints it in bold, the footer of every page in regular type.
		const name = 'ABCÇDEFGĞHIİJKLMNOÖPRSŞTUÜVYZ abcçdefgğhıijklmnoöprsştuüvyz';
		// A report printing only the accented letters first: embedding them adds their base letters (U in Ü) bare.
		await report({ ...withoutEnergy, company_name: 'ÇĞİÖŞÜ çğöşü' }, 'tr');
		for (const locale of ['tr', 'en'] as const) {
			const pdf = await report({ ...withoutEnergy, company_name: name }, locale);
			expect(squeeze(pdf.pages[0])).toContain(squeeze(name));
			expect(pdf.pages[0].split('\n')).toEqual(
				expect.arrayContaining(['ABCÇDEFGĞHIİJKLMNOÖPRSŞTUÜVYZ', 'abcçdefgğhıijklmnoöprsştuüvyz'])
			);
			expect(pdf.pages.join('\n')).toContain(`Yeşil Hazırlık · ${name}`);
		}
	});

	it('is tagged for screen readers: language, title, headings, lists, tables and charts with their figures', async () => {
		for (const locale of ['tr', 'en'] as const) {
			const { opened } = await submitted(answers, locale);
			const pdf = await readPdf(await renderReport(await reportModel(opened, locale)));
			expect(pdf.tagged).toBe(true);
			expect(pdf.language).toBe(locale);
			expect(pdf.displaysTitle).toBe(true);
			expect(pdf.title).toContain(company);
			const roles = pdf.structure.map((node) => node.role);
			for (const role of ['H1', 'H2', 'H3', 'P', 'L', 'LI', 'Lbl', 'LBody']) {
				expect(roles, role).toContain(role);
			}
			for (const role of ['Table', 'TR', 'TH', 'TD', 'Figure']) expect(roles, role).toContain(role);
			expect(roles.filter((role) => role === 'H1')).toHaveLength(1);
			// One H2 per page subject: the summary, each theme, the carbon estimate, the CBAM screen, the VSME data
			// sheet, the appendix.
			expect(roles.filter((role) => role === 'H2')).toHaveLength(definition.themes.length + 5);
			// Each chart says its figures: the radar names every theme with the score the table prints.
			const [radar] = pdf.structure.filter((node) => node.role === 'Figure');
			const score = (value: number) => formatNumber(locale, value, { maximumFractionDigits: 1 });
			for (const theme of opened.assessment.result!.themes) {
				const title = definition.themes.find((candidate) => candidate.id === theme.id)!.title[
					locale
				];
				expect(radar.alt).toContain(`${title}: ${score(theme.score!)}`);
			}
		}
	});

	it('never leaves a page near empty or ending on a heading', async () => {
		const headings = new Set(
			[
				'Cevaplarınız kısaca',
				'Bu tema için öneriler',
				'Önce yapılacak üç iş',
				'Önemli tarihler'
			].concat(definition.themes.map((theme) => theme.title.tr))
		);
		for (const seed of [1, 2, 3, 4, 5]) {
			const pdf = await report(
				{
					...randomAnswers(definition, seededRandom(seed)),
					export_share: 'over50',
					exports_eu: true
				},
				'tr'
			);
			pdf.pages.forEach((page, index) => {
				// The footer is the page's last line.
				const lines = page
					.split('\n')
					.filter((line) => line.trim())
					.slice(0, -1);
				expect(lines.length, `page ${index + 1} of seed ${seed}`).toBeGreaterThanOrEqual(5);
				expect(headings.has(lines.at(-1)!), `page ${index + 1} ends on «${lines.at(-1)}»`).toBe(
					false
				);
			});
		}
	});

	it('names the inviting chamber on the cover, with its logo', async () => {
		// The smallest valid PNG: one transparent pixel.
		const pixel =
			'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';
		const chamber = await chambers.create(current, {
			slug: 'tekirdag-tso',
			name: 'Tekirdağ Ticaret ve Sanayi Odası',
			logo: `data:image/png;base64,${pixel}`
		});
		const { opened } = await submitted(answers, 'tr', chamber.id);
		const pdf = await readPdf(await renderReport(await reportModel(opened, 'tr')));
		expect(pdf.pages[0]).toContain('Tekirdağ Ticaret ve Sanayi Odası kampanyası kapsamında');
		expect(pdf.images[0]).toBe(1);
		expect(pdf.images.slice(1).every((count) => count === 0)).toBe(true);
	});

	it('is served only under a submitted assessment’s token, as a named download', async () => {
		const { token } = await submitted(answers);
		const response = await get(token, '?lang=en');
		expect(response.status).toBe(200);
		expect(response.headers.get('content-type')).toBe('application/pdf');
		expect(response.headers.get('cache-control')).toBe('private, no-store');
		const date = new Date().toISOString().slice(0, 10);
		expect(response.headers.get('content-disposition')).toBe(
			`attachment; filename="oz-cag-iplik-isikli-urun-sirketi-${date}.pdf"`
		);
		const pdf = await readPdf(new Uint8Array(await response.arrayBuffer()));
		expect(pdf.pages[1]).toContain('Summary');

		await expect(get('A'.repeat(43))).rejects.toMatchObject({ status: 404 });
		const draft = await service.start({ locale: 'tr' });
		await expect(get(draft)).rejects.toMatchObject({ status: 303 });
	});

	it('is in the assessment’s own language unless asked otherwise, with a plain name without a company', async () => {
		const { token } = await submitted({ ...answers, company_name: '' }, 'en');
		const response = await get(token);
		expect(response.headers.get('content-disposition')).toMatch(
			/filename="green-deal-readiness-report-\d{4}-\d{2}-\d{2}\.pdf"/
		);
		const pdf = await readPdf(new Uint8Array(await response.arrayBuffer()));
		expect(pdf.pages[0]).toContain('Company name not given');
	});
});
