import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
	compareKeys,
	publishes,
	publishPartitions,
	suppressBreakdown,
	suppressCount
} from '$lib/server/aggregates';

describe('suppressCount', () => {
	it.each([
		[0, 5, 0],
		[1, 5, null],
		[4, 5, null],
		[5, 5, 5],
		[120, 5, 120],
		[2, 3, null],
		[3, 3, 3]
	])('shows %i firms with a minimum of %i as %s', (n, min, shown) => {
		expect(suppressCount(n, min)).toBe(shown);
	});

	it.each([2, 0, 4.5, Number.NaN])('refuses a minimum group size of %s', (min) => {
		expect(() => suppressCount(10, min)).toThrow(RangeError);
	});
});

describe('compareKeys', () => {
	it('orders by code unit, not locale, with the unknown key last', () => {
		const keys = ['b', null, 'C', 'a', 'İ'];
		expect(keys.sort(compareKeys)).toEqual(['C', 'a', 'b', 'İ', null]);
	});
});

const cell = (key: string | null, firms: number, mean: number | null = firms * 2) => ({
	key,
	firms,
	mean
});

describe('suppressBreakdown', () => {
	it.each([
		{
			name: 'leaves a breakdown with no small cell alone',
			cells: [cell('C', 7), cell('D', 5), cell('F', 0)],
			hidden: []
		},
		{
			name: 'hides small cells that together hold enough firms',
			cells: [cell('C', 7), cell('D', 3), cell('F', 2)],
			hidden: ['D', 'F']
		},
		{
			name: 'hides the next smallest cell when one small cell could be worked out from the total',
			cells: [cell('C', 7), cell('D', 6), cell('F', 3)],
			hidden: ['D', 'F']
		},
		{
			name: 'keeps hiding until the hidden cells hold the minimum',
			cells: [cell('C', 9), cell('D', 1), cell('E', 1), cell('F', 1), cell('G', 8)],
			hidden: ['D', 'E', 'F', 'G']
		},
		{
			name: 'breaks ties between equal cells by key, the unknown key last',
			cells: [cell(null, 6), cell('D', 6), cell('C', 6), cell('F', 2)],
			hidden: ['C', 'F']
		},
		{
			name: 'hides every cell when all are needed',
			cells: [cell('C', 5), cell('D', 1)],
			hidden: ['C', 'D']
		},
		{
			name: 'never hides an empty cell',
			cells: [cell('C', 9), cell('D', 0), cell('F', 4)],
			hidden: ['C', 'F']
		}
	])('$name', ({ cells, hidden }) => {
		const result = suppressBreakdown(cells, 5);
		expect(result.filter((c) => c.firms === null).map((c) => c.key)).toEqual(hidden);
	});

	it('withholds every figure of a hidden cell and keeps its key', () => {
		const [c, d] = suppressBreakdown(
			[
				{ key: 'C', firms: 9, mean: 40, median: 41 },
				{ key: 'D', firms: 2, mean: 80, median: 82 }
			],
			5
		);
		expect(c).toEqual({ key: 'C', firms: null, mean: null, median: null });
		expect(d).toEqual({ key: 'D', firms: null, mean: null, median: null });
	});

	const cells = fc
		.uniqueArray(
			fc.record({ key: fc.option(fc.constantFrom(...'ABCDEFGHIJ')), firms: fc.nat(14) }),
			{
				selector: (c) => c.key,
				maxLength: 8
			}
		)
		.map((list) => list.map((c) => ({ ...c, mean: c.firms * 3 + 0.5 })));
	const minimum = fc.integer({ min: 3, max: 8 });
	const hiddenKeys = (result: { key: string | null; firms: number | null }[]) =>
		result.filter((c) => c.firms === null).map((c) => c.key);

	it('never shows a cell with 0 < firms < min', () => {
		fc.assert(
			fc.property(cells, minimum, (input, min) => {
				for (const c of suppressBreakdown(input, min)) {
					expect(c.firms === null || c.firms === 0 || c.firms >= min).toBe(true);
				}
			})
		);
	});

	it('hides nothing, at least the minimum in total, or every non-empty cell', () => {
		fc.assert(
			fc.property(cells, minimum, (input, min) => {
				const result = suppressBreakdown(input, min);
				const hidden = input.filter((_, i) => result[i].firms === null);
				const nonEmpty = input.filter((c) => c.firms > 0);
				const hiddenFirms = hidden.reduce((sum, c) => sum + c.firms, 0);
				expect(hidden.length === 0 || hiddenFirms >= min || hidden.length === nonEmpty.length).toBe(
					true
				);
				expect(hidden.every((c) => c.firms > 0)).toBe(true);
			})
		);
	});

	it('returns shown cells unaltered and hidden ones fully withheld', () => {
		fc.assert(
			fc.property(cells, minimum, (input, min) => {
				suppressBreakdown(input, min).forEach((c, i) => {
					if (c.firms === null) expect(c).toEqual({ key: input[i].key, firms: null, mean: null });
					else expect(c).toBe(input[i]);
				});
			})
		);
	});

	it('is deterministic and does not depend on the order of the cells', () => {
		fc.assert(
			fc.property(cells, minimum, (input, min) => {
				const once = hiddenKeys(suppressBreakdown(input, min));
				expect(hiddenKeys(suppressBreakdown(input, min))).toEqual(once);
				const reversed = hiddenKeys(suppressBreakdown([...input].reverse(), min));
				expect(reversed.sort(compareKeys)).toEqual([...once].sort(compareKeys));
			})
		);
	});
});

