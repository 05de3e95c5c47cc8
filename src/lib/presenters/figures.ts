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

/** A chamber's figure as the page and the PDF print it: one decimal at most, a dash where it was withheld. */
export function figureText(locale: Locale, value: number | null): string {
	return value === null ? '–' : formatNumber(locale, value, { maximumFractionDigits: 1 });
}

/** The table with its figures formatted (withheld ones as a dash), as the PDF prints it. */
export function formattedRows(table: FigureTable, locale: Locale): string[][] {
	return table.rows.map(([name, ...figures]) => [
		name,
		...figures.map((value) => figureText(locale, value))
	]);
}
