/**
 * Statistical disclosure control for chamber dashboards: pure rules deciding which aggregate figures may be shown so
 * that no figure describes fewer than `min` firms, directly, from a total, or by differencing two views. Every rule
 * here treats `min` as the smallest group a figure may describe; a suppressed figure is `null`.
 */

/** Below three firms an average singles out a firm's score however the rest is done; configuration enforces it too. */
export const MIN_GROUP_FLOOR = 3;

/** Why a whole view (or one of its figures) is withheld: too few firms, or filters that isolate a small group. */
export type Suppression = null | 'too_few' | 'filters_single_out';

function checkMin(min: number): void {
	if (!Number.isInteger(min) || min < MIN_GROUP_FLOOR) {
		throw new RangeError(`minimum group size must be an integer of at least ${MIN_GROUP_FLOOR}`);
	}
}

/** Primary suppression of a count: 0 and counts of at least `min` are shown, anything in between is `null`. */
export function suppressCount(n: number, min: number): number | null {
	checkMin(min);
	return n === 0 || n >= min ? n : null;
}

/** A cell of a breakdown whose total is published: its key, its firms and any figures computed over them. */
export interface BreakdownCell {
	key: string | null;
	firms: number;
}

/** A breakdown cell after suppression: the key stays, every figure (firms included) may be withheld. */
export type Suppressed<T extends BreakdownCell> = {
	[P in keyof T]: P extends 'key' ? T[P] : T[P] | null;
};

/** Deterministic order of keys: code-unit order (not locale), the unknown (`null`) key last. */
export function compareKeys(a: string | null, b: string | null): number {
	if (a === b) return 0;
	if (a === null) return 1;
	if (b === null) return -1;
	return a < b ? -1 : 1;
}

/**
 * Primary and complementary suppression of a breakdown whose total is shown elsewhere. Cells with 0 < firms < min,
 * and non-empty cells `unsafe` rejects on their own (say, because they fail the differencing guard), are hidden
 * first. The hidden cells together can still be worked out as the total minus the shown cells, so while they hold
 * fewer than `min` firms, or `unsafe` rejects them as one group, the smallest shown non-empty cell is hidden too (ties
 * in key order) until every non-empty cell is. Shown cells come back untouched; empty cells always stay shown.
 */
export function suppressBreakdown<T extends BreakdownCell>(
	cells: readonly T[],
	min: number,
	unsafe: (group: readonly T[]) => boolean = () => false
): Suppressed<T>[] {
	checkMin(min);
	const nonEmpty = cells.filter((cell) => cell.firms > 0);
	const hidden = new Set(nonEmpty.filter((cell) => cell.firms < min || unsafe([cell])));
	const candidates = nonEmpty
		.filter((cell) => !hidden.has(cell))
		.sort((a, b) => a.firms - b.firms || compareKeys(a.key, b.key));
	let hiddenFirms = [...hidden].reduce((sum, cell) => sum + cell.firms, 0);
	for (const cell of candidates) {
		if (hidden.size === 0 || (hiddenFirms >= min && !unsafe([...hidden]))) break;
		hidden.add(cell);
		hiddenFirms += cell.firms;
	}
	return cells.map((cell) => (hidden.has(cell) ? withheld(cell) : (cell as Suppressed<T>)));
}

function withheld<T extends BreakdownCell>(cell: T): Suppressed<T> {
	const copy: Record<string, unknown> = { key: cell.key };
	for (const name of Object.keys(cell)) if (name !== 'key') copy[name] = null;
	return copy as Suppressed<T>;
}

/**
 * The differencing guard, given `counts[s]` = the firms matching the subset `s` of the view's filters (bit i of `s`
 * set = filter i applied; the last index is the whole view). The view is withheld when it holds 0 < n < min firms
 * (`too_few`), or when dropping some of its filters adds 0 < d < min firms (`filters_single_out`): the two views would
 * then differ by a group too small to publish. An empty view is shown: that nothing matches is already visible as a
 * missing or zero cell in a breakdown of a wider view.
 */
export function subsetSuppression(counts: readonly number[], min: number): Suppression {
	checkMin(min);
	const full = counts.length - 1;
	if (full < 0 || (counts.length & full) !== 0) {
		throw new RangeError('counts must hold one entry per subset of the filters');
	}
	const n = counts[full];
	if (n === 0) return null;
	if (n < min) return 'too_few';
	for (let subset = 0; subset < full; subset++) {
		const difference = counts[subset] - n;
		if (difference > 0 && difference < min) return 'filters_single_out';
	}
	return null;
}

