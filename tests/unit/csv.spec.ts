import { describe, expect, it } from 'vitest';
import { csvDocument, csvStream, neutraliseCell } from '$lib/server/export/csv';
import type { Row } from '$lib/server/export/document';

const BOM_BYTES = [0xef, 0xbb, 0xbf];

async function streamBytes(stream: ReadableStream<Uint8Array>): Promise<Uint8Array> {
	return new Uint8Array(await new Response(stream).arrayBuffer());
}

/** The stream's whole text, as a file saved from a download: header first, then the rows. */
async function csvText(header: Row, rows: Row[]): Promise<string> {
	return new TextDecoder('utf-8', { ignoreBOM: true }).decode(
		await streamBytes(csvStream([header, ...rows]))
	);
}

async function* asyncRows(rows: Row[]): AsyncGenerator<Row> {
	yield* rows;
}

describe('neutraliseCell', () => {
	it.each([
		['=SUM(A1:A9)', "'=SUM(A1:A9)"],
		['+90 212 555 00 00', "'+90 212 555 00 00"],
		['-5', "'-5"],
		['@SUM(A1)', "'@SUM(A1)"],
		['\tcmd', "'\tcmd"],
		['\rcmd', "'\rcmd"],
		['   =1+1', "'   =1+1"],
		['\u00a0=1+1', "'\u00a0=1+1"],
		['\uFF1D1+1', "'\uFF1D1+1"],
		['\uFF0B1', "'\uFF0B1"],
		['\uFF0D1', "'\uFF0D1"],
		['\uFF20SUM(A1)', "'\uFF20SUM(A1)"]
	])('prefixes %j with a quote', (cell, expected) => {
		expect(neutraliseCell(cell)).toBe(expected);
	});

	it.each([
		['Öztürk Çelik A.Ş.', 'Öztürk Çelik A.Ş.'],
		['a=b', 'a=b'],
		['info@example.com.tr', 'info@example.com.tr'],
		['', '']
	])('leaves %j alone', (cell, expected) => {
		expect(neutraliseCell(cell)).toBe(expected);
	});

	it('writes numbers as numbers, negative ones too, and nothing for null, undefined and NaN', () => {
		expect(neutraliseCell(-5)).toBe('-5');
		expect(neutraliseCell(-0.5)).toBe('-0.5');
		expect(neutraliseCell(42.1)).toBe('42.1');
		expect(neutraliseCell(null)).toBe('');
		expect(neutraliseCell(undefined)).toBe('');
		expect(neutraliseCell(Number.NaN)).toBe('');
	});
});

describe('csvStream, as text', () => {
	it('starts with a BOM, ends lines with CRLF and keeps Turkish text byte-exact', async () => {
		const turkish = 'çğıİöşü ÇĞIÖŞÜ';
		const text = await csvText(['İl', 'Firma'], [['Çanakkale', turkish]]);
		expect(text).toBe(`\uFEFFİl,Firma\r\nÇanakkale,${turkish}\r\n`);
		const bytes = new TextEncoder().encode(text);
		const expected = Buffer.concat([
			Buffer.from(BOM_BYTES),
			Buffer.from(`İl,Firma\r\nÇanakkale,${turkish}\r\n`, 'utf8')
		]);
		expect(Buffer.from(bytes).equals(expected)).toBe(true);
	});

	it('quotes cells holding commas, quotes or line breaks, doubling the quotes (RFC 4180)', async () => {
		expect(
			await csvText(
				['a'],
				[
					['Kaya, Demir ve Ortakları'],
					['"Anadolu" Gıda'],
					['satır 1\nsatır 2'],
					['satır 1\r\nsatır 2'],
					['plain']
				]
			)
		).toBe(
			'\uFEFFa\r\n"Kaya, Demir ve Ortakları"\r\n"""Anadolu"" Gıda"\r\n"satır 1\nsatır 2"\r\n' +
				'"satır 1\r\nsatır 2"\r\nplain\r\n'
		);
	});

	it('neutralises formulas in header and body cells alike', async () => {
		const dangerous = [
			'=1+1',
			'+1',
			'-1',
			'@A1',
			'\t1',
			'\r1',
			' =1',
			'\uFF1D1',
			'\uFF0B1',
			'\uFF0D1',
			'\uFF20A1'
		];
		const text = await csvText(dangerous, [dangerous]);
		const expectedLine =
			"'=1+1,'+1,'-1,'@A1,'\t1,\"'\r1\",' =1,'\uFF1D1,'\uFF0B1,'\uFF0D1,'\uFF20A1\r\n";
		expect(text).toBe('\uFEFF' + expectedLine + expectedLine);
	});

	it('writes numbers untouched and null or undefined as empty cells, but neutralises "-5" as text', async () => {
		expect(
			await csvText(
				['n', 'text', 'none', 'missing'],
				[
					[-5, '-5', null, undefined],
					[72.5, 'x', 0, '']
				]
			)
		).toBe("\uFEFFn,text,none,missing\r\n-5,'-5,,\r\n72.5,x,0,\r\n");
	});

	it('writes only the header when there are no rows', async () => {
		expect(await csvText(['a', 'b'], [])).toBe('\uFEFFa,b\r\n');
	});

	it('writes a day as YYYY-MM-DD', async () => {
		expect(await csvText(['day'], [[new Date('2026-03-12')]])).toBe('\uFEFFday\r\n2026-03-12\r\n');
	});
});

describe('csvStream', () => {
	const header: Row = ['Firma', '=Puan'];
	const rows: Row[] = Array.from({ length: 450 }, (_, index) => [
		index % 3 === 0 ? `Öz, "Çağ" ${index}\nMetal` : `@firma ${index}`,
		index % 2 === 0 ? -index : `${-index}`
	]);

	it('produces the same bytes from an async source, across several batches, as from an array', async () => {
		const expected = await streamBytes(csvStream([header, ...rows]));
		expect(await streamBytes(csvStream(asyncRows([header, ...rows])))).toEqual(expected);
	});

	it('writes only the BOM for no rows at all', async () => {
		const empty = await streamBytes(csvStream([]));
		expect([...empty]).toEqual(BOM_BYTES);
	});

	it('closes the row source when the download is cancelled', async () => {
		let closed = false;
		async function* source(): AsyncGenerator<Row> {
			try {
				for (let index = 0; ; index++) yield [index];
			} finally {
				closed = true;
			}
		}
		const reader = csvStream(source()).getReader();
		await reader.read();
		await reader.read();
		await reader.cancel();
		expect(closed).toBe(true);
	});
});

describe('csvDocument', () => {
	it('writes the about lines, an empty line, then the table, every line as wide as the table', async () => {
		const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(
			await streamBytes(
				csvDocument({
					locale: 'tr',
					fileName: 'x',
					about: {
						title: 'Bilgi',
						lines: [
							['Oda', '=Saray TO'],
							['En küçük grup', 5]
						]
					},
					table: {
						title: 'Tablo',
						header: ['Bölüm', 'Grup', 'Ortalama'],
						rows: asyncRows([['Özet', 'Tüm', 'gizli']])
					}
				})
			)
		);
		expect(text).toBe(
			"\uFEFFOda,'=Saray TO,\r\nEn küçük grup,5,\r\n,,\r\nBölüm,Grup,Ortalama\r\nÖzet,Tüm,gizli\r\n"
		);
	});
});
