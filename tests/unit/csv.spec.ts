import { describe, expect, it } from 'vitest';
import { csvStream, csvText, neutraliseCell, type Row } from '$lib/server/export/csv';

const BOM_BYTES = [0xef, 0xbb, 0xbf];

async function streamBytes(stream: ReadableStream<Uint8Array>): Promise<Uint8Array> {
	return new Uint8Array(await new Response(stream).arrayBuffer());
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

describe('csvText', () => {
	it('starts with a BOM, ends lines with CRLF and keeps Turkish text byte-exact', () => {
		const turkish = 'çğıİöşü ÇĞIÖŞÜ';
		const text = csvText(['İl', 'Firma'], [['Çanakkale', turkish]]);
		expect(text).toBe(`\uFEFFİl,Firma\r\nÇanakkale,${turkish}\r\n`);
		const bytes = new TextEncoder().encode(text);
		const expected = Buffer.concat([
			Buffer.from(BOM_BYTES),
			Buffer.from(`İl,Firma\r\nÇanakkale,${turkish}\r\n`, 'utf8')
		]);
		expect(Buffer.from(bytes).equals(expected)).toBe(true);
	});

	it('quotes cells holding commas, quotes or line breaks, doubling the quotes (RFC 4180)', () => {
		expect(
			csvText(
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

	it('neutralises formulas in header and body cells alike', () => {
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
		const text = csvText(dangerous, [dangerous]);
		const expectedLine =
			"'=1+1,'+1,'-1,'@A1,'\t1,\"'\r1\",' =1,'\uFF1D1,'\uFF0B1,'\uFF0D1,'\uFF20A1\r\n";
		expect(text).toBe('\uFEFF' + expectedLine + expectedLine);
	});

	it('writes numbers untouched and null or undefined as empty cells, but neutralises "-5" as text', () => {
		expect(
			csvText(
				['n', 'text', 'none', 'missing'],
				[
					[-5, '-5', null, undefined],
					[72.5, 'x', 0, '']
				]
			)
		).toBe("\uFEFFn,text,none,missing\r\n-5,'-5,,\r\n72.5,x,0,\r\n");
	});

	it('writes only the header when there are no rows', () => {
		expect(csvText(['a', 'b'], [])).toBe('\uFEFFa,b\r\n');
	});
});

describe('csvStream', () => {
	const header: Row = ['Firma', '=Puan'];
	const rows: Row[] = Array.from({ length: 450 }, (_, index) => [
		index % 3 === 0 ? `Öz, "Çağ" ${index}\nMetal` : `@firma ${index}`,
		index % 2 === 0 ? -index : `${-index}`
	]);

	it('produces exactly the bytes of csvText from an async source, across several batches', async () => {
		const expected = new TextEncoder().encode(csvText(header, rows));
		expect(await streamBytes(csvStream(header, asyncRows(rows)))).toEqual(expected);
	});

	it('produces exactly the bytes of csvText from an array, and from no rows at all', async () => {
		expect(await streamBytes(csvStream(header, rows))).toEqual(
			new TextEncoder().encode(csvText(header, rows))
		);
		const empty = await streamBytes(csvStream(header, []));
		expect(empty).toEqual(new TextEncoder().encode(csvText(header, [])));
		expect([...empty.slice(0, 3)]).toEqual(BOM_BYTES);
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
		const reader = csvStream(['n'], source()).getReader();
		await reader.read();
		await reader.read();
		await reader.cancel();
		expect(closed).toBe(true);
	});
});
