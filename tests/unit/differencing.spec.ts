import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cbamExposures, cbamReadinesses } from '$lib/carbon/cbam';
import { ownFigures } from '$lib/server/aggregates/own-figures';
import type { Firm, StatisticsFilters } from '$lib/server/aggregates/types';

/*
 * The proof that no set of requestable views gives away a group of fewer than `min` firms. Over generated chambers it
 * requests every view a user can (no filter, or one filter), collects the firms behind every figure they publish
 * (a view's total, each shown cell, each theme's scorers, the firms with a carbon estimate, and per breakdown the
 * union of its withheld cells, which is the total minus the shown cells) and tries every single set, pair and triple
 * of them with coefficients ±1. Whenever the signed sum is 0 or 1 for every firm, it describes a group a user can
 * work out (its count, and its sums through the means); that group must be empty or hold at least `min` firms.
 * Sets are bit masks in two 30-bit words, so a chamber holds at most 60 firms.
 */

const DIMENSIONS = ['campaignId', 'sector', 'sizeClass', 'province'] as const;
const THEMES = ['energy', 'waste'];
/** Levels as score ranges that do not line up with the 20-point bands, as in the real questionnaire. */
const LEVELS: [string, number][] = [
	['starting', 30],
	['aware', 55],
	['advancing', 80],
	['leading', 101]
];
const EMISSION_LIMITS = [10, 100, 1000];
const RECOMMENDATIONS = ['rec_a', 'rec_b', 'rec_c'];
const PLAN_STATUSES = ['planned', 'in_progress', 'done'] as const;
const SYMBIOSIS_CATEGORIES = ['sawdust', 'waste_heat'];

interface Chamber {
	firms: Firm[];
	values: Record<(typeof DIMENSIONS)[number], string[]>;
	min: number;
}

const chamber: fc.Arbitrary<Chamber> = fc
	.record({
		counts: fc.tuple(
			fc.integer({ min: 2, max: 4 }),
			fc.integer({ min: 2, max: 4 }),
			fc.integer({ min: 2, max: 4 }),
			fc.integer({ min: 2, max: 4 })
		),
		min: fc.integer({ min: 3, max: 5 })
	})
	.chain(({ counts, min }) => {
		const values = Object.fromEntries(
			DIMENSIONS.map((name, i) => [
				name,
				Array.from({ length: counts[i] }, (_, value) => `${name[0]}${value}`)
			])
		) as Chamber['values'];
		const firm = fc
			.record({
				facts: fc.tuple(...DIMENSIONS.map((name) => fc.constantFrom(...values[name]))),
				overall: fc.integer({ min: 0, max: 100 }),
				themes: fc.tuple(
					...THEMES.map(() => fc.option(fc.integer({ min: 0, max: 100 }), { freq: 4 }))
				),
				estimate: fc.option(fc.tuple(fc.nat(1500), fc.nat(500)), { freq: 2 }),
				cbam: fc.option(fc.constantFrom(...cbamExposures), { freq: 2 }),
				cbamReadiness: fc.option(fc.constantFrom(...cbamReadinesses), { freq: 2 }),
				priorities: fc.subarray(RECOMMENDATIONS),
				plan: fc.array(
					fc.tuple(fc.constantFrom(...RECOMMENDATIONS), fc.constantFrom(...PLAN_STATUSES)),
					{ maxLength: 2 }
				),
				offers: fc.subarray(SYMBIOSIS_CATEGORIES),
				wants: fc.subarray(SYMBIOSIS_CATEGORIES)
			})
			.map((drawn): Firm => ({
				campaignId: drawn.facts[0],
				sector: drawn.facts[1],
				sizeClass: drawn.facts[2],
				province: drawn.facts[3],
				overall: drawn.overall,
				level: LEVELS.find(([, below]) => drawn.overall < below)![0],
				themes: new Map(
					THEMES.flatMap((theme, i) =>
						drawn.themes[i] === null ? [] : [[theme, drawn.themes[i]] as const]
					)
				),
				scope1: drawn.estimate?.[0] ?? null,
				scope2: drawn.estimate?.[1] ?? null,
				cbam: drawn.cbam,
				// The screen asks for data only of exposed firms.
				cbamReadiness: drawn.cbam === null || drawn.cbam === 'none' ? null : drawn.cbamReadiness,
				priorities: drawn.priorities,
				plan: new Map(drawn.plan),
				symbiosis: { offer: new Set(drawn.offers), need: new Set(drawn.wants) }
			}));
		return fc
			.array(firm, { minLength: 10, maxLength: 60 })
			.map((firms) => ({ firms, values, min }));
	});

/** A set of firms: bit i of `lo` is firm i, bit i of `hi` firm 30 + i. */
type FirmSet = [number, number];

const WORD = 30;

function setOf(firms: readonly Firm[], test: (firm: Firm) => boolean): FirmSet {
	const set: FirmSet = [0, 0];
	firms.forEach((firm, i) => {
		if (test(firm)) set[i < WORD ? 0 : 1] |= 1 << (i % WORD);
	});
	return set;
}

