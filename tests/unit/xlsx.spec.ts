import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { ExportDocument, Row } from '$lib/server/export/document';
import { dayFormat, numberFormat, xlsxStream } from '$lib/server/export/xlsx';

const EVIL = '=HYPERLINK("http://evil.example","Tıkla")';

async function* asyncRows(rows: Row[]): AsyncGenerator<Row> {
	yield* rows;
}

function document(rows: Iterable<Row> | AsyncIterable<Row>): ExportDocument {
	return {
		locale: 'tr',
		fileName: 'saray-istatistikler-2026-03-12',
		about: {
			title: 'Bilgi',
			lines: [
				['Oda', 'Saray Ticaret Odası'],
				['Gösterilen en küçük grup (firma)', 5]
			]
		},
		table: { title: 'İstatistikler', header: ['Bölüm', 'Grup', 'Firma sayısı', 'Ortalama'], rows }
	};
}

async function workbookOf(stream: ReadableStream<Uint8Array>): Promise<ExcelJS.Workbook> {
	const workbook = new ExcelJS.Workbook();
	await workbook.xlsx.load(await new Response(stream).arrayBuffer());
	return workbook;
}

describe('numberFormat and dayFormat', () => {
	it('names the locale and keeps whole counts without decimals', () => {
		expect(numberFormat('tr', 14)).toBe('[$-41F]#,##0');
		expect(numberFormat('tr', 50.5)).toBe('[$-41F]#,##0.0##');
		expect(numberFormat('en', 1234.25)).toBe('[$-809]#,##0.0##');
		expect(dayFormat('tr')).toBe('[$-41F]dd.mm.yyyy');
		expect(dayFormat('en')).toBe('[$-809]dd/mm/yyyy');
	});
});

describe('xlsxStream', () => {
	it('writes the about sheet first, then the table with typed cells', async () => {
		const workbook = await workbookOf(
			xlsxStream(
				document(
					asyncRows([
						['Özet', 'Tüm firmalar', 14, 50.5],
						['Olgunluk düzeyleri', 'Başlangıç', 'gizli', null],
						['Firma', EVIL, new Date('2026-03-12'), Number.NaN]
					])
				)
			)
		);
		expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['Bilgi', 'İstatistikler']);
		const about = workbook.getWorksheet('Bilgi')!;
		expect(about.getCell('A1').value).toBe('Oda');
		expect(about.getCell('B1').value).toBe('Saray Ticaret Odası');
		expect(about.getCell('B2').type).toBe(ExcelJS.ValueType.Number);
		expect(about.getCell('B2').value).toBe(5);

		const table = workbook.getWorksheet('İstatistikler')!;
		expect((table.getRow(1).values as ExcelJS.CellValue[]).slice(1)).toEqual([
			'Bölüm',
			'Grup',
			'Firma sayısı',
			'Ortalama'
		]);
		expect(table.getCell('A1').font?.bold).toBe(true);
		expect(table.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
		const firms = table.getCell('C2');
		expect(firms.type).toBe(ExcelJS.ValueType.Number);
		expect(firms.value).toBe(14);
		expect(firms.numFmt).toBe('[$-41F]#,##0');
		expect(table.getCell('D2').value).toBe(50.5);
		expect(table.getCell('D2').numFmt).toBe('[$-41F]#,##0.0##');
		// A withheld figure is the marker's text; a column that does not apply is empty.
		expect(table.getCell('C3').type).toBe(ExcelJS.ValueType.String);
		expect(table.getCell('C3').value).toBe('gizli');
		expect(table.getCell('D3').type).toBe(ExcelJS.ValueType.Null);
		// A formula typed as a company name stays text; a day is a date; NaN is no figure.
		expect(table.getCell('B4').type).toBe(ExcelJS.ValueType.String);
		expect(table.getCell('B4').value).toBe(EVIL);
		expect(table.getCell('C4').type).toBe(ExcelJS.ValueType.Date);
		expect(table.getCell('C4').value).toEqual(new Date('2026-03-12'));
		expect(table.getCell('C4').numFmt).toBe('[$-41F]dd.mm.yyyy');
		expect(table.getCell('D4').type).toBe(ExcelJS.ValueType.Null);
		expect(table.rowCount).toBe(4);
	});

	it('writes many rows from a sync source, and only the header when there are none', async () => {
		const rows: Row[] = Array.from({ length: 1000 }, (_, index) => ['Firma', `F ${index}`, index]);
		const many = (await workbookOf(xlsxStream(document(rows)))).getWorksheet('İstatistikler')!;
		expect(many.rowCount).toBe(1001);
		expect(many.getCell('C1001').value).toBe(999);
		const none = (await workbookOf(xlsxStream(document([])))).getWorksheet('İstatistikler')!;
		expect(none.rowCount).toBe(1);
	});

	it('stops reading the rows, and closes their source, when the download is cancelled', async () => {
		let read = 0;
		let closed = false;
		async function* source(): AsyncGenerator<Row> {
			try {
				for (;;) {
					read++;
					yield ['Firma', `Uzun bir firma adı ${read}`.repeat(20), read];
				}
			} finally {
				closed = true;
			}
		}
		const reader = xlsxStream(document(source())).getReader();
		await reader.read();
		await reader.cancel();
		await expect.poll(() => closed).toBe(true);
		const afterCancel = read;
		await new Promise((resolve) => setTimeout(resolve, 50));
		expect(read).toBe(afterCancel);
	});

	it('reads no faster than the client takes the file', async () => {
		let read = 0;
		async function* source(): AsyncGenerator<Row> {
			for (let index = 0; index < 50_000; index++) {
				read++;
				// Text that compresses badly, so that the file grows as fast as the rows.
				yield ['Firma', Math.random().toString(36).repeat(8), index];
			}
		}
		const reader = xlsxStream(document(source())).getReader();
		await reader.read();
		// Wait until the reading stops: the compressor's and the stream's buffers fill (a few hundred rows to a few
		// thousand, by the machine's speed) and the rest wait for the client. Without backpressure it reads all.
		for (let before = -1; read !== before;) {
			before = read;
			await new Promise((resolve) => setTimeout(resolve, 200));
		}
		expect(read).toBeLessThan(25_000);
		await reader.cancel();
	});
});
