import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
	DOMINANCE_SHARE,
	dominanceSuppression,
	isDominated,
	withholdSplitTotal,
	type Contribution,
	type Dominance
} from '$lib/server/aggregates';

/** The two largest values and the total, the way the rule reads them. */
function topTwoShare(values: readonly number[]): { top: number; sum: number } {
	const sorted = [...values].sort((a, b) => b - a);
	return { top: (sorted[0] ?? 0) + (sorted[1] ?? 0), sum: values.reduce((a, b) => a + b, 0) };
}

describe('isDominated', () => {
	it.each([
		{ name: 'one firm making up everything', values: [120], dominated: true },
		{ name: 'two firms at 60 % and 30 %', values: [60, 30, 5, 5], dominated: true },
		{ name: 'two firms at exactly 85 %', values: [45, 40, 5, 5, 5], dominated: false },
		{ name: 'two firms at 80 %', values: [50, 30, 10, 10], dominated: false },
		{ name: 'an even spread', values: [10, 10, 10, 10, 10, 10], dominated: false },
		{ name: 'a total of 0', values: [0, 0, 0, 0, 0], dominated: false },
		{ name: 'no firm at all', values: [], dominated: false }
	])('$name: dominated is $dominated', ({ values, dominated }) => {
		expect(isDominated(values)).toBe(dominated);
	});

	it.each([-1, Number.NaN, Number.POSITIVE_INFINITY])('refuses a contribution of %s', (value) => {
		expect(() => isDominated([10, value])).toThrow(RangeError);
	});

	it('never lets a total through whose two largest contributions exceed 85 % of it', () => {
		const tonnes = fc.oneof(fc.double({ min: 0, max: 10, noNaN: true }), fc.nat(5000));
		fc.assert(
			fc.property(fc.array(tonnes, { maxLength: 30 }), (values) => {
				const { top, sum } = topTwoShare(values);
				if (!isDominated(values)) expect(top <= DOMINANCE_SHARE * sum || sum === 0).toBe(true);
				else expect(top).toBeGreaterThan(DOMINANCE_SHARE * sum);
			})
		);
	});
});

const firm = (value: number, meets = 1): Contribution => ({ meets, value });
const firms = (count: number, value: number, meets = 1) =>
	Array.from({ length: count }, () => firm(value, meets));

describe('dominanceSuppression', () => {
	it('withholds a view whose own total is dominated', () => {
		const contributions = [...firms(8, 5), firm(900)];
		expect(dominanceSuppression(contributions, 1)).toBe('dominated');
		expect(dominanceSuppression(firms(8, 5), 1)).toBeNull();
	});

	it('withholds a view that a published wider view exceeds by a dominated group', () => {
		// Sector C (bit 0): twenty firms of 100 t. Outside it, one firm of 500 t and four of 1 t: the whole chamber
		// (2,504 t) passes the rule, so its total minus sector C's would give that firm's 500 t nearly exactly.
		const contributions = [...firms(20, 100), firm(500, 0), ...firms(4, 1, 0)];
		expect(dominanceSuppression(contributions, 1)).toBe('dominated');
		// Spread over more firms, the difference passes the rule too.
		const spread = [...firms(20, 100), firm(500, 0), ...firms(4, 100, 0)];
		expect(dominanceSuppression(spread, 1)).toBeNull();
	});

	it('ignores a wider view whose own total is dominated, as it is never published', () => {
		// The chamber as a whole is dominated by the 10,000 t firm: no difference with it can be taken.
		const contributions = [...firms(20, 10), firm(10_000, 0), ...firms(4, 1, 0)];
		expect(dominanceSuppression(contributions, 1)).toBeNull();
	});

	it('accepts a difference whose total is 0', () => {
		const contributions = [...firms(10, 50), ...firms(5, 0, 0)];
		expect(dominanceSuppression(contributions, 1)).toBeNull();
	});

	it('refuses a pattern naming a condition it was not given, or a negative contribution', () => {
		expect(() => dominanceSuppression([firm(1, 2)], 1)).toThrow(RangeError);
		expect(() => dominanceSuppression([firm(-1)], 1)).toThrow(RangeError);
	});

	const scenario = fc.integer({ min: 0, max: 2 }).chain((conditions) =>
		fc.record({
			conditions: fc.constant(conditions),
			contributions: fc.array(
				fc.record({
					meets: fc.integer({ min: 0, max: (1 << conditions) - 1 }),
					// Mostly small emitters with the odd large one, so that both verdicts come up.
					value: fc.oneof(
						{ weight: 4, arbitrary: fc.integer({ min: 0, max: 20 }) },
						{ weight: 1, arbitrary: fc.integer({ min: 100, max: 2000 }) }
					)
				}),
				{ maxLength: 20 }
			)
		})
	);

	/** Brute force: every wider view (a subset of the conditions) and what it adds. */
	function oracle(contributions: Contribution[], conditions: number): Dominance {
		const full = (1 << conditions) - 1;
		const values = (list: Contribution[]) => list.map((c) => c.value);
		const inView = (c: Contribution) => c.meets === full;
		if (isDominated(values(contributions.filter(inView)))) return 'dominated';
		for (let subset = 0; subset <= full; subset++) {
			const wider = contributions.filter((c) => (c.meets & subset) === subset);
			const added = values(wider.filter((c) => !inView(c)));
			if (added.length > 0 && isDominated(added) && !isDominated(values(wider))) return 'dominated';
		}
		return null;
	}

	it('withholds a total exactly when it, or what a publishable wider view adds to it, is dominated', () => {
		fc.assert(
			fc.property(scenario, ({ contributions, conditions }) => {
				expect(dominanceSuppression(contributions, conditions)).toBe(
					oracle(contributions, conditions)
				);
			}),
			{ numRuns: 500 }
		);
	});

	it('never passes a total whose two largest contributions exceed 85 % of it', () => {
		fc.assert(
			fc.property(scenario, ({ contributions, conditions }) => {
				const full = (1 << conditions) - 1;
				const view = contributions.filter((c) => c.meets === full).map((c) => c.value);
				const { top, sum } = topTwoShare(view);
				const published = dominanceSuppression(contributions, conditions) === null;
				expect(!published || sum === 0 || top <= DOMINANCE_SHARE * sum).toBe(true);
			}),
			{ numRuns: 300 }
		);
	});
});

describe('withholdSplitTotal', () => {
	it.each<{
		given: [Dominance, Dominance, Dominance];
		expected: [Dominance, Dominance, Dominance];
	}>([
		{ given: [null, null, null], expected: [null, null, null] },
		{ given: ['dominated', null, null], expected: ['dominated', 'dominated', null] },
		{ given: [null, 'dominated', null], expected: ['dominated', 'dominated', null] },
		{ given: [null, null, 'dominated'], expected: ['dominated', 'dominated', 'dominated'] },
		{ given: ['dominated', 'dominated', null], expected: ['dominated', 'dominated', null] }
	])('turns $given (Scope 1, Scope 2, total) into $expected', ({ given, expected }) => {
		const [scope1, scope2, total] = given;
		const result = withholdSplitTotal({ scope1, scope2, total });
		expect([result.scope1, result.scope2, result.total]).toEqual(expected);
		// Never exactly one withheld: the two shown would give it away.
		expect(Object.values(result).filter((verdict) => verdict !== null)).not.toHaveLength(1);
	});
});
