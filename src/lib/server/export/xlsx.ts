import { once } from 'node:events';
import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import type { Locale } from '$lib/i18n';
import { eachRow, type Cell, type ExportDocument, type Row } from './document';

/**
 * The file's language in every number and date format (Excel's locale tag: 041F Turkish, 0809 English as in
 * Britain), as Excel writes it for cells typed in that language. The digits themselves are grouped and the decimals
 * separated as the reader's Excel or LibreOffice is set: `1.234,5` in Turkish, with no text to parse.
 */
const LOCALE_TAG: Record<Locale, string> = { tr: '[$-41F]', en: '[$-809]' };
const DAY_FORMAT: Record<Locale, string> = { tr: 'dd.mm.yyyy', en: 'dd/mm/yyyy' };

/** A whole count without decimals; any other figure with its decimals (our figures have one, tonnes two). */
export function numberFormat(locale: Locale, value: number): string {
	return LOCALE_TAG[locale] + (Number.isInteger(value) ? '#,##0' : '#,##0.0##');
}

/** A calendar day as the locale writes it. */
export function dayFormat(locale: Locale): string {
	return LOCALE_TAG[locale] + DAY_FORMAT[locale];
}

/**
 * Adds a row with typed cells: numbers as numbers in the locale's format, days as dates, text as text. Text is never
 * read as a formula in XLSX (the cell's type says it is a string), so a company named `=HYPERLINK(…)` stays a name.
 */
function addRow(sheet: ExcelJS.Worksheet, cells: Row, locale: Locale): ExcelJS.Row {
	const row = sheet.addRow(
		cells.map((cell: Cell) =>
			cell === undefined || (typeof cell === 'number' && !Number.isFinite(cell)) ? null : cell
		)
	);
	cells.forEach((cell, index) => {
		if (typeof cell === 'number' && Number.isFinite(cell))
			row.getCell(index + 1).numFmt = numberFormat(locale, cell);
		else if (cell instanceof Date) row.getCell(index + 1).numFmt = dayFormat(locale);
	});
	return row;
}

/** Rows written between two turns of the event loop, which let the compressor run and a cancellation arrive. */
const ROWS_PER_TURN = 200;

/**
 * Waits while the client has not taken what was written (the output is backed up), or until the download is gone:
 * the rows are read from the database only as fast as the client downloads the file.
 */
async function clientCaughtUp(output: PassThrough) {
	await new Promise((resolve) => setImmediate(resolve));
	if (!output.writableNeedDrain || output.destroyed) return;
	const waiting = new AbortController();
	await Promise.race([
		once(output, 'drain', { signal: waiting.signal }),
		once(output, 'close', { signal: waiting.signal })
	]).finally(() => waiting.abort());
}

/**
 * The node stream as a web stream that reads only when the client asks for more (Node 20's `Readable.toWeb` queues
 * thousands of chunks first), so that a slow download backs up to the writer instead of into memory.
 */
function webStream(output: PassThrough): ReadableStream<Uint8Array> {
	return new ReadableStream<Uint8Array>(
		{
			start(controller) {
				output.pause();
				output.on('data', (chunk: Buffer) => {
					controller.enqueue(new Uint8Array(chunk));
					if ((controller.desiredSize ?? 0) <= 0) output.pause();
				});
				output.once('end', () => controller.close());
				output.on('error', (error) => controller.error(error));
			},
			pull() {
				output.resume();
			},
			cancel() {
				output.destroy();
			}
		},
		{ highWaterMark: 64 * 1024, size: (chunk) => chunk.byteLength }
	);
}

/** A column about as wide as its heading, never narrower than a figure or a day. */
const width = (heading: Cell) => Math.min(60, Math.max(12, String(heading ?? '').length + 2));

async function write(document: ExportDocument, output: PassThrough) {
	const { locale, about, table } = document;
	// Inline strings rather than a shared-strings table, which would hold every distinct name until the end.
	const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
		stream: output,
		useStyles: true,
		useSharedStrings: false
	});
	const aboutSheet = workbook.addWorksheet(about.title);
	aboutSheet.columns = [{ width: 36 }, { width: 100 }];
	for (const line of about.lines) {
		const row = addRow(aboutSheet, line, locale);
		row.getCell(1).font = { bold: true };
		row.getCell(2).alignment = { wrapText: true, vertical: 'top', horizontal: 'left' };
		row.commit();
	}
	aboutSheet.commit();

	const sheet = workbook.addWorksheet(table.title, { views: [{ state: 'frozen', ySplit: 1 }] });
	sheet.columns = table.header.map((heading) => ({ width: width(heading) }));
	const header = addRow(sheet, table.header, locale);
	header.font = { bold: true };
	header.commit();
	let written = 0;
	for await (const cells of eachRow(table.rows)) {
		// A cancelled download ends the loop, which closes the row source (the database cursor).
		if (output.destroyed) return;
		addRow(sheet, cells, locale).commit();
		if (++written % ROWS_PER_TURN === 0) await clientCaughtUp(output);
	}
	if (output.destroyed) return;
	sheet.commit();
	await workbook.commit();
}

/**
 * An export as an XLSX workbook, written as the rows arrive: a first sheet saying what the file holds, then the
 * table with a frozen header. Rows are committed one by one, strings written inline and the rows read only as fast
 * as the client takes the file, so the server holds a few rows, never the whole table.
 */
export function xlsxStream(document: ExportDocument): ReadableStream<Uint8Array> {
	const output = new PassThrough();
	write(document, output).catch((error: unknown) => output.destroy(error as Error));
	return webStream(output);
}
