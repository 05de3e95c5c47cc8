import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ownFigures } from '$lib/server/aggregates/own-figures';
import type { Firm } from '$lib/server/aggregates/types';
import { groupOrder, mergeWithheld } from '$lib/server/aggregates/view';

/*
 * The merged lines that keep a partly withheld distribution readable, and the order of breakdowns. The merged lines
 * are safe because each is the view's firms minus the cells shown, a set `differencing.spec.ts` already counts as
 * published; these tests check that they are exactly that set.
 */

const LEVELS = ['starting', 'aware', 'developing', 'advanced', 'leading'];
const SIZES = ['micro', 'small', 'medium', 'large'];

const firm: fc.Arbitrary<Firm> = fc
	.record({
		campaignId: fc.constantFrom('k1', 'k2'),
		sector: fc.option(fc.constantFrom('A', 'C', 'G'), { freq: 6 }),
		sizeClass: fc.option(fc.constantFrom(...SIZES), { freq: 6 }),
		province: fc.constantFrom('06', '34', '34', '34', '01', '81'),
		overall: fc.integer({ min: 0, max: 100 }),
		market: fc.boolean()
	})
	.map((drawn) => ({
		campaignId: drawn.campaignId,
		sector: drawn.sector,
		sizeClass: drawn.sizeClass,
		province: drawn.province,
		overall: drawn.overall,
		level: LEVELS[Math.min(4, Math.floor(drawn.overall / 20))],
		themes: new Map(drawn.market ? [['market', drawn.overall]] : []),
		scope1: null,
		scope2: null,
		cbam: null,
		cbamReadiness: null,
		priorities: [],
		plan: new Map()
	}));

const options = (min: number) => ({
	minGroupSize: min,
	levels: LEVELS,
	themes: ['market'],
	sizeClasses: SIZES
});

describe('mergeWithheld', () => {
	it('merges exactly the withheld cells, as the total minus the shown ones', () => {
		const cells = fc.array(
			fc.record({ key: fc.string(), firms: fc.option(fc.nat(30), { freq: 2 }) }),
			{ maxLength: 6 }
		);
		fc.assert(
			fc.property(cells, fc.nat(40), (list, extra) => {
				const total = list.reduce((sum, cell) => sum + (cell.firms ?? 0), 0) + extra;
				const merged = mergeWithheld(list, total);
				const withheld = list.filter((cell) => cell.firms === null);
				if (withheld.length === 0 || withheld.length === list.length) {
					expect(merged).toBeNull();
				} else {
					expect(merged).toEqual({ keys: withheld.map((cell) => cell.key), firms: extra });
				}
			})
		);
	});
});

describe('groupOrder', () => {
	it('puts sizes in the questionnaire order, plate codes by number, letters in order, the unknown last', () => {
		expect(['large', null, 'micro', 'medium', 'small'].sort(groupOrder(SIZES))).toEqual([
			'micro',
			'small',
			'medium',
			'large',
			null
		]);
		expect(['81', '6', null, '01', '34', '10'].sort(groupOrder())).toEqual([
			'01',
			'6',
			'10',
			'34',
			'81',
			null
		]);
		expect(['G', 'C', null, 'A'].sort(groupOrder())).toEqual(['A', 'C', 'G', null]);
	});

	it('is a total order: any shuffle sorts the same', () => {
		const keys = fc.uniqueArray(
			fc.option(
				fc.oneof(
					fc.constantFrom(...SIZES, 'A', 'C', 'Z'),
					fc.integer({ min: 1, max: 81 }).map(String)
				),
				{
					freq: 8
				}
			)
		);
		fc.assert(
			fc.property(keys, (list) => {
				const order = groupOrder(SIZES);
				expect([...list].reverse().sort(order)).toEqual([...list].sort(order));
			})
		);
	});
});

describe('merged lines of a view', () => {
	const chamber = fc.record({
		firms: fc.array(firm, { minLength: 10, maxLength: 70 }),
		min: fc.integer({ min: 3, max: 5 })
	});
	const views = [
		{},
		{ campaignId: 'k1' },
		{ sector: 'C' },
		{ sizeClass: 'small' },
		{ province: '34' }
	];

	it('merges the withheld levels, bands and groups as the rest of the view, in order, with no empty row', () => {
		let merged = 0;
		fc.assert(
			fc.property(chamber, ({ firms, min }) => {
				for (const filters of views) {
					const s = ownFigures(firms, filters, options(min));
					if (s.firms === null) continue;
					const inView = firms.filter((f) =>
						Object.entries(filters).every(([name, value]) => f[name as keyof Firm] === value)
					);
					const shownLevels = s.levels.reduce((sum, level) => sum + (level.firms ?? 0), 0);
					if (s.otherLevels) {
						merged++;
						const keys = new Set(s.otherLevels.keys);
						expect(s.otherLevels.firms).toBe(s.firms - shownLevels);
						expect(s.otherLevels.firms).toBe(inView.filter((f) => keys.has(f.level)).length);
					}
					const shownBands = s.scoreBands.reduce((sum, band) => sum + (band.firms ?? 0), 0);
					if (s.otherScoreBands) expect(s.otherScoreBands.firms).toBe(s.firms - shownBands);
					for (const [name, breakdown, order] of [
						['sector', s.bySector, groupOrder()],
						['sizeClass', s.bySize, groupOrder(SIZES)],
						['province', s.byProvince, groupOrder()]
					] as const) {
						const keys = breakdown.groups.map((group) => group.key);
						expect(keys).toEqual([...keys].sort(order));
						expect(breakdown.groups.every((group) => group.firms > 0)).toBe(true);
						const rest = inView.filter((f) => !keys.includes(f[name]));
						expect(breakdown.withheld?.firms ?? 0).toBe(rest.length);
						expect(breakdown.withheld?.groups ?? 0).toBe(new Set(rest.map((f) => f[name])).size);
					}
				}
			}),
			{ numRuns: 80 }
		);
		expect(merged).toBeGreaterThan(0);
	});
});
