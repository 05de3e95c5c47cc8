import type { Locale } from '$lib/i18n';

/**
 * One cell of an export: text as given by users or the database, a figure we computed, or a calendar day (a `Date`
 * whose UTC date is the day). `null` and `undefined` are empty cells: a column that does not apply to the row.
 */
export type Cell = string | number | Date | null | undefined;
export type Row = readonly Cell[];

/**
 * A file a chamber downloads, before it is written as CSV or XLSX: the same lines in both. `about` says what the
 * file holds (the XLSX's first sheet, the CSV's first lines); `table` is the data, which may arrive from a database
 * cursor so that a large export is never held in memory.
 */
export interface ExportDocument {
	locale: Locale;
	/** The file's name without its extension. */
	fileName: string;
	about: { title: string; lines: Row[] };
	table: { title: string; header: Row; rows: Iterable<Row> | AsyncIterable<Row> };
}

/** The rows of an iterable, sync or async, one at a time. */
export async function* eachRow(rows: Iterable<Row> | AsyncIterable<Row>): AsyncGenerator<Row> {
	yield* rows;
}
