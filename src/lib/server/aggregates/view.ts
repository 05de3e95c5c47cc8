import type { Published, Suppression } from './suppression';
import { compareKeys } from './suppression';
import type { Firm, MergedCells, StatisticsFilters } from './types';

/*
 * What every figure of a chamber's view is computed with: its one filter, the chamber's tables of cells it may show,
 * and the arithmetic (rounded means and medians, counts per cell).
 */

/** Rounds to one decimal, as every published mean, median and total is. */
export const round = (value: number) => Math.round(value * 10) / 10;

/** The mean to one decimal; null for no values. */
export function mean(values: readonly number[]): number | null {
	return values.length === 0
		? null
		: round(values.reduce((sum, value) => sum + value, 0) / values.length);
}

/** The median to one decimal; null for no values. */
export function median(values: readonly number[]): number | null {
	if (values.length === 0) return null;
	// Only the middle values are needed, not the whole order: selected in place in a typed array, several times
	// faster than sorting thousands of scores (a dashboard takes seven medians of every firm).
	const scratch = Float64Array.from(values);
	const middle = scratch.length >> 1;
	const upper = select(scratch, middle);
	if (scratch.length % 2) return round(upper);
	// Everything before `middle` is now at most `upper`: the largest of it is the other middle value.
	let lower = scratch[0];
	for (let i = 1; i < middle; i++) if (scratch[i] > lower) lower = scratch[i];
	return round((lower + upper) / 2);
}

/**
 * The `k`-th smallest of `values` (from 0), leaving the smaller ones before it and the larger after (Hoare's
 * selection, with the middle element as pivot). Reorders `values`.
 */
function select(values: Float64Array, k: number): number {
	let left = 0;
	let right = values.length - 1;
	while (left < right) {
		const pivot = values[(left + right) >> 1];
		let i = left;
		let j = right;
		while (i <= j) {
			while (values[i] < pivot) i++;
			while (values[j] > pivot) j--;
			if (i <= j) {
				const swap = values[i];
				values[i++] = values[j];
				values[j--] = swap;
			}
		}
		if (k <= j) right = j;
		else if (k >= i) left = i;
		else break;
	}
	return values[k];
}

/** The filters, each comparing one of a firm's facts with a value. */
export const DIMENSIONS = ['campaignId', 'sector', 'sizeClass', 'province'] as const;

type Dimension = (typeof DIMENSIONS)[number];

/** The one filter of a view, if any. */
export interface Filter {
	name: Dimension;
	value: string;
}

/**
 * The view's filter. Views combining two filters are refused: each is a cell of a two-way table, and requests could
 * then be made to nest around any small group; one filter at a time keeps every view a cell of `disclose`'s tables.
 */
export function singleFilter(filters: StatisticsFilters): Filter | undefined {
	const set = DIMENSIONS.filter((name) => filters[name] !== undefined);
	if (set.length > 1) throw new RangeError(`at most one filter at a time: ${set.join(', ')}`);
	return set.length === 0 ? undefined : { name: set[0], value: filters[set[0]]! };
}

/** A partition of the firms as the figures read it: each firm's cell, and which cells any view may show. */
export interface Table extends Published {
	keyOf: (firm: Firm) => string | null;
}

/** A shown view: its firms and the chamber's tables. */
export interface OwnView {
	inView: Firm[];
	tables: Map<string, Table>;
	filter: Filter | undefined;
}

/** The firms per cell of a partition, in the order the cells are first met. */
export function countBy(firms: readonly Firm[], keyOf: (firm: Firm) => string | null) {
	const members = new Map<string | null, Firm[]>();
	for (const firm of firms) {
		const key = keyOf(firm);
		const list = members.get(key);
		if (list) list.push(firm);
		else members.set(key, [firm]);
	}
	return members;
}

/**
 * The view's firms per key of a list that is always shown whole (levels, bands). While the table withholds some
 * cells, every key not shown on its own is null, empty ones too: a dash among zeros would tell which have firms.
 */
export function fixedBreakdown(view: OwnView, table: Table, keys: readonly (string | null)[]) {
	const members = countBy(view.inView, table.keyOf);
	const withholds = table.hidden.size > 0;
	return keys.map((key) => ({
		key,
		firms: table.shown.has(key) || !withholds ? (members.get(key)?.length ?? 0) : null
	}));
}

/**
 * The cells of a fixed list that `fixedBreakdown` withheld, merged into one line of the view's firms in them. Null
 * when nothing is withheld, or everything (the line would only repeat the view's total).
 */
export function mergeWithheld<K>(
	cells: readonly { key: K; firms: number | null }[],
	total: number
): MergedCells<K> | null {
	const withheld = cells.filter((cell) => cell.firms === null);
	if (withheld.length === 0 || withheld.length === cells.length) return null;
	const shown = cells.reduce((sum, cell) => sum + (cell.firms ?? 0), 0);
	return { keys: withheld.map((cell) => cell.key), firms: total - shown };
}

/**
 * The order people expect of a breakdown's keys: the given order first (size classes micro to large), then plate
 * codes by number and other keys (NACE letters) in code-unit order, firms that did not say (`null`) last.
 */
export function groupOrder(order: readonly string[] = []) {
	const rank = (key: string | null) => (key === null ? -1 : order.indexOf(key));
	const numeric = (key: string | null) => key !== null && /^\d+$/.test(key);
	return (a: string | null, b: string | null): number => {
		const [ra, rb] = [rank(a), rank(b)];
		if (ra !== -1 || rb !== -1) return ra === -1 ? 1 : rb === -1 ? -1 : ra - rb;
		if (numeric(a) && numeric(b)) return Number(a) - Number(b) || compareKeys(a, b);
		return compareKeys(a, b);
	};
}

/** Why a subset of the view that its table does not publish is withheld: too few firms, or what it would isolate. */
export function reason(firms: number, min: number): Suppression {
	return firms < min ? 'too_few' : 'filters_single_out';
}