function size([lo, hi]: FirmSet): number {
	let count = 0;
	for (let word = lo; word; word &= word - 1) count++;
	for (let word = hi; word; word &= word - 1) count++;
	return count;
}

const minus = (a: FirmSet, b: FirmSet): FirmSet => [a[0] & ~b[0], a[1] & ~b[1]];
const union = (a: FirmSet, b: FirmSet): FirmSet => [a[0] | b[0], a[1] | b[1]];

function bandOf(score: number): number {
	return Math.min(4, Math.floor(score / 20));
}

function emissionBandOf(firm: Firm): number | null {
	if (firm.scope1 === null || firm.scope2 === null) return null;
	const band = EMISSION_LIMITS.findIndex((limit) => firm.scope1! + firm.scope2! < limit);
	return band === -1 ? EMISSION_LIMITS.length : band;
}

/** Every view a user can request: no filter, or one filter with any value of its dimension. */
function requestableViews(values: Chamber['values']): StatisticsFilters[] {
	return [{}, ...DIMENSIONS.flatMap((name) => values[name].map((value) => ({ [name]: value })))];
}

/**
 * The firm sets behind every figure of a view. Each shown count is checked against its set, so that the sets are
 * the ones the figures describe.
 */
/** Filtered views shown over the whole run, so that the test is seen to check something. */
let shownFilteredViews = 0;

/** Need counts shown over the whole run. */
let shownNeeds = 0;

/** Non-zero supply–demand counts shown over the whole run. */
let shownSupplyDemand = 0;

interface ViewSets {
	/** The view's firms. */
	view: FirmSet;
	/** The firms behind every figure but the needs of priorities and plans. */
	sets: FirmSet[];
	/** Per need of a priority or a plan, and per symbiosis category and side, the firms behind its counts. */
	needs: Map<string, FirmSet[]>;
}

function publishedSets(data: Chamber, filters: StatisticsFilters): ViewSets | null {
	const firms = data.firms;
	const s = ownFigures(firms, filters, {
		minGroupSize: data.min,
		levels: LEVELS.map(([id]) => id),
		themes: THEMES,
		symbiosisCategories: SYMBIOSIS_CATEGORIES
	});
	if (s.suppressed !== null || s.firms === null) return null;
	if (Object.keys(filters).length > 0 && s.firms > 0) shownFilteredViews++;
	const inView = (firm: Firm) =>
		DIMENSIONS.every((name) => filters[name] === undefined || firm[name] === filters[name]);
	const view = setOf(firms, inView);
	expect(s.firms).toBe(size(view));
	const sets: FirmSet[] = [view];
	const within = (test: (firm: Firm) => boolean) =>
		setOf(firms, (firm) => inView(firm) && test(firm));
	/** Shown cells of a breakdown, and the union of its withheld cells: the view's firms not in a shown cell. */
	const breakdown = (cells: { test: (firm: Firm) => boolean; firms: number | null }[]) => {
		let rest = view;
		for (const cell of cells) {
			if (cell.firms === null) continue;
			const set = within(cell.test);
			expect(cell.firms).toBe(size(set));
			sets.push(set);
			rest = minus(rest, set);
		}
		sets.push(rest);
	};
	for (const theme of s.themes) {
		if (theme.firms === null) continue;
		const scorers = within((firm) => firm.themes.has(theme.id));
		expect(theme.firms).toBe(size(scorers));
		sets.push(scorers);
	}
	breakdown(s.levels.map((level) => ({ test: (firm) => firm.level === level.id, ...level })));
	breakdown(
		s.scoreBands.map((band) => ({
			test: (firm) => bandOf(firm.overall) === band.min / 20,
			...band
		}))
	);
	for (const name of ['sector', 'sizeClass', 'province'] as const) {
		const { groups, withheld } = {
			sector: s.bySector,
			sizeClass: s.bySize,
			province: s.byProvince
		}[name];
		breakdown(groups.map((group) => ({ test: (firm) => firm[name] === group.key, ...group })));
		// The withheld line is the rest of the view: the union `breakdown` adds last.
		expect(withheld?.firms ?? 0).toBe(size(sets.at(-1)!));
	}
	if (s.carbon.firms !== null) {
		const estimated = within((firm) => emissionBandOf(firm) !== null);
		expect(s.carbon.firms).toBe(size(estimated));
		sets.push(estimated);
	}
	breakdown(
		s.carbon.emissionBands.map((band, i) => ({
			test: (firm) => emissionBandOf(firm) === i,
			...band
		}))
	);
	breakdown(
		s.carbon.cbamExposure.map((cell) => ({ test: (firm) => firm.cbam === cell.exposure, ...cell }))
	);
	breakdown(
		s.carbon.cbamReadiness.map((cell) => ({
			test: (firm) => firm.cbamReadiness === cell.readiness,
			...cell
		}))
	);
	const exposed = (firm: Firm) => firm.cbam === 'in_scope' || firm.cbam === 'likely';
	const cbamNeeds: [number | null, (firm: Firm) => boolean][] = [
		[s.needs.cbam.exposed, exposed],
		[s.needs.cbam.withoutData, (firm) => exposed(firm) && firm.cbamReadiness === 'none'],
		[s.needs.cbam.estimateOnly, (firm) => exposed(firm) && firm.cbamReadiness === 'estimate']
	];
	for (const [count, test] of cbamNeeds) {
		if (count === null) continue;
		const set = within(test);
		expect(count).toBe(size(set));
		sets.push(set);
	}
	const needs = new Map<string, FirmSet[]>();
	const need = (key: string, count: number, test: (firm: Firm) => boolean) => {
		const set = within(test);
		expect(count).toBe(size(set));
		needs.set(key, [...(needs.get(key) ?? []), set]);
		shownNeeds++;
	};
	for (const { recommendation, firms } of s.needs.priorities) {
		need(`priority ${recommendation}`, firms, (firm) => firm.priorities.includes(recommendation));
	}
	for (const { recommendation, firms, done } of s.needs.planned) {
		need(`planned ${recommendation}`, firms, (firm) => firm.plan.has(recommendation));
		if (done !== null) {
			need(`planned ${recommendation}`, done, (firm) => firm.plan.get(recommendation) === 'done');
		}
	}
	for (const { category, offers, needs: wanted } of s.supplyDemand) {
		for (const [side, count] of [
			['offer', offers],
			['need', wanted]
		] as const) {
			if (count === null) continue;
			need(`${side} ${category}`, count, (firm) => firm.symbiosis![side].has(category));
			if (count > 0) shownSupplyDemand++;
		}
	}
	return { view, sets, needs };
}

