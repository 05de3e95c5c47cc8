import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
	allChambersComparison,
	chamberStatistics,
	type StatisticsFilters
} from '$lib/server/aggregates';
import { setTargetFirms } from '$lib/server/db/chambers';
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
			bySector: { groups: [{ key: 'C', firms: 6, overallMean: 43.7 }], withheld: null },
			bySize: { groups: [{ key: 'small', firms: 6, overallMean: 43.7 }], withheld: null },
			byProvince: { groups: [{ key: '59', firms: 6, overallMean: 43.7 }], withheld: null },
			allChambers: null
		});
		// One firm starting, two aware, two developing, one leading: every non-empty level is under 5. The empty one
		// is withheld too, so that a dash does not tell which levels have firms.
		expect(result.levels).toEqual([
			{ id: 'starting', firms: null },
			{ id: 'aware', firms: null },
			{ id: 'developing', firms: null },
			{ id: 'advanced', firms: null },
			{ id: 'leading', firms: null }
		]);
		expect(result.scoreBands.map((band) => [band.min, band.max, band.firms])).toEqual([
			[0, 20, null],
			[20, 40, null],
			[40, 60, null],
			[60, 80, null],
			[80, 100, null]
		]);
	});

	/** Micro firms of one province: 7 in sector C scoring 50, 6 in D scoring 60, and 3 in F scoring 70. */
	const microFirm = { sizeClass: 'micro', province: '59', submittedAt: MARCH_2 };
	const inF = (count: number) => firms(count, { ...microFirm, sector: 'F', overall: 70 });
	const threeSectors = () => [
		...firms(7, { ...microFirm, sector: 'C', overall: 50 }),
		...firms(6, { ...microFirm, sector: 'D', overall: 60 }),
		...inF(3)
	];

	it('hides small groups and complements them so no group under the minimum can be worked out', async () => {
		const chamberId = await chamberWith('complement', threeSectors());

		const result = await statistics(chamberId);
		expect(result.firms).toBe(16);
		// F (3 firms) is too small; alone it would be the total minus C and D, so D goes too, and neither is named.
		expect(result.bySector).toEqual({
			groups: [{ key: 'C', firms: 7, overallMean: 50 }],
			withheld: { firms: 9, overallMean: 63.3, groups: 2 }
		});
		expect(result.bySize).toEqual({
			groups: [{ key: 'micro', firms: 16, overallMean: 57.5 }],
			withheld: null
		});
		expect(result.levels.map((level) => level.firms)).toEqual([0, 0, 7, 9, 0]);
		expect(result.scoreBands.map((band) => band.firms)).toEqual([0, 0, 7, 9, 0]);

		expect(await statistics(chamberId, { sector: 'F' })).toMatchObject({
			firms: null,
			suppressed: 'too_few',
			overall: { mean: null, median: null }
		});
	});

	it('shows a group on the next view once new submissions bring it to the minimum', async () => {
		const chamberId = await chamberWith('grows', threeSectors());
		// Viewed twice, so the second view reads what the first one kept.
		await statistics(chamberId);
		expect((await statistics(chamberId)).bySector.withheld).toMatchObject({ groups: 2 });

		for (const firm of inF(2)) await insertSubmitted(db, { ...firm, chamberId });
		expect((await statistics(chamberId)).bySector).toEqual({
			groups: [
				{ key: 'C', firms: 7, overallMean: 50 },
				{ key: 'D', firms: 6, overallMean: 60 },
				{ key: 'F', firms: 5, overallMean: 70 }
			],
			withheld: null
		});
		expect((await statistics(chamberId, { sector: 'F' })).firms).toBe(5);
	});

	it("resists the audit's attack: no requestable views give away sector G in province 34", async () => {
		// All 21 C firms are in province 34, which has 4 G firms besides: province 34 minus sector C would be those
		// 4, their count and their mean. Size class and campaign are the same for all, so they tell nothing.
		const base = { sizeClass: 'small', submittedAt: MARCH_2, themes: { energy: 50 } };
		const chamberId = await chamberWith('audit', [
			...firms(21, { ...base, sector: 'C', province: '34', overall: 40 }),
			...firms(4, { ...base, sector: 'G', province: '34', overall: 90 }),
			...firms(20, { ...base, sector: 'G', province: '06', overall: 60 })
		]);
		const views: StatisticsFilters[] = [
			{},
			{ sector: 'C' },
			{ sector: 'G' },
			{ province: '34' },
			{ province: '06' },
			{ sizeClass: 'small' }
		];
		const results = await Promise.all(views.map((filters) => statistics(chamberId, filters)));
		const [whole, c, g, istanbul, ankara] = results;
		expect(whole.bySector.groups.map((group) => [group.key, group.firms])).toEqual([
			['C', 21],
			['G', 24]
		]);
		// The province table would cut the 4 out of sector G: withheld whole, and so are its views.
		expect(whole.byProvince).toEqual({
			groups: [],
			withheld: { firms: 45, overallMean: 53.3, groups: 2 }
		});
		expect(istanbul.suppressed).toBe('filters_single_out');
		expect(ankara.suppressed).toBe('filters_single_out');
		// Within a sector, the provinces are not named either: no key tells that C lies wholly in 34.
		expect(c.byProvince).toEqual({
			groups: [],
			withheld: { firms: 21, overallMean: 40, groups: 1 }
		});
		expect(g.byProvince).toEqual({
			groups: [],
			withheld: { firms: 24, overallMean: 65, groups: 2 }
		});
		// A cell and the view filtered to it agree.
		expect([c.firms, g.firms]).toEqual([21, 24]);
		// No sum or difference of up to three published counts is 4.
		const counts = new Set<number>();
		for (const result of results) {
			for (const count of [
				result.firms,
				...result.themes.map((theme) => theme.firms),
				...result.levels.map((level) => level.firms),
				...result.scoreBands.map((band) => band.firms),
				...[result.bySector, result.bySize, result.byProvince].flatMap((breakdown) => [
					...breakdown.groups.map((group) => group.firms),
					breakdown.withheld?.firms ?? null
				])
			]) {
				if (count !== null) counts.add(count);
			}
		}
		const list = [0, ...counts];
		for (const a of list)
			for (const b of list)
				for (const c of list) expect([a - b - c, a + b - c, a - b + c]).not.toContain(4);
	});

	it("shows a filtered view's breakdown as a row of a two-way table with no small cell", async () => {
		const base = { sizeClass: 'small', submittedAt: MARCH_2 };
		const chamberId = await chamberWith('two-way', [
			...firms(10, { ...base, sector: 'C', province: '34', overall: 40 }),
			...firms(6, { ...base, sector: 'C', province: '06', overall: 50 }),
			...firms(7, { ...base, sector: 'G', province: '34', overall: 60 }),
			...firms(8, { ...base, sector: 'G', province: '06', overall: 70 })
		]);
		const whole = await statistics(chamberId);
		expect(whole.bySector.groups.map((group) => group.firms)).toEqual([16, 15]);
		expect((await statistics(chamberId, { province: '34' })).bySector).toEqual({
			groups: [
				{ key: 'C', firms: 10, overallMean: 40 },
				{ key: 'G', firms: 7, overallMean: 60 }
			],
			withheld: null
		});
		expect(await statistics(chamberId, { sector: 'C' })).toMatchObject({
			firms: 16,
			byProvince: {
				groups: [
					{ key: '06', firms: 6 },
					{ key: '34', firms: 10 }
				]
			}
		});
	});

	it('refuses two filters at once', async () => {
		const chamberId = await insertChamber(db, 'two-filters');
		await expect(statistics(chamberId, { sector: 'C', province: '34' })).rejects.toThrow(
			RangeError
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

	it('counts firms started and submitted per campaign against the targets', async () => {
		const chamberId = await insertChamber(db, 'participation');
		await setTargetFirms(db, chamberId, 30);
		const spring = await insertCampaign(db, chamberId, '2026-02-02T00:00:00.000Z');
		const summer = await insertCampaign(db, chamberId, '2026-04-06T00:00:00.000Z');
		await db.updateTable('campaign').set({ target_firms: 20 }).where('id', '=', spring).execute();
		const base = { chamberId, sector: 'C', overall: 50 };
		// Spring: 7 firms submitted in March as Türkiye counts it, one at 01:00 on 1 March (still February in UTC).
		const springIds: string[] = [];
		for (let i = 0; i < 6; i++) {
			springIds.push(
				await insertSubmitted(db, { ...base, campaignId: spring, submittedAt: MARCH_2 })
			);
		}
		await insertSubmitted(db, {
			...base,
			campaignId: spring,
			submittedAt: '2026-02-28T22:00:00.000Z'
		});
		// Two firms started and have not submitted; a third draft re-assesses a submitted firm, counted already.
		for (let i = 0; i < 2; i++) {
			await insertDraft(db, { chamberId, campaignId: spring, createdAt: MARCH_2 });
		}
		await insertDraft(db, {
			chamberId,
			campaignId: spring,
			createdAt: MARCH_2,
			previousId: springIds[0]
		});
		// Summer: 5 firms re-assessed in April, each 10 points up from March.
		for (let i = 0; i < 5; i++) {
			const first = await insertSubmitted(db, {
				...base,
				overall: 45,
				campaignId: summer,
				submittedAt: '2026-04-07T10:00:00.000Z'
			});
			await insertSubmitted(db, {
				...base,
				overall: 55,
				campaignId: summer,
				submittedAt: '2026-04-20T10:00:00.000Z',
				previousId: first
			});
		}

		const result = await statistics(chamberId);
		expect(result.participation).toEqual({
			started: 14,
			submitted: 12,
			target: 30,
			completionRate: 85.7,
			progress: 40,
			needed: null,
			withheld: null,
			byCampaign: [
				{
					campaignId: spring,
					started: 9,
					submitted: 7,
					target: 20,
					completionRate: 77.8,
					progress: 35,
					needed: null,
					withheld: null
				},
				{
					campaignId: summer,
					started: 5,
					submitted: 5,
					target: null,
					completionRate: 100,
					progress: null,
					needed: null,
					withheld: null
				}
			]
		});
		expect(result.trends).toEqual({
			months: [
				{ month: '2026-03', firms: 7, overallMean: 50, reassessed: 0, meanChange: null },
				{ month: '2026-04', firms: 5, overallMean: 55, reassessed: 5, meanChange: 10 }
			],
			withheld: null,
			changeShown: true
		});
		// Progress is the chamber's in every view; the months follow the view, without the change.
		const sector = await statistics(chamberId, { sector: 'C' });
		expect(sector.participation).toEqual(result.participation);
		expect(sector.trends).toMatchObject({
			months: [
				{ month: '2026-03', reassessed: null },
				{ month: '2026-04', reassessed: null }
			],
			changeShown: false
		});
	});

	it('withholds small counts and says how many more firms are needed', async () => {
		const chamberId = await insertChamber(db, 'few');
		const campaignId = await insertCampaign(db, chamberId);
		for (let i = 0; i < 3; i++) {
			await insertSubmitted(db, { chamberId, campaignId, overall: 50, submittedAt: MARCH_2 });
		}
		await insertDraft(db, { chamberId, campaignId, createdAt: MARCH_2 });
		const result = await statistics(chamberId);
		expect(result.participation).toMatchObject({
			started: null,
			submitted: null,
			needed: 2,
			withheld: 'too_few',
			byCampaign: [{ campaignId, started: null, submitted: null, needed: 2 }]
		});
		expect(result.trends).toEqual({ months: [], withheld: null, changeShown: false });
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
		expect(result.participation).toMatchObject({ started: 0, submitted: 0, byCampaign: [] });
		expect(result.firms).toBe(0);
	});

	it('shows the maturity distribution of 57 manufacturers that the carbon split used to hide', async () => {
		const base = { sizeClass: 'small', province: '34', submittedAt: MARCH_2 };
		/** `count` firms of a sector at a level's score, the first `estimates` with a carbon estimate. */
		const group = (sector: string, overall: number, count: number, estimates: number) =>
			firms(count, { ...base, sector, overall }, (i) =>
				i < estimates ? { scope1: 10 + i, scope2: 5 } : {}
			);
		const chamberId = await chamberWith('manufacturers', [
			...group('C', 50, 40, 20),
			...group('C', 30, 10, 2),
			...group('C', 70, 7, 3),
			...group('G', 50, 30, 10),
			...group('G', 30, 15, 1),
			...group('G', 70, 15, 5)
		]);
		const result = await statistics(chamberId, { sector: 'C' });
		expect(result.firms).toBe(57);
		expect(result.levels).toEqual([
			{ id: 'starting', firms: 0 },
			{ id: 'aware', firms: 10 },
			{ id: 'developing', firms: 40 },
			{ id: 'advanced', firms: 7 },
			{ id: 'leading', firms: 0 }
		]);
		expect(result.otherLevels).toBeNull();
		// The price: three "aware" firms alone have an estimate, so the carbon totals are withheld. Ahead of the
		// levels, that split hid the levels instead, and with them the whole view.
		expect(result.carbon.firms).toBeNull();
	});

	it('lists no empty group, merges the withheld ones into one line and orders sizes and provinces', async () => {
		const base = { sector: 'C', overall: 50, submittedAt: MARCH_2 };
		const chamberId = await chamberWith('ordered', [
			...firms(6, { ...base, sizeClass: 'large', province: '34' }),
			...firms(6, { ...base, sizeClass: 'micro', province: '06' }),
			...firms(6, { ...base, sizeClass: 'medium', province: '34' }),
			...firms(2, { ...base, sizeClass: 'small', province: '01' }),
			...firms(3, { ...base, sizeClass: 'small', province: '81' })
		]);
		const result = await chamberStatistics(
			db,
			chamberId,
			{},
			{ ...options, sizeClasses: ['micro', 'small', 'medium', 'large'] }
		);
		expect(result.bySize.groups.map((group) => group.key)).toEqual([
			'micro',
			'small',
			'medium',
			'large'
		]);
		expect(result.byProvince.groups.map((group) => group.key)).toEqual(['06', '34']);
		expect(result.byProvince.withheld).toEqual({ firms: 5, overallMean: 50, groups: 2 });
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
