import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
	compareKeys,
	subsetSuppression,
	suppressBreakdown,
	suppressCount,
	viewSuppression,
	type FirmGroup,
	type Period
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

	it('hides a cell the caller marks unsafe, then complements it', () => {
		const result = suppressBreakdown(
			[cell('C', 8), cell('D', 9), cell('F', 12)],
			5,
			(group) => group.length === 1 && group[0].key === 'C'
		);
		expect(result.map((c) => c.firms)).toEqual([null, null, 12]);
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

	it('hides each cell unsafe alone, and leaves the hidden cells big enough and safe as a group', () => {
		fc.assert(
			fc.property(cells, minimum, fc.func(fc.boolean()), (input, min, verdict) => {
				// Unsafe or not depends on which cells, never on the order they are passed in.
				const unsafe = (group: readonly { key: string | null }[]) =>
					verdict(group.map((c) => c.key).sort(compareKeys));
				const result = suppressBreakdown(input, min, unsafe);
				const hidden = input.filter((_, i) => result[i].firms === null);
				const nonEmpty = input.filter((c) => c.firms > 0);
				const hiddenFirms = hidden.reduce((sum, c) => sum + c.firms, 0);
				input.forEach((c, i) => {
					if (c.firms > 0 && unsafe([c])) expect(result[i].firms).toBeNull();
				});
				expect(
					hidden.length === 0 ||
						hidden.length === nonEmpty.length ||
						(hiddenFirms >= min && !unsafe(hidden))
				).toBe(true);
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

describe('subsetSuppression', () => {
	// Filters: bit 0 = sector C, bit 1 = province 59. counts[s] = firms matching the filters in s.
	it.each([
		{
			name: 'shows a view every wider view exceeds by enough',
			counts: [20, 10, 15, 5],
			verdict: null
		},
		{
			name: 'withholds sector C in province 59 when sector C has one firm more',
			counts: [13, 7, 12, 6],
			verdict: 'filters_single_out'
		},
		{
			name: 'accepts a wider view with exactly the same firms',
			counts: [20, 6, 14, 6],
			verdict: null
		},
		{ name: 'withholds a view of too few firms', counts: [20, 10, 10, 4], verdict: 'too_few' },
		{ name: 'shows an empty view', counts: [20, 2, 10, 0], verdict: null },
		{ name: 'works without filters', counts: [4], verdict: 'too_few' }
	])('$name', ({ counts, verdict }) => {
		expect(subsetSuppression(counts, 5)).toBe(verdict);
	});

	it('refuses counts that are not one per subset', () => {
		expect(() => subsetSuppression([10, 5, 5], 5)).toThrow(RangeError);
		expect(() => subsetSuppression([], 5)).toThrow(RangeError);
	});

	it('shows a view exactly when no subset of its filters adds 0 < d < min firms', () => {
		const counts = fc
			.integer({ min: 0, max: 3 })
			.chain((filters) =>
				fc.array(fc.nat(30), { minLength: 1 << filters, maxLength: 1 << filters })
			);
		fc.assert(
			fc.property(counts, fc.integer({ min: 3, max: 8 }), (list, min) => {
				const n = list[list.length - 1];
				const singlesOut = list.some((count) => count - n > 0 && count - n < min);
				const expected =
					n === 0 ? null : n < min ? 'too_few' : singlesOut ? 'filters_single_out' : null;
				expect(subsetSuppression(list, min)).toBe(expected);
			})
		);
	});
});

const day = (d: number) => `2026-03-${String(d).padStart(2, '0')}`;
const firmsOn = (d: number, firms: number, meets = 1): FirmGroup => ({ meets, day: day(d), firms });

describe('viewSuppression', () => {
	it('applies the subset guard to filters and the period alike', () => {
		// One condition (sector C): 7 firms in C, one of them outside the period.
		const groups = [firmsOn(5, 1), firmsOn(10, 6), firmsOn(10, 20, 0)];
		expect(viewSuppression(groups, 1, undefined, 5)).toBeNull();
		expect(viewSuppression(groups, 1, { from: day(8) }, 5)).toBe('filters_single_out');
		const unfiltered = groups.map((group) => ({ ...group, meets: 0 }));
		expect(viewSuppression(unfiltered, 0, { from: day(8) }, 5)).toBe('filters_single_out');
		expect(viewSuppression(groups, 1, { to: day(9) }, 5)).toBe('too_few');
	});

	it('withholds a period whose bound could be moved past a day with few of its firms', () => {
		// Sector C: 5 firms on the 3rd, 1 on the 5th, 6 on the 10th; other sectors: 10 on the 5th.
		const groups = [firmsOn(3, 5), firmsOn(5, 1), firmsOn(10, 6), firmsOn(5, 10, 0)];
		// From the 6th: moving `from` back to the 5th adds one firm of sector C.
		expect(viewSuppression(groups, 1, { from: day(6) }, 5)).toBe('filters_single_out');
		// From the 4th: moving it back adds the five firms of the 3rd at once, which is allowed.
		expect(viewSuppression(groups, 1, { from: day(4), to: day(10) }, 5)).toBeNull();
		expect(viewSuppression(groups, 1, { from: day(3) }, 5)).toBeNull();
		expect(viewSuppression(groups, 1, { to: day(4) }, 5)).toBe('filters_single_out');
	});

	it('ignores the edges where dropping a filter already adds enough firms', () => {
		// The whole chamber (no condition) has one firm on the 5th, but the view is sector C, which adds
		// nothing at the edge, and dropping sector C adds ten firms within the period.
		const groups = [firmsOn(5, 1, 0), firmsOn(10, 6), firmsOn(10, 10, 0)];
		expect(viewSuppression(groups, 1, { from: day(6) }, 5)).toBeNull();
		const unfiltered = groups.map((group) => ({ ...group, meets: 0 }));
		expect(viewSuppression(unfiltered, 0, { from: day(6) }, 5)).toBe('filters_single_out');
	});

	it('refuses a pattern naming a condition it was not given', () => {
		expect(() => viewSuppression([firmsOn(5, 1, 2)], 1, undefined, 5)).toThrow(RangeError);
	});

	it('shows an empty view whatever surrounds it', () => {
		expect(
			viewSuppression([firmsOn(5, 1, 0), firmsOn(10, 2, 0)], 1, { from: day(6) }, 5)
		).toBeNull();
	});

	const days = Array.from({ length: 6 }, (_, i) => day(i + 1));
	const scenario = fc.integer({ min: 0, max: 3 }).chain((conditions) =>
		fc.record({
			conditions: fc.constant(conditions),
			groups: fc.array(
				fc.record({
					meets: fc.integer({ min: 0, max: (1 << conditions) - 1 }),
					day: fc.constantFrom(...days),
					firms: fc.integer({ min: 1, max: 4 })
				}),
				{ maxLength: 24 }
			),
			period: fc.record(
				{ from: fc.constantFrom(...days), to: fc.constantFrom(...days) },
				{ requiredKeys: [] }
			),
			min: fc.integer({ min: 3, max: 6 })
		})
	);

	/** Brute force: every wider view (a subset of the conditions, a period around this one) and its difference. */
	function oracle(groups: FirmGroup[], conditions: number, period: Period, min: number) {
		const count = (subset: number, from?: string, to?: string) =>
			groups
				.filter((g) => (g.meets & subset) === subset)
				.filter((g) => (from === undefined || g.day >= from) && (to === undefined || g.day <= to))
				.reduce((sum, g) => sum + g.firms, 0);
		const full = (1 << conditions) - 1;
		const n = count(full, period.from, period.to);
		if (n === 0) return null;
		if (n < min) return 'too_few';
		const froms = [
			undefined,
			...(period.from === undefined ? [] : days.filter((d) => d <= period.from!))
		];
		const tos = [
			undefined,
			...(period.to === undefined ? [] : days.filter((d) => d >= period.to!))
		];
		for (let subset = 0; subset <= full; subset++) {
			for (const from of period.from === undefined ? [undefined] : froms) {
				for (const to of period.to === undefined ? [undefined] : tos) {
					const difference = count(subset, from, to) - n;
					if (difference > 0 && difference < min) return 'filters_single_out';
				}
			}
		}
		return null;
	}

	it('withholds a view exactly when some wider view differs from it by 0 < d < min firms', () => {
		fc.assert(
			fc.property(scenario, ({ groups, conditions, period, min }) => {
				expect(viewSuppression(groups, conditions, period, min)).toBe(
					oracle(groups, conditions, period, min)
				);
			}),
			{ numRuns: 500 }
		);
	});
});
