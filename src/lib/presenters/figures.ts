import type { ChartConfiguration } from 'chart.js';
import { firmCountsChart } from '$lib/charts/chamber';
import type { Locale } from '$lib/i18n';
import { formatNumber } from '$lib/i18n/format';

/**
 * A row of a chamber's figures: its name, then figures left as numbers so that the CSV keeps them as numbers; the page
 * and the PDF format them with `figureText`. A `null` figure was withheld for disclosure control.
 */
export type FigureRow = [string, ...(number | null)[]];

/** A table of figures with its caption and head worded. */
export interface FigureTable {
	caption: string;
	head: string[];
	rows: FigureRow[];
}

/**
 * A row whose first cell names it, then figures (`null` where withheld) or, in a progress table, a word where there
 * is no figure ("no target").
 */
export type MixedRow = readonly [string, ...(number | string | null)[]];

/** A table of such rows (a figure, progress or needs table): what the report prints and the exports carry. */
export interface MixedTable {
	caption: string;
	head: string[];
	rows: readonly MixedRow[];
}

/** A chart with the sentence a screen reader hears for it. */
export interface LabelledChart {
	config: ChartConfiguration<'bar'>;
	label: string;
}

/**
 * A chamber's figure as the page and the PDF print it: one decimal at most, and where it was withheld the word
 * `withheld` (`dashboard.suppressed_cell`), so that it is never read as a zero.
 */
export function figureText(locale: Locale, value: number | null, withheld: string): string {
	return value === null ? withheld : formatNumber(locale, value, { maximumFractionDigits: 1 });
}

/** The table with its figures formatted (withheld ones as the word `withheld`), as the PDF prints it. */
export function formattedRows(table: MixedTable, locale: Locale, withheld: string): string[][] {
	return table.rows.map(([name, ...cells]) => [
		name,
		...cells.map((cell) => (typeof cell === 'string' ? cell : figureText(locale, cell, withheld)))
	]);
}

/** Whether any figure of the tables was withheld, so that the legend explaining the mark is needed. */
export function hasWithheld(...tables: MixedTable[]): boolean {
	return tables.some((table) => table.rows.some(([, ...figures]) => figures.includes(null)));
}

/**
 * Items of a fixed list (levels, score bands) with the ones withheld one by one replaced by a single line at the
 * place of the first of them: named `from–to` when they are adjacent, else their names joined with `+`.
 */
export function mergeWithheldItems<K>(
	items: { key: K; name: string; firms: number | null }[],
	merged: { keys: K[]; firms: number } | null
): { name: string; firms: number | null }[] {
	const rows = items.map(({ name, firms }) => ({ name, firms }));
	if (merged === null) return rows;
	const at = items.flatMap((item, i) => (merged.keys.includes(item.key) ? [i] : []));
	const adjacent = at.every((index, i) => i === 0 || index === at[i - 1] + 1);
	const names = at.map((index) => items[index].name);
	const name =
		names.length === 1 ? names[0] : adjacent ? `${names[0]}–${names.at(-1)}` : names.join(' + ');
	return rows.flatMap((row, i) =>
		i === at[0] ? [{ name, firms: merged.firms }] : at.includes(i) ? [] : [row]
	);
}

/**
 * Firms counted per category (a level, an emission band, a CBAM exposure): the table, and the bar chart that draws
 * it unless it would be empty (every count zero or withheld), when the table says it all.
 */
export function firmCounts(
	items: { name: string; firms: number | null }[],
	firmsCol: string,
	labels: { caption: string; column: string; chart: string }
): { table: FigureTable; chart: LabelledChart | null } {
	const drawable = items.some((item) => (item.firms ?? 0) > 0);
	return {
		table: {
			caption: labels.caption,
			head: [labels.column, firmsCol],
			rows: items.map((item) => [item.name, item.firms])
		},
		chart: drawable ? { config: firmCountsChart(items, firmsCol), label: labels.chart } : null
	};
}
