import { describe, expect, it } from 'vitest';
import {
	cbamKey,
	cbamReadinessKey,
	emissionKey,
	withheldCarbonFigures
} from '$lib/server/aggregates/carbon';
import { allChambersFigures, comparedFilter } from '$lib/server/aggregates/comparison';
import { ownFigures } from '$lib/server/aggregates/own-figures';
import { firmsNeeded, participation, percentOf } from '$lib/server/aggregates/participation';
import type { Firm, NationalGroup } from '$lib/server/aggregates/types';
import { mean, median, singleFilter } from '$lib/server/aggregates/view';
import { statisticsFirm } from '../fixtures/statistics-firm';

/*
 * The pure parts of the chamber statistics that the property test (differencing.spec.ts) does not reach through
 * `ownFigures`: the arithmetic, the progress and trends figures and the comparison with all chambers, without a database.
 */

/** A firm that said nothing of its campaign, sector, size or province. */
const firm = (overrides: Partial<Firm> = {}) =>
	statisticsFirm({ campaignId: null, sector: null, sizeClass: null, province: null, ...overrides });

describe('mean and median', () => {
	it.each([
		{ values: [], mean: null, median: null },
		{ values: [40], mean: 40, median: 40 },
		{ values: [10, 20, 40], mean: 23.3, median: 20 },
		{ values: [40, 10, 20, 31], mean: 25.3, median: 25.5 }
	])('of $values: $mean and $median, to one decimal', (row) => {
		expect(mean(row.values)).toBe(row.mean);
		expect(median(row.values)).toBe(row.median);
	});
});

describe('singleFilter', () => {
	it('takes the one filter set, or none', () => {
		expect(singleFilter({})).toBeUndefined();
		expect(singleFilter({ sector: 'C' })).toEqual({ name: 'sector', value: 'C' });
	});

	it('refuses two filters at once, as each view must be a cell of one table', () => {
		expect(() => singleFilter({ sector: 'C', province: '34' })).toThrow(RangeError);
	});
});

describe('carbon keys', () => {
	it.each([
		{ scope1: null, scope2: null, key: null },
		{ scope1: 4, scope2: 5.9, key: '0' },
		{ scope1: 6, scope2: 4, key: '1' },
		{ scope1: 999, scope2: 0.5, key: '2' },
		{ scope1: 600, scope2: 400, key: '3' }
	])('a firm with Scope 1 $scope1 t and Scope 2 $scope2 t is in emission band $key', (row) => {
		expect(emissionKey(firm({ scope1: row.scope1, scope2: row.scope2 }))).toBe(row.key);
	});

	it('files a firm not screened for CBAM, or at an unknown exposure, under null', () => {
		expect(cbamKey(firm({ cbam: 'in_scope' }))).toBe('in_scope');
		expect(cbamKey(firm({ cbam: null }))).toBeNull();
		expect(cbamKey(firm({ cbam: 'high' }))).toBeNull();
	});

	it('files a firm not asked about CBAM data, or at an unknown readiness, under null', () => {
		expect(cbamReadinessKey(firm({ cbam: 'likely', cbamReadiness: 'estimate' }))).toBe('estimate');
		expect(cbamReadinessKey(firm({ cbam: 'none' }))).toBeNull();
		expect(cbamReadinessKey(firm({ cbamReadiness: 'partial' }))).toBeNull();
	});

	it('withholds every carbon figure of a view that may not be shown, bands and levels kept', () => {
		const carbon = withheldCarbonFigures('too_few');
		expect(carbon.total).toBeNull();
		expect(carbon.withheld.total).toBe('too_few');
		expect(carbon.emissionBands.map((band) => [band.min, band.max, band.firms])).toEqual([
			[0, 10, null],
			[10, 100, null],
			[100, 1000, null],
			[1000, null, null]
		]);
		expect(carbon.cbamExposure.every((cell) => cell.firms === null)).toBe(true);
		expect(carbon.cbamReadiness.map((cell) => [cell.readiness, cell.firms])).toEqual([
			['verified', null],
			['estimate', null],
			['none', null]
		]);
	});
});

