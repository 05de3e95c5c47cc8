import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
	allChambersComparison,
	chamberStatistics,
	type StatisticsFilters
} from '$lib/server/aggregates';
import type { Db } from '$lib/server/db/connect';
import { testDatabases } from '../fixtures/databases';
import {
	LEVELS,
	insertCampaign,
	insertChamber,
	insertChamberWith,
	insertDraft,
	insertSubmitted,
	type SubmittedFixture
} from '../fixtures/submitted';

const options = {
	minGroupSize: 5,
	levels: LEVELS,
	themes: ['energy', 'resource', 'market'],
	now: new Date('2026-06-01T00:00:00Z'),
	compareAllChambers: false
};

const MARCH_2 = '2026-03-02T10:00:00.000Z';

type Firm = Omit<SubmittedFixture, 'chamberId'>;

/** `count` firms alike except for what `vary` changes for the i-th. */
function firms(count: number, firm: Firm, vary: (i: number) => Partial<Firm> = () => ({})): Firm[] {
	return Array.from({ length: count }, (_, i) => ({ ...firm, ...vary(i) }));
}

describe.each(testDatabases())('chamber statistics on $name', (target) => {
	let db: Db;
	beforeAll(async () => {
		db = await target.open();
	});
	afterAll(() => target.close());

	const chamberWith = (slug: string, list: Firm[]) => insertChamberWith(db, slug, list);

	const statistics = (chamberId: string, filters: StatisticsFilters = {}) =>
		chamberStatistics(db, chamberId, filters, options);

	it("computes means and medians over the chamber's own firms only", async () => {
		const base = { sector: 'C', sizeClass: 'small', province: '59', submittedAt: MARCH_2 };
		const overall = [12, 25, 31, 48, 56, 90];
		const energy = [10, 20, 30, 40, 50, 60];
		const resource = [0, 0, 100, 100, 50, 50];
		const chamberId = await chamberWith(
			'own-only',
			firms(6, { ...base, overall: 0 }, (i) => ({
				overall: overall[i],
				themes: {
					energy: energy[i],
					resource: resource[i],
					// Scored by three firms only: too few for its own figures.
					...(i < 3 ? { market: 70 + 10 * i } : {})
				}
			}))
		);
		await chamberWith(
			'other-chamber',
			firms(5, { ...base, overall: 100, themes: { energy: 100, resource: 100, market: 100 } })
		);

		const result = await statistics(chamberId);
		expect(result).toMatchObject({
			firms: 6,
			suppressed: null,
			overall: { mean: 43.7, median: 39.5 },
			themes: [
				{ id: 'energy', mean: 35, median: 35, firms: 6 },
				{ id: 'resource', mean: 50, median: 50, firms: 6 },
				{ id: 'market', mean: null, median: null, firms: null }
			],
			bySector: [{ key: 'C', firms: 6, overallMean: 43.7 }],
			bySize: [{ key: 'small', firms: 6, overallMean: 43.7 }],
			byProvince: [{ key: '59', firms: 6, overallMean: 43.7 }],
			allChambers: null
		});
		// One firm starting, two aware, two developing, one leading: every non-empty level is under 5.
		expect(result.levels).toEqual([
			{ id: 'starting', firms: null },
			{ id: 'aware', firms: null },
			{ id: 'developing', firms: null },
			{ id: 'advanced', firms: 0 },
			{ id: 'leading', firms: null }
		]);
		expect(result.scoreBands.map((band) => [band.min, band.max, band.firms])).toEqual([
			[0, 20, null],
			[20, 40, null],
			[40, 60, null],
			[60, 80, 0],
			[80, 100, null]
		]);
	});

	it('hides small groups and complements them so no group under the minimum can be worked out', async () => {
		const base = { sizeClass: 'micro', province: '59', submittedAt: MARCH_2 };
		const chamberId = await chamberWith('complement', [
			...firms(7, { ...base, sector: 'C', overall: 50 }),
			...firms(6, { ...base, sector: 'D', overall: 60 }),
			...firms(3, { ...base, sector: 'F', overall: 70 })
		]);

		const result = await statistics(chamberId);
		expect(result.firms).toBe(16);
		// F (3 firms) is too small; alone it would be the total minus C and D, so D goes too.
		expect(result.bySector).toEqual([
			{ key: 'C', firms: 7, overallMean: 50 },
			{ key: 'D', firms: null, overallMean: null },
			{ key: 'F', firms: null, overallMean: null }
		]);
		expect(result.bySize).toEqual([{ key: 'micro', firms: 16, overallMean: 57.5 }]);
		expect(result.levels.map((level) => level.firms)).toEqual([0, 0, 7, 9, 0]);
		expect(result.scoreBands.map((band) => band.firms)).toEqual([0, 0, 7, 9, 0]);

		expect(await statistics(chamberId, { sector: 'F' })).toMatchObject({
			firms: null,
			suppressed: 'too_few',
			overall: { mean: null, median: null }
		});
	});

	it('withholds a filtered view that differs from a wider one by fewer than the minimum', async () => {
		const base = { sizeClass: 'small', submittedAt: MARCH_2, themes: { energy: 50 } };
		const chamberId = await chamberWith('differencing', [
			...firms(6, { ...base, sector: 'C', province: '59', overall: 40 }),
			{ ...base, sector: 'C', province: '22', overall: 90 },
			...firms(6, { ...base, sector: 'D', province: '59', overall: 60 })
		]);

		expect(await statistics(chamberId, { sector: 'C' })).toMatchObject({
			firms: 7,
			suppressed: null
		});
		// Sector C has 7 firms and sector C in province 59 has 6: the two views would single out one firm.
		const singled = await statistics(chamberId, { sector: 'C', province: '59' });
		expect(singled).toEqual({
			firms: null,
			suppressed: 'filters_single_out',
			overall: { mean: null, median: null },
			themes: options.themes.map((id) => ({ id, mean: null, median: null, firms: null })),
			levels: LEVELS.map((id) => ({ id, firms: null })),
			scoreBands: [0, 20, 40, 60, 80].map((min) => ({ min, max: min + 20, firms: null })),
			bySector: [],
			bySize: [],
			byProvince: [],
			carbon: {
				firms: null,
				scope1: null,
				scope2: null,
				total: null,
				withheld: {
					firms: 'filters_single_out',
					scope1: 'filters_single_out',
					scope2: 'filters_single_out',
					total: 'filters_single_out'
				},
				emissionBands: [
					{ min: 0, max: 10, firms: null },
					{ min: 10, max: 100, firms: null },
					{ min: 100, max: 1000, firms: null },
					{ min: 1000, max: null, firms: null }
				],
				cbamExposure: ['none', 'check', 'low', 'medium', 'high'].map((level) => ({
					level,
					firms: null
				}))
			},
			allChambers: null,
			participation: []
		});
		expect((await statistics(chamberId, { province: '59' })).suppressed).toBe('filters_single_out');

		const whole = await statistics(chamberId);
		expect(whole.byProvince).toEqual([
			{ key: '22', firms: null, overallMean: null },
			{ key: '59', firms: null, overallMean: null }
		]);
		expect(whole.bySector.map((sector) => sector.firms)).toEqual([7, 6]);
	});

	it('withholds a breakdown cell that the same cell of a wider view would single out', async () => {
		const base = { sizeClass: 'small', submittedAt: MARCH_2 };
		const chamberId = await chamberWith('cell-guard', [
			...firms(6, { ...base, sector: 'C', province: '59', overall: 40 }),
			{ ...base, sector: 'C', province: '22', overall: 90 },
			...firms(10, { ...base, sector: 'D', province: '59', overall: 60 }),
			...firms(8, { ...base, sector: 'G', province: '59', overall: 20 }),
			...firms(5, { ...base, sector: 'G', province: '22', overall: 30 })
		]);

		const whole = await statistics(chamberId);
		expect(whole.bySector.map((sector) => [sector.key, sector.firms])).toEqual([
			['C', 7],
			['D', 10],
			['G', 13]
		]);
		// In province 59, C has 6 firms to the 7 above: C is hidden, and with it the next smallest, G.
		const province = await statistics(chamberId, { province: '59' });
		expect(province.firms).toBe(24);
		expect(province.bySector).toEqual([
			{ key: 'C', firms: null, overallMean: null },
			{ key: 'D', firms: 10, overallMean: 60 },
			{ key: 'G', firms: null, overallMean: null }
		]);
		// A shown cell says no more than the view filtered to it, which is shown too.
		expect(await statistics(chamberId, { province: '59', sector: 'D' })).toMatchObject({
			firms: 10,
			overall: { mean: 60 }
		});
		expect((await statistics(chamberId, { province: '59', sector: 'C' })).suppressed).toBe(
			'filters_single_out'
		);
	});

	it('counts a re-assessed firm once, with its latest submitted result', async () => {
		const base = { sector: 'C', sizeClass: 'small', province: '59', submittedAt: MARCH_2 };
		const chamberId = await insertChamber(db, 'reassessed');
		const campaignId = await insertCampaign(db, chamberId);
		const first = await insertSubmitted(db, { ...base, chamberId, overall: 10 });
		await insertSubmitted(db, {
			...base,
			chamberId,
			overall: 60,
			previousId: first,
			submittedAt: '2026-04-01T10:00:00.000Z'
		});
		const others: string[] = [];
		for (const overall of [20, 30, 40, 50]) {
			others.push(await insertSubmitted(db, { ...base, chamberId, overall }));
		}
		// A re-assessment still in draft does not replace the result it started from.
		await insertDraft(db, {
			chamberId,
			campaignId,
			createdAt: '2026-04-02T10:00:00.000Z',
			previousId: others[0]
		});

		expect(await statistics(chamberId)).toMatchObject({
			firms: 5,
			overall: { mean: 40, median: 40 }
		});
	});

	it('applies the period to submission days, both bounds included', async () => {
		const base = { sector: 'C', sizeClass: 'small', province: '59' };
		const inside = [
			'2026-03-10T00:00:00.000Z',
			'2026-03-12T08:00:00.000Z',
			'2026-03-15T08:00:00.000Z',
			'2026-03-15T09:00:00.000Z',
			'2026-03-18T08:00:00.000Z',
			'2026-03-20T23:59:59.999Z'
		];
		const chamberId = await chamberWith('period', [
			...firms(5, { ...base, overall: 90, submittedAt: '2026-03-09T12:00:00.000Z' }),
			...inside.map((submittedAt, i) => ({ ...base, submittedAt, overall: 10 * (i + 1) })),
			...firms(5, { ...base, overall: 95, submittedAt: '2026-03-21T00:00:00.000Z' })
		]);

		expect(await statistics(chamberId, { from: '2026-03-10', to: '2026-03-20' })).toMatchObject({
			firms: 6,
			suppressed: null,
			overall: { mean: 35, median: 35 }
		});
		// Leaving out the first (or last) day would differ from the view above by one firm.
		const later = await statistics(chamberId, { from: '2026-03-11', to: '2026-03-20' });
		expect(later.suppressed).toBe('filters_single_out');
		const earlier = await statistics(chamberId, { from: '2026-03-10', to: '2026-03-19' });
		expect(earlier.suppressed).toBe('filters_single_out');
		// An open end: moving `from` back adds the five firms of the 9th at once.
		expect(await statistics(chamberId, { from: '2026-03-10' })).toMatchObject({
			firms: 11,
			suppressed: null,
			overall: { mean: 62.3, median: 60 }
		});
	});

	it('lets a period cut only whole months when asked, so that it is withheld far less often', async () => {
		const base = { sector: 'C', sizeClass: 'small', province: '59' };
		const march = ['01', '05', '12', '19', '26', '31'];
		const chamberId = await chamberWith('months', [
			...firms(4, { ...base, overall: 90, submittedAt: '2026-02-02T12:00:00.000Z' }),
			{ ...base, overall: 90, submittedAt: '2026-02-27T12:00:00.000Z' },
			...march.map((day, i) => ({
				...base,
				overall: 10 * (i + 1),
				submittedAt: `2026-03-${day}T12:00:00.000Z`
			})),
			...firms(5, { ...base, overall: 95, submittedAt: '2026-04-15T12:00:00.000Z' })
		]);
		const march2026 = { from: '2026-03-01', to: '2026-03-31' };
		// By day, moving `from` back to 27 February adds a single firm.
		expect((await statistics(chamberId, march2026)).suppressed).toBe('filters_single_out');
		const byMonth = (filters: StatisticsFilters) =>
			chamberStatistics(db, chamberId, filters, { ...options, periodUnit: 'month' });
		expect(await byMonth(march2026)).toMatchObject({
			firms: 6,
			suppressed: null,
			overall: { mean: 35 }
		});
		expect(await byMonth({ to: '2026-02-28' })).toMatchObject({ firms: 5, suppressed: null });
		await expect(byMonth({ from: '2026-03-02' })).rejects.toThrow(RangeError);
		await expect(byMonth({ to: '2026-03-30' })).rejects.toThrow(RangeError);
	});

	it.each(['2026-02-30', '2026/03/01', '2026-3-1', 'yesterday'])(
		'refuses the date %s',
		async (from) => {
			const chamberId = await insertChamber(db, `bad-date-${from.replaceAll('/', '')}`);
			await expect(statistics(chamberId, { from })).rejects.toThrow(RangeError);
		}
	);

	it('counts weekly starts and submissions per campaign, each series suppressed', async () => {
		const chamberId = await insertChamber(db, 'participation');
		const spring = await insertCampaign(
			db,
			chamberId,
			'2026-03-02T00:00:00.000Z',
			'2026-03-30T00:00:00.000Z'
		);
		const summer = await insertCampaign(db, chamberId, '2026-04-06T00:00:00.000Z');
		const base = { chamberId, campaignId: spring, sector: 'C', overall: 50 };
		const submitted = async (createdAt: string, submittedAt: string) =>
			insertSubmitted(db, { ...base, createdAt, submittedAt });
		// Week of 2 March: 7 started, 6 of them submitted that week.
		for (let i = 0; i < 6; i++)
			await submitted('2026-03-02T09:00:00.000Z', '2026-03-03T09:00:00.000Z');
		await insertDraft(db, { chamberId, campaignId: spring, createdAt: '2026-03-08T23:00:00.000Z' });
		// Week of 9 March: 2 started, submitted the week after.
		for (let i = 0; i < 2; i++)
			await submitted('2026-03-13T09:00:00.000Z', '2026-03-16T09:00:00.000Z');
		// Week of 16 March: 5 started and submitted.
		for (let i = 0; i < 5; i++)
			await submitted('2026-03-17T09:00:00.000Z', '2026-03-18T09:00:00.000Z');

		const result = await statistics(chamberId, { sector: 'Q' });
		// Sector Q has no firm, but participation does not look at the sector.
		expect(result).toMatchObject({ firms: 0, suppressed: null, overall: { mean: null } });
		const week = (
			campaignId: string,
			day: string,
			started: number | null,
			count: number | null
		) => ({
			campaignId,
			week: day,
			started,
			submitted: count
		});
		const springWeeks = [
			// 2 starts in the week of 9 March are too few; the smallest other week (5) is hidden with them.
			week(spring, '2026-03-02', 7, 6),
			week(spring, '2026-03-09', null, 0),
			week(spring, '2026-03-16', null, 7),
			week(spring, '2026-03-23', 0, 0)
		];
		const summerWeeks = [
			'04-06',
			'04-13',
			'04-20',
			'04-27',
			'05-04',
			'05-11',
			'05-18',
			'05-25'
		].map((day) => week(summer, `2026-${day}`, 0, 0));
		expect(result.participation).toEqual([...springWeeks, ...summerWeeks]);

		const oneCampaign = await statistics(chamberId, { campaignId: spring });
		expect(oneCampaign.participation).toEqual(springWeeks);

		// A period selects the weeks it touches, counted whole.
		const period = await statistics(chamberId, { from: '2026-03-10', to: '2026-03-17' });
		expect(period.participation).toEqual([
			week(spring, '2026-03-09', null, 0),
			week(spring, '2026-03-16', null, 7)
		]);
	});

	it("never counts another chamber's campaigns in participation", async () => {
		const mine = await insertChamber(db, 'mine');
		const theirs = await insertChamber(db, 'theirs');
		const campaignId = await insertCampaign(db, theirs, '2026-05-04T00:00:00.000Z');
		for (let i = 0; i < 5; i++) {
			await insertDraft(db, {
				chamberId: theirs,
				campaignId,
				createdAt: '2026-05-05T09:00:00.000Z'
			});
		}
		const result = await statistics(mine, { campaignId });
		expect(result.participation).toEqual([]);
		expect(result.firms).toBe(0);
	});
});