describe('publishPartitions', () => {
	/** Firms as cells of two partitions, `CP` = sector C in province P. */
	const firms = (spec: Record<string, number>) =>
		Object.entries(spec).flatMap(([cells, n]) => Array.from({ length: n }, () => cells));
	const split = (list: string[]) => [list.map((cells) => cells[0]), list.map((cells) => cells[1])];

	it('shows every cell of partitions whose crossing has no small group', () => {
		const list = firms({ CP: 5, CQ: 6, GP: 7, GQ: 0 });
		const [sector, province] = publishPartitions(list.length, split(list), 5);
		expect([...sector.shown].sort()).toEqual(['C', 'G']);
		expect([...province.shown].sort()).toEqual(['P', 'Q']);
		expect(sector.hidden.size + province.hidden.size).toBe(0);
	});

	it('withholds the later partition where it would cut a small group out of an earlier one', () => {
		// The audit's case: all 21 C firms in province P, and P holds 4 G firms besides; P minus C would be those 4.
		const list = firms({ CP: 21, GP: 4, GQ: 30 });
		const [sector, province] = publishPartitions(list.length, split(list), 5);
		expect([...sector.shown].sort()).toEqual(['C', 'G']);
		expect(province.shown.size).toBe(0);
		expect([...province.hidden].sort()).toEqual(['P', 'Q']);
	});

	it('hides the smallest cell in a small group first and keeps the rest', () => {
		const list = firms({ CP: 10, CQ: 10, CR: 2, GP: 10, GQ: 10, GR: 4 });
		const [, province] = publishPartitions(list.length, split(list), 5);
		// R goes first; its 2 C and 4 G firms would still be small groups, so the smallest other cell joins it (P and Q
		// tie at 20 firms: key order).
		expect([...province.shown]).toEqual(['Q']);
		expect([...province.hidden].sort()).toEqual(['P', 'R']);
	});

	it('publishes nothing when a single partition cannot be shown safely', () => {
		const [only] = publishPartitions(4, [['a', 'a', 'b', 'b']], 3);
		expect(only.shown.size).toBe(0);
	});

	it('refuses a partition that does not give every firm a cell', () => {
		expect(() => publishPartitions(3, [['a', 'b']], 3)).toThrow(RangeError);
	});

	it('tells which sets are unions of what a partition publishes', () => {
		const published = { shown: new Set(['a']), hidden: new Set(['b', 'c']) };
		expect(publishes(published, (key) => key === 'a')).toBe(true);
		expect(publishes(published, (key) => key !== 'a')).toBe(true);
		expect(publishes(published, (key) => key === 'b')).toBe(false);
	});

	it('leaves every atom (firms alike in every published cell) empty or at least the minimum', () => {
		const partition = (firms: number) =>
			fc.array(fc.option(fc.constantFrom('a', 'b', 'c', 'd')), {
				minLength: firms,
				maxLength: firms
			});
		const input = fc
			.record({ firms: fc.integer({ min: 0, max: 40 }), count: fc.integer({ min: 1, max: 4 }) })
			.chain(({ firms, count }) =>
				fc.record({
					firms: fc.constant(firms),
					partitions: fc.array(partition(firms), { minLength: count, maxLength: count }),
					min: fc.integer({ min: 3, max: 6 })
				})
			);
		fc.assert(
			fc.property(input, ({ firms, partitions, min }) => {
				fc.pre(firms === 0 || firms >= min);
				const published = publishPartitions(firms, partitions, min);
				const atoms = new Map<string, number>();
				for (let i = 0; i < firms; i++) {
					const atom = partitions
						.map((keys, p) => (published[p].shown.has(keys[i]) ? String(keys[i]) : '*'))
						.join(' ');
					atoms.set(atom, (atoms.get(atom) ?? 0) + 1);
				}
				for (const n of atoms.values()) expect(n).toBeGreaterThanOrEqual(min);
			})
		);
	});
});