describe('progress', () => {
	const published = (shown: string[], hidden: string[] = []) => ({
		shown: new Set<string | null>(shown),
		hidden: new Set<string | null>(hidden)
	});
	const inCampaign = (campaignId: string, count: number) =>
		Array.from({ length: count }, () => firm({ campaignId }));

	it('works out percentages to one decimal, and none without a whole', () => {
		expect(percentOf(2, 3)).toBe(66.7);
		expect(percentOf(130, 120)).toBe(108.3);
		expect(percentOf(null, 10)).toBeNull();
		expect(percentOf(5, null)).toBeNull();
		expect(percentOf(0, 0)).toBeNull();
	});

	it.each([
		{ submitted: 0, needed: 5 },
		{ submitted: 3, needed: 2 },
		{ submitted: 4, needed: 1 },
		{ submitted: 5, needed: null },
		{ submitted: 40, needed: null }
	])('needs $needed more firms after $submitted', ({ submitted, needed }) => {
		expect(firmsNeeded(submitted, 5)).toBe(needed);
	});

	it('counts submitted firms and first drafts per campaign, against each target', () => {
		const firms = [...inCampaign('a', 8), ...inCampaign('b', 6)];
		const result = participation(
			firms,
			[
				{ id: 'a', target: 20, drafts: 2 },
				{ id: 'b', target: null, drafts: 0 }
			],
			50,
			published(['a', 'b']),
			5
		);
		expect(result).toEqual({
			started: 16,
			submitted: 14,
			target: 50,
			completionRate: 87.5,
			progress: 28,
			needed: null,
			withheld: null,
			byCampaign: [
				{
					campaignId: 'a',
					started: 10,
					submitted: 8,
					target: 20,
					completionRate: 80,
					progress: 40,
					needed: null,
					withheld: null
				},
				{
					campaignId: 'b',
					started: 6,
					submitted: 6,
					target: null,
					completionRate: 100,
					progress: null,
					needed: null,
					withheld: null
				}
			]
		});
	});

	it("withholds a campaign's submitted firms with its view and says how many more it needs", () => {
		const firms = [...inCampaign('a', 9), ...inCampaign('b', 3), ...inCampaign('c', 6)];
		const result = participation(
			firms,
			[
				{ id: 'a', target: null, drafts: 1 },
				{ id: 'b', target: 10, drafts: 0 },
				{ id: 'c', target: null, drafts: 0 },
				{ id: 'd', target: 4, drafts: 0 }
			],
			null,
			// As `publishPartitions` decides: b is too small, c hidden with it so that b cannot be worked out.
			published(['a'], ['b', 'c']),
			5
		);
		expect(
			result.byCampaign.map(({ campaignId, submitted, needed, withheld, progress }) => ({
				campaignId,
				submitted,
				needed,
				withheld,
				progress
			}))
		).toEqual([
			{ campaignId: 'a', submitted: 9, needed: null, withheld: null, progress: null },
			{ campaignId: 'b', submitted: null, needed: 2, withheld: 'too_few', progress: null },
			{
				campaignId: 'c',
				submitted: null,
				needed: null,
				withheld: 'filters_single_out',
				progress: null
			},
			// No firm yet: 0 is shown, and all five are needed.
			{ campaignId: 'd', submitted: 0, needed: 5, withheld: null, progress: 0 }
		]);
		// Started: b's 3 are too few, and the smallest other (c's 6) is hidden with them.
		expect(result.byCampaign.map((campaign) => campaign.started)).toEqual([10, null, null, 0]);
		expect(result).toMatchObject({ started: 19, submitted: 18, needed: null });
	});

	it('withholds the totals of a chamber under the minimum and says how many more it needs', () => {
		const result = participation(
			inCampaign('a', 3),
			[{ id: 'a', target: 30, drafts: 1 }],
			30,
			published([], ['a']),
			5
		);
		expect(result).toMatchObject({
			started: null,
			submitted: null,
			target: 30,
			progress: null,
			completionRate: null,
			needed: 2,
			withheld: 'too_few'
		});
		expect(result.byCampaign[0]).toMatchObject({ started: null, submitted: null, needed: 2 });
	});
});

