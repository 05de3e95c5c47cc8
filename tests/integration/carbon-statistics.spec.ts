import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chamberStatistics, DOMINANCE_SHARE, type StatisticsFilters } from '$lib/server/aggregates';
import type { ChamberDashboard } from '$lib/server/chamber/chamber-dashboard';
import { aggregatesDocument } from '$lib/server/chamber/export';
import type { Db } from '$lib/server/db/connect';
import { csvDocument } from '$lib/server/export/csv';
import { renderChamberPdf } from '$lib/server/report/chamber-document';
import { chamberReportModel } from '$lib/server/report/chamber-model';
import * as cbamReadinessMigration from '$lib/server/db/migrations/0012-cbam-readiness';
import { testDatabases } from '../fixtures/databases';
import { readPdf } from '../fixtures/pdf';
import { LEVELS, insertChamberWith, type SubmittedFixture } from '../fixtures/submitted';

const options = {
	minGroupSize: 5,
	levels: LEVELS,
	themes: ['energy'],
	now: new Date('2026-06-01T00:00:00Z'),
	compareAllChambers: false
};

type Firm = Omit<SubmittedFixture, 'chamberId'>;

const base = { sector: 'C', sizeClass: 'small', province: '59', overall: 50 };

/** `count` firms submitted on 2 March 2026 with the same estimate and CBAM screen. */
function firms(count: number, firm: Partial<Firm> = {}): Firm[] {
	return Array.from({ length: count }, () => ({
		...base,
		submittedAt: '2026-03-02T10:00:00.000Z',
		...firm
	}));
}

const estimate = (scope1: number, scope2: number) => ({ scope1, scope2 });