/**
 * Firms that share a day of submission and a pattern of met conditions. Bit i of `meets` is set when they meet the
 * view's condition i (a filter such as sector = C, or a breakdown cell such as level = aware). `day` is their UTC
 * submission date as YYYY-MM-DD, compared only with the period's bounds.
 */
export interface FirmGroup {
	meets: number;
	day: string;
	firms: number;
}

/** Inclusive submission-date bounds as YYYY-MM-DD; an absent bound is open. */
export interface Period {
	from?: string;
	to?: string;
}

/** Superset sums: `sums[s]` = firms whose pattern includes every condition of `s`. */
function supersetSums(histogram: number[], conditions: number): number[] {
	const sums = [...histogram];
	for (let bit = 0; bit < conditions; bit++) {
		for (let mask = 0; mask < sums.length; mask++) {
			if ((mask & (1 << bit)) === 0) sums[mask] += sums[mask | (1 << bit)];
		}
	}
	return sums;
}

/**
 * Whether, for every subset of the conditions in `subsets`, the firms meeting it on the nearest day (scanning `days`
 * in order) that has any number 0 or at least `min`: moving a period bound past that day adds exactly them.
 */
function edgeSafe(
	byDay: Map<string, number[]>,
	days: string[],
	subsets: number[],
	conditions: number,
	min: number
): boolean {
	const unresolved = new Set(subsets);
	for (const day of days) {
		if (unresolved.size === 0) break;
		const sums = supersetSums(byDay.get(day)!, conditions);
		for (const subset of unresolved) {
			if (sums[subset] === 0) continue;
			if (sums[subset] < min) return false;
			unresolved.delete(subset);
		}
	}
	return true;
}

/**
 * The full guard of a view defined by `conditions` conditions and an optional period, from its firms grouped by
 * pattern and day (groups may include firms outside the view: they are what wider views add). It withholds the view
 * exactly when some wider view (fewer conditions, a wider period, or both) differs from it by 0 < d < min firms.
 * That is `subsetSuppression` with the period as one more filter, plus the period's edges: a wider period adds the
 * firms submitted between the two bounds, so where dropping conditions adds no firm within the period, the firms on
 * the nearest day before `from` (and after `to`) that has any must number 0 or at least `min`. A narrow view bounded
 * by dates over a sparse stream of submissions is therefore usually withheld: the price of day-level periods.
 */
export function viewSuppression(
	groups: Iterable<FirmGroup>,
	conditions: number,
	period: Period | undefined,
	min: number
): Suppression {
	checkMin(min);
	const size = 1 << conditions;
	const all = new Array<number>(size).fill(0);
	const within = new Array<number>(size).fill(0);
	const before = new Map<string, number[]>();
	const after = new Map<string, number[]>();
	const tally = (days: Map<string, number[]>, group: FirmGroup) => {
		let histogram = days.get(group.day);
		if (!histogram) days.set(group.day, (histogram = new Array<number>(size).fill(0)));
		histogram[group.meets] += group.firms;
	};
	for (const group of groups) {
		if (!Number.isInteger(group.meets) || group.meets < 0 || group.meets >= size) {
			throw new RangeError(
				`pattern ${group.meets} names a condition beyond the ${conditions} given`
			);
		}
		if (group.firms === 0) continue;
		all[group.meets] += group.firms;
		if (period?.from !== undefined && group.day < period.from) tally(before, group);
		else if (period?.to !== undefined && group.day > period.to) tally(after, group);
		else within[group.meets] += group.firms;
	}
	if (period?.from === undefined && period?.to === undefined) {
		return subsetSuppression(supersetSums(all, conditions), min);
	}
	const inPeriod = supersetSums(within, conditions);
	const verdict = subsetSuppression([...supersetSums(all, conditions), ...inPeriod], min);
	const n = inPeriod[size - 1];
	if (verdict !== null || n === 0) return verdict;
	// Where dropping conditions adds firms within the period, it adds at least `min`, whatever the edges add.
	const exposed = inPeriod.flatMap((count, subset) => (count === n ? [subset] : []));
	const descending = [...before.keys()].sort().reverse();
	const ascending = [...after.keys()].sort();
	return edgeSafe(before, descending, exposed, conditions, min) &&
		edgeSafe(after, ascending, exposed, conditions, min)
		? null
		: 'filters_single_out';
}