describe('trends by month', () => {
	const options = { minGroupSize: 3, levels: ['aware'], themes: [] };
	const inMonth = (month: string, overall: number, previousOverall?: number) =>
		firm({
			month,
			overall,
			campaignId: 'c',
			...(previousOverall === undefined ? {} : { previousOverall })
		});

	it('gives each month its firms and mean, and the mean change of re-assessed firms', () => {
		const firms = [
			// One score band, so that the bands split nothing the months would have to keep apart.
			inMonth('2026-03', 60),
			inMonth('2026-03', 65),
			inMonth('2026-03', 70),
			inMonth('2026-04', 70, 60),
			inMonth('2026-04', 75, 65),
			inMonth('2026-04', 72, 60)
		];
		expect(ownFigures(firms, {}, options).trends).toEqual({
			months: [
				{ month: '2026-03', firms: 3, overallMean: 65, reassessed: 0, meanChange: null },
				{ month: '2026-04', firms: 3, overallMean: 72.3, reassessed: 3, meanChange: 10.7 }
			],
			withheld: null,
			changeShown: true
		});
	});

	it('merges months too small to show into one line, and shows no change in a filtered view', () => {
		const firms = [
			...Array.from({ length: 4 }, () => inMonth('2026-03', 40)),
			inMonth('2026-04', 70, 60),
			inMonth('2026-05', 80),
			inMonth('2026-05', 80)
		];
		const trends = ownFigures(firms, { campaignId: 'c' }, options).trends;
		expect(trends).toEqual({
			months: [{ month: '2026-03', firms: 4, overallMean: 40, reassessed: null, meanChange: null }],
			withheld: { firms: 3, overallMean: 76.7 },
			changeShown: false
		});
		// Unfiltered, March's none is shown; the single re-assessed firm stays in the withheld months.
		expect(ownFigures(firms, {}, options).trends).toMatchObject({
			months: [{ month: '2026-03', reassessed: 0, meanChange: null }],
			changeShown: true
		});
	});
});

describe('the comparison with all chambers', () => {
	const options = { minGroupSize: 3, levels: ['aware'], themes: ['energy'] };
	const group = (inView: boolean, firms: number, total: number): NationalGroup => ({
		inView,
		firms,
		total
	});

	it('keeps every filter but the campaign, which is the chamber’s own', () => {
		expect(comparedFilter(undefined)).toBeUndefined();
		expect(comparedFilter({ name: 'campaignId', value: 'c1' })).toBeUndefined();
		expect(comparedFilter({ name: 'province', value: '34' })).toEqual({
			name: 'province',
			value: '34'
		});
	});

	it('shows the means over all chambers when the other chambers have enough firms', () => {
		const own = [firm({ overall: 40, themes: new Map([['energy', 40]]) })];
		const national = {
			firms: [group(true, 4, 200)],
			byTheme: new Map([['energy', [group(true, 4, 120)]]])
		};
		expect(allChambersFigures(national, own, undefined, options)).toEqual({
			suppressed: null,
			firms: 4,
			overallMean: 50,
			themes: [{ id: 'energy', mean: 30 }]
		});
	});

	it('withholds it all when the other chambers have too few firms in the view', () => {
		const own = [firm({ sector: 'C' }), firm({ sector: 'C' })];
		const national = { firms: [group(true, 4, 200), group(false, 10, 500)], byTheme: new Map() };
		expect(
			allChambersFigures(national, own, { name: 'sector', value: 'C' }, options)
		).toMatchObject({ suppressed: 'too_few', firms: null, overallMean: null });
	});

	it('withholds it when the firms the filter leaves out would single out a small group', () => {
		const own = [firm({ sector: 'C' })];
		const national = { firms: [group(true, 5, 250), group(false, 2, 100)], byTheme: new Map() };
		expect(
			allChambersFigures(national, own, { name: 'sector', value: 'C' }, options).suppressed
		).toBe('filters_single_out');
	});

	it('withholds a theme mean whose scorers elsewhere are too few, keeping the rest', () => {
		const own = [firm({ themes: new Map([['energy', 10]]) })];
		const national = {
			firms: [group(true, 6, 300)],
			byTheme: new Map([['energy', [group(true, 3, 90)]]])
		};
		expect(allChambersFigures(national, own, undefined, options)).toMatchObject({
			overallMean: 50,
			themes: [{ id: 'energy', mean: null }]
		});
	});
});