describe.each(testDatabases())('carbon and CBAM statistics on $name', (target) => {
	let db: Db;
	beforeAll(async () => {
		db = await target.open();
	});
	afterAll(() => target.close());

	const chamberWith = (slug: string, list: Firm[]) => insertChamberWith(db, slug, list);

	const carbon = async (chamberId: string, filters: StatisticsFilters = {}) =>
		(await chamberStatistics(db, chamberId, filters, options)).carbon;

	it("totals the estimates of the chamber's own firms, with bands and CBAM exposures", async () => {
		const exposed = (cbam: string) => ({ cbam, cbamReadiness: 'none' });
		const chamberId = await chamberWith('carbon-own', [
			...firms(6, { ...estimate(3, 2), cbam: 'none' }),
			...firms(4, { ...estimate(30, 20), cbam: 'none' }),
			...firms(3, { ...estimate(30, 20), ...exposed('below_threshold') }),
			...firms(3, { ...estimate(200, 100), ...exposed('below_threshold') }),
			...firms(2, { ...estimate(200, 100), ...exposed('likely') }),
			...firms(2, { ...estimate(600, 500), ...exposed('likely') }),
			// No energy figures: screened for CBAM only, or not at all.
			...firms(1, exposed('likely')),
			...firms(3, exposed('in_scope')),
			...firms(1)
		]);
		await chamberWith(
			'carbon-other',
			firms(6, { ...estimate(90_000, 10_000), ...exposed('in_scope') })
		);

		expect(await carbon(chamberId)).toEqual({
			firms: 20,
			scope1: 2428,
			scope2: 1652,
			total: 4080,
			withheld: { firms: null, scope1: null, scope2: null, total: null },
			// Two firms of 1,000 t or more are too few; the smallest other band (5) is hidden with them.
			emissionBands: [
				{ min: 0, max: 10, firms: 6 },
				{ min: 10, max: 100, firms: 7 },
				{ min: 100, max: 1000, firms: null },
				{ min: 1000, max: null, firms: null }
			],
			// CBAM exposures come last: crossed with the emission bands decided before them, every exposure would cut
			// out a group of fewer than 5 firms (the 3 below-threshold firms of 10–100 t, say), so all are withheld,
			// the empty ones too; readiness follows them.
			cbamExposure: [
				{ exposure: 'none', firms: null },
				{ exposure: 'unsure', firms: null },
				{ exposure: 'below_threshold', firms: null },
				{ exposure: 'indirect', firms: null },
				{ exposure: 'likely', firms: null },
				{ exposure: 'in_scope', firms: null }
			],
			cbamReadiness: [
				{ readiness: 'verified', firms: null },
				{ readiness: 'estimate', firms: null },
				{ readiness: 'none', firms: null }
			]
		});
	});

	it('counts firms by CBAM exposure and, apart, by data readiness', async () => {
		const chamberId = await chamberWith('carbon-cbam', [
			...firms(10, { cbam: 'none' }),
			...firms(10, { cbam: 'in_scope', cbamReadiness: 'none' }),
			...firms(10, { cbam: 'likely', cbamReadiness: 'verified' })
		]);
		const { cbamExposure, cbamReadiness } = await carbon(chamberId);
		expect(cbamExposure).toEqual([
			{ exposure: 'none', firms: 10 },
			{ exposure: 'unsure', firms: 0 },
			{ exposure: 'below_threshold', firms: 0 },
			{ exposure: 'indirect', firms: 0 },
			{ exposure: 'likely', firms: 10 },
			{ exposure: 'in_scope', firms: 10 }
		]);
		// The ten firms not exposed were not asked: they are in no readiness row.
		expect(cbamReadiness).toEqual([
			{ readiness: 'verified', firms: 10 },
			{ readiness: 'estimate', firms: 0 },
			{ readiness: 'none', firms: 10 }
		]);
	});

	it('withholds a readiness count of fewer firms than the minimum', async () => {
		const chamberId = await chamberWith('carbon-cbam-small', [
			...firms(10, { cbam: 'none' }),
			...firms(8, { cbam: 'in_scope', cbamReadiness: 'none' }),
			...firms(2, { cbam: 'in_scope', cbamReadiness: 'verified' })
		]);
		const { cbamReadiness } = await carbon(chamberId);
		expect(cbamReadiness.find((cell) => cell.readiness === 'verified')?.firms).toBeNull();
		expect(cbamReadiness.some((cell) => cell.firms === 2)).toBe(false);
	});

	it('withholds the totals, not the count, when one large emitter makes up most of them', async () => {
		const chamberId = await chamberWith('carbon-dominated', [
			...firms(10, estimate(5, 5)),
			...firms(1, estimate(9000, 1000))
		]);
		expect(await carbon(chamberId)).toMatchObject({
			firms: 11,
			scope1: null,
			scope2: null,
			total: null,
			withheld: { firms: null, scope1: 'dominated', scope2: 'dominated', total: 'dominated' },
			// One firm of 1,000 t or more: its band is withheld with the next, and the empty bands show a dash too.
			emissionBands: [{ firms: null }, { firms: null }, { firms: null }, { firms: null }]
		});
	});

	it('withholds both scopes when one is dominated, as the total and the other would give it', async () => {
		// Scope 1 is one firm's 500 t and ten firms' 1 t; Scope 2 and the total are spread out.
		const chamberId = await chamberWith('carbon-split', [
			...firms(10, estimate(1, 50)),
			...firms(1, estimate(500, 10))
		]);
		expect(await carbon(chamberId)).toMatchObject({
			firms: 11,
			scope1: null,
			scope2: null,
			total: 1020,
			withheld: { scope1: 'dominated', scope2: 'dominated', total: null }
		});
	});

	it('withholds the carbon figures in every view when the firms without an estimate are fewer than 5', async () => {
		const chamberId = await chamberWith('carbon-subset', [
			...firms(8, estimate(10, 10)),
			...firms(2, { ...estimate(10, 10), sector: 'D' }),
			...firms(4, { sector: 'D' })
		]);
		// 10 of the 14 firms have an estimate: their count would give the other 4 away.
		const withheld = {
			firms: null,
			scope1: null,
			scope2: null,
			total: null,
			withheld: {
				firms: 'filters_single_out',
				scope1: 'filters_single_out',
				scope2: 'filters_single_out',
				total: 'filters_single_out'
			}
		};
		expect(await carbon(chamberId)).toMatchObject(withheld);
		// In sector C, all 8 firms have one; shown there, with the chamber's 14, it would still isolate the other 4.
		const sector = await chamberStatistics(db, chamberId, { sector: 'C' }, options);
		expect(sector.firms).toBe(8);
		expect(sector.carbon).toMatchObject(withheld);
	});

	it('withholds totals whose difference from a published wider total one firm dominates', async () => {
		const chamberId = await chamberWith('carbon-difference', [
			...firms(20, estimate(50, 50)),
			...firms(1, { ...estimate(400, 100), sector: 'D' }),
			...firms(4, { ...estimate(0.5, 0.5), sector: 'D' })
		]);
		expect(await carbon(chamberId)).toMatchObject({ firms: 25, total: 2504 });
		// 2,504 t minus sector C's 2,000 t would be, within 4 t, the one firm's 500 t.
		expect(await carbon(chamberId, { sector: 'C' })).toMatchObject({
			firms: 20,
			scope1: null,
			scope2: null,
			total: null,
			withheld: { firms: null, total: 'dominated' }
		});
		expect(await carbon(chamberId, { sector: 'D' })).toMatchObject({
			firms: 5,
			total: null,
			withheld: { total: 'dominated' }
		});
	});

	it('exports the same figures to CSV and PDF, a withheld total marked as withheld or a sentence', async () => {
		const chamberId = await chamberWith('carbon-export', [
			...firms(10, { ...estimate(5, 5), cbam: 'none' }),
			...firms(1, { ...estimate(9000, 1000), cbam: 'none' })
		]);
		const statistics = await chamberStatistics(db, chamberId, {}, options);
		const none = {};
		const dashboard: ChamberDashboard = {
			statistics,
			labels: {
				themes: none,
				levels: none,
				sectors: none,
				sizes: none,
				provinces: none,
				recommendations: none,
				symbiosisCategories: none
			},
			campaigns: [],
			minGroupSize: 5,
			dominanceShare: DOMINANCE_SHARE
		};

		const chamber = {
			id: chamberId,
			slug: 'carbon-export',
			name: 'Carbon',
			province: null,
			logo: null
		};
		const document = await aggregatesDocument(chamber, dashboard, {}, 'en');
		const csv = await new Response(csvDocument(document)).text();
		const tonnes = document.table.header.indexOf('t CO₂e');
		expect(tonnes).toBe(5);
		// Eleven firms gave figures; the totals are withheld, and their cells say so.
		expect(csv).toContain(
			'Estimated emissions,"Scope 1 (direct: fuels, company vehicles)",11,,,withheld,'
		);
		expect(csv).toContain('Estimated emissions,Total (Scope 1 + 2),11,,,withheld,');
		expect(csv).toContain('Firms by total emissions,< 10 t,withheld,,,,');
		expect(csv).toContain('Firms by total emissions,10–100 t,withheld,,,,');
		expect(csv).toContain('Firms by total emissions,"≥ 1,000 t",withheld,,,,');
		expect(csv).toContain('CBAM exposure,Not affected,11,,,,');
		expect(csv).toContain('CBAM data readiness of exposed firms,No data,0,,,,');
		// The first lines say why: one or two large firms would be recognisable in the total.
		expect(csv).toMatch(/^Chamber,Carbon,*\r\n/); // text() drops the BOM
		expect(csv).toContain('Note,"One or two large firms');

		const model = await chamberReportModel(chamber, dashboard, {}, 'tr');
		const carbon = model.parts
			.flatMap((part) => part.sections)
			.find((section) => section.heading === 'Karbon tahmini ve SKDM maruziyeti');
		expect(carbon?.paragraphs).toContain('Enerji rakamı giren firma: 11');
		expect(carbon?.paragraphs.join(' ')).toContain('%85');
		expect(carbon?.table?.rows).toEqual([
			['Kapsam 1 (doğrudan: yakıtlar, şirket araçları)', 'gizli'],
			['Kapsam 2 (satın alınan elektrik)', 'gizli'],
			['Toplam (Kapsam 1 + 2)', 'gizli']
		]);
		// A withheld figure is marked with a word, which a line of the report's scope explains.
		expect(model.scope.at(-1)).toMatch(/^gizli: 5 firmadan küçük/);
		const pdf = await readPdf(await renderChamberPdf(model));
		const text = pdf.pages.join('\n');
		expect(text).toContain('SKDM maruziyeti');
		expect(text).toContain('Etkilenmiyor');
		expect(text).toContain('Etkilenen firmaların SKDM veri hazırlığı');
	});

	it('shows no totals, and nothing withheld, where no firm entered energy figures', async () => {
		const chamberId = await chamberWith('carbon-none', firms(6, { cbam: 'none' }));
		expect(await carbon(chamberId)).toEqual({
			firms: 0,
			scope1: null,
			scope2: null,
			total: null,
			withheld: { firms: null, scope1: null, scope2: null, total: null },
			emissionBands: [0, 10, 100, 1000].map((min, i) => ({
				min,
				max: [10, 100, 1000, null][i],
				firms: 0
			})),
			cbamExposure: [
				{ exposure: 'none', firms: 6 },
				{ exposure: 'unsure', firms: 0 },
				{ exposure: 'below_threshold', firms: 0 },
				{ exposure: 'indirect', firms: 0 },
				{ exposure: 'likely', firms: 0 },
				{ exposure: 'in_scope', firms: 0 }
			],
			cbamReadiness: [
				{ readiness: 'verified', firms: 0 },
				{ readiness: 'estimate', firms: 0 },
				{ readiness: 'none', firms: 0 }
			]
		});
	});

	it('files results of the first CBAM screen under the new exposure and readiness (migration 0012)', async () => {
		const legacy: [string, string[]][] = [
			['high', ['goods_covered', 'over_threshold', 'data_missing']],
			['high', ['goods_covered', 'tonnage_unknown', 'data_missing']],
			['medium', ['goods_covered', 'under_threshold', 'data_partial']],
			['low', ['goods_covered', 'under_threshold', 'data_ready']],
			['check', ['goods_unsure']],
			['none', ['no_eu_exports']]
		];
		const chamberId = await chamberWith(
			'carbon-legacy',
			legacy.map(([level]) => ({ ...firms(1)[0], cbam: level }))
		);
		const rows = await db
			.selectFrom('assessment')
			.select('id')
			.where('chamber_id', '=', chamberId)
			.orderBy('id')
			.execute();
		const byId = new Map<string, number>();
		for (const [i, row] of rows.entries()) {
			byId.set(row.id, i);
			await db
				.updateTable('assessment')
				.set({ result: JSON.stringify({ cbam: { level: legacy[i][0], reasons: legacy[i][1] } }) })
				.where('id', '=', row.id)
				.execute();
		}
		await cbamReadinessMigration.down(db as never);
		await cbamReadinessMigration.up(db as never);
		const migrated = await db
			.selectFrom('assessment')
			.select(['id', 'cbam_exposure', 'cbam_readiness'])
			.where('chamber_id', '=', chamberId)
			.execute();
		const mapped = migrated
			.sort((a, b) => byId.get(a.id)! - byId.get(b.id)!)
			.map((row) => [row.cbam_exposure, row.cbam_readiness]);
		// The first screen never asked whether data was verified: its best answer is an estimate now.
		expect(mapped).toEqual([
			['in_scope', 'none'],
			['likely', 'none'],
			['below_threshold', 'estimate'],
			['below_threshold', 'estimate'],
			['unsure', null],
			['none', null]
		]);
	});
});
