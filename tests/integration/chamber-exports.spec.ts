import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { issueApiToken } from '$lib/server/auth/api-tokens';
import * as auditLog from '$lib/server/db/audit-log';
import type { Db } from '$lib/server/db/connect';
import { testDatabases } from '../fixtures/databases';
import { insertChamberWith, type SubmittedFixture } from '../fixtures/submitted';

// The guard, the dashboard and the audit log read the process-wide database; point it at each case's.
let current: Db;
vi.mock('$lib/server/db', () => ({ db: () => current }));
const route =
	await import('../../src/routes/api/v1/chambers/[slug]/exports/[kind=export_kind].[format=export_format]/+server');

const EVIL = '=HYPERLINK("http://evil.example","Tıkla")';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A GET of an export as the route sees it, with a bearer token or none. */
function get(slug: string, file: string, token?: string) {
	const [kind, format] = file.split('?')[0].split('.');
	const url = new URL(`http://localhost/api/v1/chambers/${slug}/exports/${file}`);
	return route.GET({
		locals: { locale: 'en' },
		request: new Request(url, { headers: token ? { authorization: `Bearer ${token}` } : {} }),
		url,
		params: { slug, kind, format }
	} as unknown as Parameters<typeof route.GET>[0]);
}

async function workbook(response: Response) {
	const book = new ExcelJS.Workbook();
	await book.xlsx.load(await response.arrayBuffer());
	return book;
}

/** The about sheet's lines as label → value. */
function about(book: ExcelJS.Workbook) {
	const lines = new Map<string, ExcelJS.CellValue>();
	book.worksheets[0].eachRow((row) =>
		lines.set(String(row.getCell(1).value), row.getCell(2).value)
	);
	return lines;
}

/** A table sheet's rows as arrays of cell values, header first. */
function rowsOf(sheet: ExcelJS.Worksheet) {
	const rows: ExcelJS.CellValue[][] = [];
	sheet.eachRow((row) => rows.push((row.values as ExcelJS.CellValue[]).slice(1)));
	return rows;
}