/** A group worked out from at most three published sets that is neither empty nor at least `min` firms. */
function derivableSmallGroup(sets: FirmSet[], min: number): string | null {
	const unique = [...new Map(sets.map((set) => [set.join(' '), set])).values()];
	const small = (set: FirmSet) => {
		const n = size(set);
		return n > 0 && n < min;
	};
	const subset = (a: FirmSet, b: FirmSet) => (a[0] & ~b[0]) === 0 && (a[1] & ~b[1]) === 0;
	const disjoint = (a: FirmSet, b: FirmSet) => (a[0] & b[0]) === 0 && (a[1] & b[1]) === 0;
	// A sum of disjoint sets is their union, never smaller than its parts, so only differences need trying.
	for (const a of unique) {
		if (small(a)) return `a published set of ${size(a)} firms`;
		for (const b of unique) {
			if (a === b || !subset(b, a)) continue;
			if (small(minus(a, b))) return `a − b = ${size(minus(a, b))} firms`;
		}
	}
	for (let i = 0; i < unique.length; i++) {
		for (let j = i + 1; j < unique.length; j++) {
			const x = unique[i];
			const y = unique[j];
			const both: FirmSet = [x[0] & y[0], x[1] & y[1]];
			const either = union(x, y);
			const apart = disjoint(x, y);
			for (let k = 0; k < unique.length; k++) {
				if (k === i || k === j) continue;
				const z = unique[k];
				// z − x − y: x and y disjoint within z.
				if (apart && subset(either, z) && small(minus(z, either))) {
					return `z − x − y = ${size(minus(z, either))} firms`;
				}
				// x + y − z: z holds every firm in both and lies within either.
				if (subset(both, z) && subset(z, either)) {
					const group = union(minus(either, z), both);
					if (small(group)) return `x + y − z = ${size(group)} firms`;
				}
			}
		}
	}
	return null;
}

describe('differencing across requestable views', () => {
	it('gives away no group smaller than the minimum through any pair or triple of figures', () => {
		fc.assert(
			fc.property(chamber, (data) => {
				const views = requestableViews(data.values).flatMap(
					(filters) => publishedSets(data, filters) ?? []
				);
				expect(
					derivableSmallGroup(
						views.flatMap((view) => view.sets),
						data.min
					)
				).toBeNull();
			}),
			{ numRuns: 60 }
		);
		expect(shownFilteredViews).toBeGreaterThan(0);
	});

	// A need (firms with a recommendation among their priorities, or on their plan) and a symbiosis category (firms
	// offering it, or needing it) overlap the others and every breakdown, so each is laid over the filters' cells
	// only (aggregates/filter-atoms.ts): its counts in every view, with the views' totals, must give away no small
	// group.
	it("gives away no small group through one need's or category's counts and the views' totals", () => {
		fc.assert(
			fc.property(chamber, (data) => {
				const views = requestableViews(data.values).flatMap(
					(filters) => publishedSets(data, filters) ?? []
				);
				const totals = views.map((view) => view.view);
				const needs = new Set(views.flatMap((view) => [...view.needs.keys()]));
				for (const need of needs) {
					const sets = [...totals, ...views.flatMap((view) => view.needs.get(need) ?? [])];
					expect(derivableSmallGroup(sets, data.min), need).toBeNull();
				}
			}),
			{ numRuns: 60 }
		);
		expect(shownNeeds).toBeGreaterThan(0);
		expect(shownSupplyDemand).toBeGreaterThan(0);
	});
});
