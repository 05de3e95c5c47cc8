import { stringify, type Options } from 'csv-stringify/sync';
import { eachRow, type Cell, type ExportDocument, type Row } from './document';

// Excel reads a file without a byte-order mark in the ANSI code page (Windows-1254 in Türkiye), which garbles
// ç ğ ı İ ö ş ü; LibreOffice and every parser accept the mark.
const BOM = '\uFEFF';

// RFC 4180: CRLF line ends. csv-stringify stops quoting bare \n and \r once a record delimiter is set, so ask for it
// explicitly: a company name pasted with a line break must stay in its cell.
const OPTIONS: Options = { record_delimiter: 'windows', quote_record_delimiter: true };

// OWASP CSV injection advice: a cell starting with = + - @ tab or carriage return is read as a formula. Spreadsheets
// skip leading spaces, and some treat the full-width forms (U+FF1D, U+FF0B, U+FF0D, U+FF20) as their ASCII twins.
const FORMULA_START = /^\s*[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;

// Rows are handed to csv-stringify this many at a time when streaming: one call per row would spend more time
// setting up than writing.
const STREAM_BATCH_ROWS = 200;

/**
 * The text a cell is written as. A string that a spreadsheet would run as a formula gets a leading `'`, which the
 * spreadsheet shows as text (OWASP's advice). Numbers are our own figures and stay numbers, negative ones too.
 */
export function neutraliseCell(cell: Cell): string {
	if (cell === null || cell === undefined) return '';
	// A mean over no rows is NaN: an empty cell says "no figure" more plainly than the word NaN.
	if (typeof cell === 'number') return Number.isFinite(cell) ? String(cell) : '';
	if (cell instanceof Date) return cell.toISOString().slice(0, 10);
	return FORMULA_START.test(cell) ? `'${cell}` : cell;
}

function lines(rows: Iterable<Row>): string {
	return stringify(
		Array.from(rows, (row) => row.map(neutraliseCell)),
		OPTIONS
	);
}

/**
 * An export as CSV: its `about` lines (label, value), an empty line, then the table's header and rows, every line as
 * wide as the table so that a spreadsheet sees one grid and a script can skip to the first empty line.
 */
export function csvDocument(document: ExportDocument): ReadableStream<Uint8Array> {
	const { about, table } = document;
	const width = table.header.length;
	const padded = (row: Row): Row => [
		...row,
		...Array.from({ length: width - row.length }, () => null)
	];
	async function* lines(): AsyncGenerator<Row> {
		for (const line of about.lines) yield padded(line);
		yield padded([]);
		yield table.header;
		yield* eachRow(table.rows);
	}
	return csvStream(lines());
}

/**
 * CSV bytes produced as the rows arrive, for a `Response` body: a large export streams from a database cursor instead
 * of being held in memory. Rows are only read as fast as the client takes them, and a cancelled download closes the
 * row source.
 */
export function csvStream(rows: AsyncIterable<Row> | Iterable<Row>): ReadableStream<Uint8Array> {
	const encoder = new TextEncoder();
	const iterator = eachRow(rows);
	return new ReadableStream<Uint8Array>({
		start(controller) {
			controller.enqueue(encoder.encode(BOM));
		},
		async pull(controller) {
			const batch: Row[] = [];
			let done = false;
			while (batch.length < STREAM_BATCH_ROWS) {
				const next = await iterator.next();
				if (next.done) {
					done = true;
					break;
				}
				batch.push(next.value);
			}
			if (batch.length > 0) controller.enqueue(encoder.encode(lines(batch)));
			if (done) controller.close();
		},
		async cancel(reason) {
			await iterator.return(reason);
		}
	});
}
