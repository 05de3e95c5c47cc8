import { describe, expect, it } from 'vitest';
import {
	cbamKey,
	cbamReadinessKey,
	emissionKey,
	withheldCarbonFigures
} from '$lib/server/aggregates/carbon';
import { allChambersFigures, comparedFilter } from '$lib/server/aggregates/comparison';
import { participation } from '$lib/server/aggregates/participation';
import type { Firm, NationalGroup } from '$lib/server/aggregates/types';
import { mean, median, singleFilter } from '$lib/server/aggregates/view';

/*
 * The pure parts of the chamber statistics that the property test (differencing.spec.ts) does not reach through
 * `ownFigures`: the arithmetic, the participation series and the comparison with all chambers, without a database.
 */

function firm(overrides: Partial<Firm> = {}): Firm {
	return {
		campaignId: null,
		sector: null,
		sizeClass: null,
		province: null,
		overall: 50,
		level: 'aware',
		themes: new Map(),
		scope1: null,
		scope2: null,
		cbam: null,
		cbamReadiness: null,
		priorities: [],
		plan: new Map(),
		...overrides
	};
}

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

describe('participation', () => {
	const campaign = {
		id: 'c1',
		// A Wednesday: the series starts on that week's Monday.
		opens_at: '2026-01-07T09:00:00.000Z',
		closes_at: '2026-01-21T00:00:00.000Z'
	};
	const started = (day: string, submitted: string | null = null) => ({
		campaign_id: 'c1',
		created_at: `${day}T10:00:00.000Z`,
		submitted_at: submitted && `${submitted}T10:00:00.000Z`
	});

	it('counts starts and submissions per Monday-based week, quiet weeks as 0', () => {
		const activity = [
			...Array.from({ length: 3 }, () => started('2026-01-07', '2026-01-19')),
			...Array.from({ length: 3 }, () => started('2026-01-08', '2026-01-20'))
		];
		expect(participation([campaign], activity, 3, new Date('2026-02-01T00:00:00Z'))).toEqual([
			{ campaignId: 'c1', week: '2026-01-05', started: 6, submitted: 0 },
			{ campaignId: 'c1', week: '2026-01-12', started: 0, submitted: 0 },
			{ campaignId: 'c1', week: '2026-01-19', started: 0, submitted: 6 }
		]);
	});

	it('ends an open campaign at now and withholds small weeks with their complement', () => {
		const open = { ...campaign, closes_at: null };
		const activity = [
			...Array.from({ length: 5 }, () => started('2026-01-07')),
			started('2026-01-13')
		];
		expect(participation([open], activity, 3, new Date('2026-01-14T00:00:00Z'))).toEqual([
			{ campaignId: 'c1', week: '2026-01-05', started: null, submitted: 0 },
			{ campaignId: 'c1', week: '2026-01-12', started: null, submitted: 0 }
		]);
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
