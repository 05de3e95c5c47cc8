import { FilterAtoms } from './filter-atoms';
import { compareKeys, publishes } from './suppression';
import type { Firm, NeedFigures, NeedFirm, PlannedNeed, PriorityNeed } from './types';
import type { OwnView, Table } from './view';

/*
 * What a chamber's firms need: how many have each recommendation among their priorities, how many are exposed to
 * CBAM without the data it asks for, and how many plan each action. A firm counts under several needs, so the
 * counts are overlapping groups, not the cells of one partition, and each needs a rule of its own.
 *
 * The rule. Each need divides the chamber's firms into those that have it and those that do not (a planned action:
 * not planned, planned or under way, done). That division is laid over the "atoms" of the four filters, the firms
 * alike in every cell of campaign, sector, size class and province that `publishPartitions` lets views show (the
 * withheld cells of a filter as one): a count is shown only if, in every such atom, the firms it counts and the
 * others are each none or at least `MIN_GROUP_SIZE`. The decision is taken once over all the chamber's firms, the
 * same for every view. Every view (unfiltered, or one shown cell of a filter) is a union of those atoms, so a need's
 * count in any view, its complement (the view's firms less the count), and any sum or difference of one need's
 * counts over any views (a filtered view against the unfiltered one, or the unfiltered one less every shown cell)
 * counts a union of pieces of at least that size. A withheld need is left out of every view, like a need no firm
 * has. Needs are not laid over the other breakdowns (levels, bands): they are not cells of them, and at any
 * realistic size every need would then be withheld. Counts of different needs are never intersected, and a firm's
 * priorities are the first few of what fires for it, so no need holds another by rule. The CBAM needs are cells of
 * the dashboard's own CBAM tables (exposure, then readiness), shown exactly when those tables tell them apart.
 */

/** The CBAM exposures that make a need: covered goods sold to the EU, in a known tonnage over the threshold or not. */
export const CBAM_EXPOSED: readonly string[] = ['in_scope', 'likely'];

/** Which firms have a need: the recommendation among their priorities, or on their action plan. */
export const NEED_TESTS = {
	priority: (firm: NeedFirm, recommendation: string) => firm.priorities.includes(recommendation),
	planned: (firm: NeedFirm, recommendation: string) => firm.plan.has(recommendation)
} as const;

export type NeedKind = keyof typeof NEED_TESTS;

/** The needs any view may show, decided over all the chamber's firms. */
export interface NeedTables {
	/** The recommendations whose priority counts may be shown. */
	priority: ReadonlySet<string>;
	/** The planned recommendations whose counts may be shown, and whether how many did them may be too. */
	planned: ReadonlyMap<string, { done: boolean }>;
}

/**
 * Which needs any view may show (see the rule above). With a need in two cells, `publishPartitions` shows both
 * exactly when every piece of every atom is empty or at least `min` (hiding one cell leaves it alone as the merged
 * group, as small as its smallest piece), so the decision is taken on counts per atom, in one pass, rather than
 * once per recommendation over every firm. A planned action's count needs its firms and the others to pass; how
 * many did it also needs those done and those not yet done to pass, since one count lies within the other.
 */
export function discloseNeeds(
	firms: readonly Firm[],
	tables: Map<string, Table>,
	min: number,
	atoms = new FilterAtoms(firms, tables, min)
): NeedTables {
	const DONE = 0;
	const UNDER_WAY = 1;
	const priorities = atoms.counts(1);
	const plans = atoms.counts(2);
	firms.forEach((firm, i) => {
		for (const id of firm.priorities) priorities.add(id, atoms.of[i], 0);
		for (const [id, status] of firm.plan) {
			plans.add(id, atoms.of[i], status === 'done' ? DONE : UNDER_WAY);
		}
	});
	const priority = new Set(
		[...priorities.counts].filter(([, counts]) => atoms.splits(counts, 1, [0])).map(([id]) => id)
	);
	const planned = new Map(
		[...plans.counts]
			.filter(([, counts]) => atoms.splits(counts, 2, [DONE, UNDER_WAY]))
			.map(([id, counts]) => [
				id,
				{ done: atoms.splits(counts, 2, [DONE]) && atoms.splits(counts, 2, [UNDER_WAY]) }
			])
	);
	return { priority, planned };
}

const byFirms = (a: { firms: number; recommendation: string }, b: typeof a) =>
	b.firms - a.firms || compareKeys(a.recommendation, b.recommendation);

/** The view's firms per shown need, in one pass: how many have each priority, plan each action, and did it. */
function tallyView(view: OwnView, tables: NeedTables) {
	const priorities = new Map<string, number>();
	const planning = new Map<string, { firms: number; done: number }>();
	for (const firm of view.inView) {
		for (const id of firm.priorities) {
			if (tables.priority.has(id)) priorities.set(id, (priorities.get(id) ?? 0) + 1);
		}
		for (const [id, status] of firm.plan) {
			if (!tables.planned.has(id)) continue;
			const counts = planning.get(id) ?? { firms: 0, done: 0 };
			counts.firms += 1;
			if (status === 'done') counts.done += 1;
			planning.set(id, counts);
		}
	}
	return { priorities, planning };
}

/** CBAM as a need: the exposed firms and those of them without verified data, where the CBAM tables show them. */
function cbamNeeds(view: OwnView): NeedFigures['cbam'] {
	const exposure = view.tables.get('cbam')!;
	const readiness = view.tables.get('cbam_readiness')!;
	const isExposed = (key: string | null) => key !== null && CBAM_EXPOSED.includes(key);
	if (!publishes(exposure, isExposed)) {
		return { exposed: null, withoutData: null, estimateOnly: null };
	}
	const exposed = view.inView.filter((firm) => isExposed(exposure.keyOf(firm)));
	const withReadiness = (value: string) =>
		publishes(readiness, (key) => key === value)
			? exposed.filter((firm) => readiness.keyOf(firm) === value).length
			: null;
	return {
		exposed: exposed.length,
		withoutData: withReadiness('none'),
		estimateOnly: withReadiness('estimate')
	};
}

/** The needs of a shown view, from the chamber-wide decisions. */
export function needFigures(view: OwnView, tables: NeedTables): NeedFigures {
	const { priorities, planning } = tallyView(view, tables);
	return {
		priorities: [...priorities]
			.map(([recommendation, firms]): PriorityNeed => ({ recommendation, firms }))
			.sort(byFirms),
		cbam: cbamNeeds(view),
		planned: [...planning]
			.map(([recommendation, counts]): PlannedNeed => ({
				recommendation,
				firms: counts.firms,
				done: tables.planned.get(recommendation)!.done ? counts.done : null
			}))
			.sort(byFirms)
	};
}

/** No need shown, for a view that may not be shown. */
export const NO_NEEDS: NeedFigures = {
	priorities: [],
	cbam: { exposed: null, withoutData: null, estimateOnly: null },
	planned: []
};