describe.each(testDatabases())('comparison with all chambers on $name', (target) => {
	let db: Db;
	let first: string;
	let campaignId: string;
	beforeAll(async () => {
		db = await target.open();
		const submittedAt = MARCH_2;
		first = await insertChamber(db, 'first');
		campaignId = await insertCampaign(db, first);
		const second = await insertChamber(db, 'second');
		const third = await insertChamber(db, 'third');
		const add = async (chamberId: string, count: number, firm: Firm) => {
			for (let i = 0; i < count; i++) await insertSubmitted(db, { ...firm, chamberId });
		};
		const scores = (overall: number, energy: number, resource: number) => ({
			overall,
			submittedAt,
			themes: { energy, resource }
		});
		await add(first, 6, { ...scores(40, 30, 20), sector: 'C', campaignId });
		await add(first, 5, { ...scores(20, 10, 10), sector: 'F' });
		await add(second, 6, { ...scores(60, 50, 40), sector: 'C' });
		await add(second, 1, { ...scores(100, 100, 100), sector: 'F' });
		await add(third, 6, { ...scores(80, 70, 60), sector: 'D' });
	});
	afterAll(() => target.close());

	const compare = (filters: StatisticsFilters) =>
		chamberStatistics(db, first, filters, { ...options, compareAllChambers: true });

	it('averages every chamber, leaving out only the campaign filter', async () => {
		const result = await compare({ campaignId });
		expect(result.firms).toBe(6);
		expect(result.allChambers).toEqual({
			suppressed: null,
			firms: 24,
			overallMean: 53.3,
			themes: [
				{ id: 'energy', mean: 43.8 },
				{ id: 'resource', mean: 36.3 },
				{ id: 'market', mean: null }
			]
		});
		expect((await compare({ sector: 'C' })).allChambers).toEqual({
			suppressed: null,
			firms: 12,
			overallMean: 50,
			themes: [
				{ id: 'energy', mean: 40 },
				{ id: 'resource', mean: 30 },
				{ id: 'market', mean: null }
			]
		});
		expect(
			await allChambersComparison(
				db,
				first,
				{ sector: 'C' },
				{ ...options, compareAllChambers: true }
			)
		).toEqual((await compare({ sector: 'C' })).allChambers);
		expect(
			(
				await chamberStatistics(
					db,
					first,
					{ sector: 'C', from: '2026-03-01' },
					{
						...options,
						compareAllChambers: true,
						periodUnit: 'month'
					}
				)
			).allChambers
		).toEqual((await compare({ sector: 'C' })).allChambers);
		// A period around every submission changes nothing (and groups all chambers' firms by day).
		expect(
			(await compare({ sector: 'C', from: '2026-03-01', to: '2026-03-31' })).allChambers
		).toEqual((await compare({ sector: 'C' })).allChambers);
		// Sector D is only the third chamber's: the first sees none of its own, and all chambers' six.
		expect(await compare({ sector: 'D' })).toMatchObject({
			firms: 0,
			allChambers: {
				firms: 6,
				overallMean: 80,
				themes: [{ mean: 70 }, { mean: 60 }, { mean: null }]
			}
		});
	});

	it("withholds the comparison when the other chambers' share is too small", async () => {
		// Sector F: 5 firms of the first chamber and 1 of another. The first chamber could subtract its own.
		const result = await compare({ sector: 'F' });
		expect(result.firms).toBe(5);
		expect(result.allChambers).toEqual({
			suppressed: 'too_few',
			firms: null,
			overallMean: null,
			themes: options.themes.map((id) => ({ id, mean: null }))
		});
	});
});
