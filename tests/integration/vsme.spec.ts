import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Db } from '$lib/server/db/connect';
import { vsmeDocumentSchema, vsmeSheetSchema } from '$lib/carbon/vsme';
import type { Answers } from '$lib/questionnaire/visibility';
import { randomAnswers, seededRandom } from '../fixtures/answers';
import { testDatabases } from '../fixtures/databases';
import { readPdf, squeeze } from '../fixtures/pdf';
import { vsmeFirm } from '../fixtures/vsme-firm';

// The service and the routes read the process-wide database; point it at each test database in turn.
let current: Db;
vi.mock('$lib/server/db', () => ({ db: () => current }));
const service = await import('$lib/server/assessment/assessment-service');
const { questionnaire } = await import('$lib/server/content');
const { reportModel } = await import('$lib/server/report/model');
const { renderReport, closeReportWorkers } = await import('$lib/server/report');
const vsmeRoute = await import('../../src/routes/assessment/[token=token]/vsme.json/+server');
const apiRoute = await import('../../src/routes/api/v1/assessments/[token]/+server');

/** The firm of the unit test, without the water at stressed sites and the key materials (the PDF says so). */
const figures = Object.fromEntries(
	Object.entries(vsmeFirm).filter(([id]) => id !== 'water_stressed_m3' && id !== 'materials_key_t')
);
const FIGURE = /^(energy_|water_|waste_|materials_|circular_)/;
const answers: Answers = {
	...Object.fromEntries(
		Object.entries(randomAnswers(questionnaire(), seededRandom(7))).filter(
			([id]) => !FIGURE.test(id)
		)
	),
	...figures
};

async function submitted(given: Answers = answers) {
	const token = await service.start({ locale: 'tr' });
	await service.saveAnswers((await service.open(token))!, given);
	const outcome = await service.submit((await service.open(token))!);
	if (!outcome.ok) throw new Error(`missing ${outcome.missing.join(', ')}`);
	return token;
}

/** The sheet's page and the one after it (its notes may run over), squeezed. */
function sheetPages(pages: string[], heading: string) {
	const start = pages.findIndex((text) => text.includes(heading));
	expect(start).toBeGreaterThan(0);
	return squeeze(pages.slice(start, start + 2).join(''));
}

const getVsme = (token: string) =>
	vsmeRoute.GET({ params: { token } } as unknown as Parameters<typeof vsmeRoute.GET>[0]);

describe.each(testDatabases())('vsme.json on $name', (target) => {
	beforeAll(async () => {
		current = await target.open();
	});
	afterAll(() => target.close());

	it('validates against the schema, with the figures fixed at submission', async () => {
		const token = await submitted();
		const response = await getVsme(token);
		expect(response.status).toBe(200);
		expect(response.headers.get('content-type')).toContain('application/json');
		expect(response.headers.get('content-disposition')).toContain('vsme.json');
		const document = vsmeDocumentSchema.parse(await response.json());
		expect(document.standard).toBe('EFRAG VSME (December 2024), Basic Module');
		expect(document.b3.totalEnergyConsumption.value).toBeCloseTo(225.79, 6);
		expect(document.b3.turnover.basis).toBe('band_estimate');
		expect(document.b6.totalWaterWithdrawal).toEqual({
			value: 1_200,
			unit: 'm3',
			basis: 'entered'
		});
		expect(document.b6.waterWithdrawalInAreasOfHighWaterStress.value).toBeNull();
		expect(document.b7.wasteDivertedToRecyclingOrReuse.value).toBe(6);
		expect(document.notCovered).toEqual(['B1', 'B2', 'B4', 'B5', 'B8', 'B9', 'B10', 'B11']);

		// The API's results carry the same sheet.
		const api = await apiRoute.GET({
			params: { token },
			locals: { locale: 'en' }
		} as unknown as Parameters<typeof apiRoute.GET>[0]);
		const { results } = await api.json();
		const { b3, b6, b7 } = document;
		expect(vsmeSheetSchema.parse(results.vsme)).toEqual({ b3, b6, b7 });
	});

	it('is not found for a draft', async () => {
		const token = await service.start({ locale: 'tr' });
		await expect(getVsme(token)).rejects.toMatchObject({ status: 404 });
	});
});

describe('the VSME page of the PDF report', () => {
	const [sqlite] = testDatabases();
	beforeAll(async () => {
		current = await sqlite.open();
	});
	afterAll(async () => {
		await closeReportWorkers();
		await sqlite.close();
	});

	it('prints the figures, their references and what the sheet does not cover, in Turkish and English', async () => {
		const opened = (await service.open(await submitted()))!;
		const turkish = await readPdf(await renderReport(await reportModel(opened, 'tr')));
		const page = sheetPages(turkish.pages, 'VSME veri sayfası');
		for (const text of [
			'Toplam enerji tüketimi 225,8 MWh B3 Hesaplanan',
			'Yenilenebilir elektrik 40 MWh B3 Hesaplanan',
			'Brüt Kapsam 2 sera gazı emisyonları (konuma dayalı) 43,9 t CO₂e B3 Hesaplanan',
			'Ciro 55 milyon TL B3 Aralık tahmini',
			'Toplam su çekimi 1.200 m³ B6 Girdiğiniz',
			'Su stresi yüksek bölgelerde su çekimi Girilmedi B6',
			'Tehlikesiz atık 8,5 t B7 Hesaplanan',
			'Döngüsel ekonomi ilkeleri uygulanıyor mu Evet B7 Girdiğiniz',
			'Eksik göstergeler: Su stresi yüksek bölgelerde su çekimi ve Kullanılan başlıca malzemelerin yıllık kütlesi.',
			'Bu sayfa tam bir VSME raporu değildir.'
		]) {
			expect(page).toContain(squeeze(text));
		}

		const english = await readPdf(await renderReport(await reportModel(opened, 'en')));
		const sheet = sheetPages(english.pages, 'VSME data sheet');
		for (const text of [
			'Total energy consumption 225.8 MWh B3 Computed',
			'Gross Scope 1 GHG emissions 22 t CO₂e B3 Computed',
			'Waste diverted to recycling or reuse 6 t B7 Computed',
			'This sheet is not a full VSME report.',
			'B8–B11'
		]) {
			expect(sheet).toContain(squeeze(text));
		}
	});
});