describe.each(testDatabases())('chamber exports through the API on $name', (target) => {
	let db: Db;
	let viewer: string;
	let admin: string;
	let stranger: string;
	beforeAll(async () => {
		db = await target.open();
		current = db;
		// Eight manufacturers and four traders in Tekirdağ: the traders are too few to be shown by sector.
		const firms: Omit<SubmittedFixture, 'chamberId'>[] = Array.from({ length: 12 }, (_, i) => ({
			sector: i < 8 ? 'C' : 'G',
			sizeClass: 'small',
			province: '59',
			// Eight firms developing, four advanced: too few to be shown apart.
			overall: i < 8 ? 41 + i : 61 + i,
			themes: { resource: 40 + i },
			submittedAt: `2026-03-0${1 + (i % 9)}T21:30:00.000Z`
		}));
		const chamberId = await insertChamberWith(db, 'saray-tso', firms);
		// Two firms consented to share their identity, one with a name built to attack a spreadsheet.
		const consenting = await db
			.selectFrom('assessment')
			.select('id')
			.where('chamber_id', '=', chamberId)
			.orderBy('overall_score')
			.limit(2)
			.execute();
		for (const [index, { id }] of consenting.entries()) {
			const answers = {
				company_name: index === 0 ? EVIL : 'Öztürk Tekstil A.Ş.',
				contact_email: `firma${index}@example.org`
			};
			await db
				.updateTable('assessment')
				.set({ consent_share_identity: 1, answers: JSON.stringify(answers) })
				.where('id', '=', id)
				.execute();
		}
		const otherId = await insertChamberWith(db, 'edirne-tso', []);
		const issue = async (chamberId: string, role: string) =>
			(await issueApiToken(db, { chamberId, name: role, role, createdBy: 'u1' })).token;
		[viewer, admin, stranger] = await Promise.all([
			issue(chamberId, 'member'),
			issue(chamberId, 'admin'),
			issue(otherId, 'admin')
		]);
	});
	afterAll(() => target.close());

	it('serves the statistics as XLSX to a viewer token: a first sheet saying what, numbers as numbers', async () => {
		const response = await get('saray-tso', 'aggregates.xlsx', viewer);
		expect(response.status).toBe(200);
		expect(response.headers.get('content-type')).toBe(XLSX);
		expect(response.headers.get('content-disposition')).toMatch(
			/^attachment; filename="saray-tso-statistics-\d{4}-\d\d-\d\d\.xlsx"$/
		);
		const book = await workbook(response);
		expect(book.worksheets.map((sheet) => sheet.name)).toEqual(['About', 'Statistics']);
		const lines = about(book);
		expect(lines.get('Chamber')).toBe('saray-tso');
		expect(lines.get('Filters')).toBe('All campaigns, sectors, sizes, provinces and dates');
		expect(lines.get('Smallest group shown (firms)')).toBe(5);
		expect(String(lines.get('Withheld cells'))).toContain('“withheld”');
		expect(String(lines.get('Created (Türkiye time)'))).toMatch(/^\d{1,2} \w+ \d{4} at \d\d:\d\d$/);

		const rows = rowsOf(book.getWorksheet('Statistics')!);
		expect(rows[0].slice(0, 5)).toEqual(['Section', 'Group', 'Firms', 'Mean', 'Median']);
		expect(rows).toContainEqual(['Summary', 'All firms', 12, 53.2, 46.5]);
		expect(rows).toContainEqual(['Theme scores', 'Resource efficiency', 12, 45.5, 45.5]);
		// A withheld figure says so, never blank and never 0.
		const levels = rows.filter((row) => row[0] === 'Maturity levels');
		expect(levels).toContainEqual(['Maturity levels', 'Advanced', 'withheld']);
		for (const row of levels)
			expect(row[2] === 'withheld' || typeof row[2] === 'number').toBe(true);
		const firms = book.getWorksheet('Statistics')!.getCell('C2');
		expect(firms.type).toBe(ExcelJS.ValueType.Number);
		expect(firms.numFmt).toBe('[$-809]#,##0');
		const audited = await auditLog.listRecent(db, { target: 'saray-tso' });
		expect(audited.map((entry) => entry.action)).toContain('chamber.export_aggregates');
	});

	it('takes the dashboard’s filters, and refuses two with a localised 400', async () => {
		const csv = await get('saray-tso', 'aggregates.csv?size=small', viewer);
		// The route reads the filters from the URL's query.
		expect(csv.status).toBe(200);
		const text = await csv.text();
		expect(text).toMatch(/\r\nFilters,Size: Small enterprise,*\r\n/);
		expect(text).toMatch(/\r\nSummary,All firms,12,53.2,46.5,*\r\n/);
		// Manufacturing alone would reveal the four traders by difference: the file says so instead of figures.
		const withheld = await (await get('saray-tso', 'aggregates.csv?sector=C', viewer)).text();
		expect(withheld).toContain('Filters,Sector: C · Manufacturing\r\n');
		expect(withheld).toContain('Note,"This group is withheld');
		expect(withheld).not.toContain('Summary,');

		const refused = await get('saray-tso', 'aggregates.xlsx?sector=C&province=59', viewer);
		expect(refused.status).toBe(400);
		const body = await refused.json();
		expect(body.error.code).toBe('invalid_filters');
		expect(body.error.issues.map((issue: { path: string }) => issue.path)).toEqual([
			'sector',
			'province'
		]);
		expect(body.error.issues[0].message).toContain('one filter at a time');
	});

	it('gives the consenting firms to administrator tokens only, with formulas kept as text', async () => {
		const forbidden = await get('saray-tso', 'respondents.xlsx', viewer);
		expect(forbidden.status).toBe(403);
		expect((await forbidden.json()).error.code).toBe('personal_data_forbidden');

		const csv = await get('saray-tso', 'respondents.csv', admin);
		expect(csv.status).toBe(200);
		expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
		const text = await csv.text();
		expect(text).toContain(',,,\r\nCompany,Contact,Submitted on,Level\r\n');
		expect(text).toContain(`"'=HYPERLINK(""http://evil.example"",""Tıkla"")",firma0@example.org,`);
		expect(text.match(/@example\.org/g)).toHaveLength(2);

		const book = await workbook(await get('saray-tso', 'respondents.xlsx', admin));
		expect(book.worksheets.map((sheet) => sheet.name)).toEqual(['About', 'Firms']);
		const rows = rowsOf(book.getWorksheet('Firms')!);
		expect(rows[0]).toEqual(['Company', 'Contact', 'Submitted on', 'Level']);
		expect(rows).toHaveLength(3);
		const evil = book.getWorksheet('Firms')!.getRow(3);
		expect(evil.getCell(1).type).toBe(ExcelJS.ValueType.String);
		expect(evil.getCell(1).value).toBe(EVIL);
		// Submitted at 21:30 UTC on 1 March: 2 March in Türkiye, as a date cell.
		expect(evil.getCell(3).type).toBe(ExcelJS.ValueType.Date);
		expect(evil.getCell(3).value).toEqual(new Date('2026-03-02'));
	});

	it('answers 401 without a token and 404 for another chamber’s', async () => {
		expect((await get('saray-tso', 'aggregates.csv')).status).toBe(401);
		const other = await get('saray-tso', 'aggregates.xlsx', stranger);
		expect(other.status).toBe(404);
		expect((await other.json()).error.code).toBe('chamber_not_found');
	});
});
