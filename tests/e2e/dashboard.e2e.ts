import { readFile } from 'node:fs/promises';
import AxeBuilder from '@axe-core/playwright';
import ExcelJS from 'exceljs';
import { createCampaignOf, createChamber, createChamberUser } from './admin-cli';
import { readPdf } from '../fixtures/pdf';
import { submitInCampaign } from './api-helpers';
import { signInAs } from './sign-in';
import { expect, test } from './test';

const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const PASSWORD = 'Trakya verimlilik platformu 2026';
const EVIL = '=HYPERLINK("http://evil.example","Tıkla")';

/** A downloaded workbook, read back with the library the server writes it with. */
async function readWorkbook(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
	const workbook = new ExcelJS.Workbook();
	await workbook.xlsx.load(Uint8Array.from(bytes).buffer);
	return workbook;
}

/** A row's cell values from the first column on (exceljs counts columns from 1). */
const cellsOf = (row: ExcelJS.Row) => (row.values as ExcelJS.CellValue[]).slice(1);

/** The first sheet's lines as label → value. */
function aboutLines(workbook: ExcelJS.Workbook) {
	const lines = new Map<string, ExcelJS.CellValue>();
	workbook.worksheets[0].eachRow((row) =>
		lines.set(String(row.getCell(1).value), row.getCell(2).value)
	);
	return lines;
}

test('a chamber sees its members’ anonymous figures, only consenting firms by name, and exports both', async ({
	page,
	request
}) => {
	// Seven submissions, a sign-in that sets up two-step verification, three exports: slow on a busy machine.
	test.slow();
	const slug = createChamber('Saray Ticaret Odası');
	const campaign = createCampaignOf(slug);
	// Six firms answer; two agree to share their identity, one of them with a name built to attack a spreadsheet.
	for (let firm = 0; firm < 6; firm++) {
		await submitInCampaign(request, campaign, {
			company: firm === 0 ? 'Öztürk Tekstil A.Ş.' : firm === 1 ? EVIL : `Gizli Firma ${firm}`,
			email: `firma${firm}@example.org`,
			consent: firm < 2,
			// 100,000 kWh × (firm + 1) × 0.439 kg: 921.9 t CO2e in all, no firm above a fifth of it.
			answers: { energy_electricity_kwh: 100_000 * (firm + 1) }
		});
	}

	await signInAs(page, createChamberUser(slug, PASSWORD), PASSWORD);
	await expect(page.getByText('Firms that submitted: 6')).toBeVisible();
	await expect(page.getByRole('table', { name: 'Theme scores' })).toContainText(
		'Resource efficiency'
	);
	const respondents = page.getByRole('table', {
		name: 'Firms that agreed to share their identity'
	});
	await expect(respondents).toContainText('Öztürk Tekstil A.Ş.');
	await expect(respondents).toContainText(EVIL);
	await expect(page.getByText('Gizli Firma')).toHaveCount(0);
	// Progress per campaign, and the firms by month of their submission in a chart and a table.
	await expect(
		page.getByText('6 firms have submitted, of 6 that started (100 % completed).')
	).toBeVisible();
	await expect(page.getByRole('table', { name: 'Progress by campaign' })).toContainText(
		'Yeşil Dönüşüm 2026'
	);
	await expect(page.getByRole('table', { name: 'Trends by month' })).toContainText('6');
	// The carbon estimate as a chamber total, and the CBAM screen's exposures: none of these firms makes CBAM goods.
	await expect(page.getByText('Firms that entered energy figures: 6')).toBeVisible();
	await expect(
		page.getByRole('table', { name: 'Estimated emissions' }).getByRole('row', { name: /Total/ })
	).toContainText('921.9');
	await expect(
		page.getByRole('table', { name: 'CBAM exposure' }).getByRole('row', {
			name: /Not affected/
		})
	).toContainText('6');
	// No withheld group of a breakdown is listed, not even as a dash.
	await expect(page.locator('section[aria-labelledby="breakdowns-title"]')).not.toContainText('–');
	const axe = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
	expect(axe.violations).toEqual([]);

	// The statistics as XLSX from the dashboard's link: what the file holds first, then numbers as numbers.
	const [download] = await Promise.all([
		page.waitForEvent('download'),
		page.getByRole('link', { name: 'Download the statistics (Excel)' }).click()
	]);
	expect(download.suggestedFilename()).toMatch(/^[a-z0-9-]+-statistics-\d{4}-\d\d-\d\d\.xlsx$/);
	const book = await readWorkbook(await readFile((await download.path())!));
	expect(book.worksheets.map((sheet) => sheet.name)).toEqual(['About', 'Statistics']);
	const about = aboutLines(book);
	expect(about.get('Chamber')).toBe('Saray Ticaret Odası');
	expect(about.get('Filters')).toBe('All campaigns, sectors, sizes, provinces and dates');
	expect(about.get('Smallest group shown (firms)')).toBe(5);
	expect(String(about.get('Created (Türkiye time)'))).toMatch(/\d{4} at \d\d:\d\d$/);
	expect(String(about.get('Withheld cells'))).toContain('“withheld”');
	const sheet = book.getWorksheet('Statistics')!;
	// The figures' columns, then those of the progress and trend tables, which join every table of the page.
	expect(cellsOf(sheet.getRow(1)).slice(0, 6)).toEqual([
		'Section',
		'Group',
		'Firms',
		'Mean',
		'Median',
		't CO₂e'
	]);
	const summary = sheet.getRow(2);
	expect([summary.getCell(1).value, summary.getCell(2).value, summary.getCell(3).value]).toEqual([
		'Summary',
		'All firms',
		6
	]);
	for (const column of [3, 4, 5]) {
		expect(summary.getCell(column).type).toBe(ExcelJS.ValueType.Number);
		expect(summary.getCell(column).numFmt).toMatch(/^\[\$-809\]#,##0/);
	}
	const total = sheet
		.getRows(2, sheet.rowCount - 1)!
		.find((row) => row.getCell(2).value === 'Total (Scope 1 + 2)')!;
	expect(total.getCell(6).type).toBe(ExcelJS.ValueType.Number);
	expect(total.getCell(6).value).toBeCloseTo(921.9, 1);
	// Two firms emit 10–100 t and four 100–1,000 t: both bands are withheld, and say so, never blank or 0.
	const bands = sheet
		.getRows(2, sheet.rowCount - 1)!
		.filter((row) => row.getCell(1).value === 'Firms by total emissions');
	expect(bands.length).toBe(4);
	for (const row of bands) {
		const firms = row.getCell(3);
		if (firms.type !== ExcelJS.ValueType.Number) expect(firms.value).toBe('withheld');
	}
	expect(bands.filter((row) => row.getCell(3).value === 'withheld').length).toBeGreaterThan(1);

	// The consenting firms as XLSX: a formula stays a company's name, the day is a date.
	const [firmsDownload] = await Promise.all([
		page.waitForEvent('download'),
		page.getByRole('link', { name: 'Download the list of firms (Excel)' }).click()
	]);
	const firmsBook = await readWorkbook(await readFile((await firmsDownload.path())!));
	const firmRows = firmsBook.getWorksheet('Firms')!;
	expect(cellsOf(firmRows.getRow(1))).toEqual(['Company', 'Contact', 'Submitted on', 'Level']);
	expect(firmRows.rowCount).toBe(3);
	const names = [2, 3].map((row) => firmRows.getRow(row).getCell(1));
	expect(names.map((cell) => cell.value).sort()).toEqual([EVIL, 'Öztürk Tekstil A.Ş.'].sort());
	for (const cell of names) expect(cell.type).toBe(ExcelJS.ValueType.String);
	expect(firmRows.getRow(2).getCell(3).type).toBe(ExcelJS.ValueType.Date);

	// Filters narrow the figures: none of these firms is a large enterprise.
	await page.getByLabel('Size', { exact: true }).selectOption({ label: 'Large enterprise' });
	await page.getByRole('button', { name: 'Apply' }).click();
	await expect(page).toHaveURL(/size=large/);
	await expect(page.getByText('Firms that submitted: 0')).toBeVisible();

	const csv = await page.request.get(`/chamber/${slug}/export.csv?kind=respondents&lang=en`);
	expect(csv.headers()['content-type']).toBe('text/csv; charset=utf-8');
	const text = (await csv.body()).toString('utf8');
	expect(text.startsWith('\uFEFFChamber,Saray Ticaret Odası,,\r\n')).toBe(true);
	expect(text).toContain(',,,\r\nCompany,Contact,Submitted on,Level\r\n');
	expect(text).toContain('Öztürk Tekstil A.Ş.,firma0@example.org,');
	expect(text).toContain(`"'=HYPERLINK(""http://evil.example"",""Tıkla"")"`);
	expect(text).not.toContain('Gizli Firma');

	const aggregates = await page.request.get(`/chamber/${slug}/export.csv?lang=en`);
	expect((await aggregates.body()).toString('utf8')).toContain('Summary,All firms,6,');

	// The PDF report carries the same figures and names no firm.
	const report = await page.request.get(`/chamber/${slug}/report.pdf?lang=en`);
	expect(report.headers()['content-type']).toBe('application/pdf');
	const pdf = await readPdf(new Uint8Array(await report.body()));
	const printed = pdf.pages.join('\n');
	expect(printed).toContain('Green Deal readiness: chamber report');
	expect(printed).toContain('Saray Ticaret Odası');
	expect(printed).toContain('Firms that submitted: 6');
	expect(printed).toContain('921.9');
	expect(printed).not.toContain('Öztürk');

	const api = await page.request.get(`/api/v1/chambers/${slug}/aggregates?lang=en`);
	const figures = await api.json();
	expect(figures).toMatchObject({ chamber: slug, firms: 6, suppressed: null });
	// Breakdowns name only the groups they show, each of at least five firms; the rest is one line without keys.
	for (const breakdown of [figures.bySector, figures.bySize, figures.byProvince]) {
		expect(Object.keys(breakdown).sort()).toEqual(['groups', 'withheld']);
		for (const group of breakdown.groups) expect(group.firms).toBeGreaterThanOrEqual(5);
	}
	const anonymous = await request.get(`/api/v1/chambers/${slug}/aggregates?lang=en`);
	expect(anonymous.status()).toBe(401);
	// One filter at a time: views combining two could be differenced down to a few firms.
	const twoFilters = await page.request.get(
		`/api/v1/chambers/${slug}/aggregates?sector=C&province=39&lang=en`
	);
	expect(twoFilters.status()).toBe(400);
	const refused = await twoFilters.json();
	expect(refused.error.code).toBe('invalid_filters');
	expect(refused.error.issues.map((issue: { path: string }) => issue.path)).toEqual([
		'sector',
		'province'
	]);
	expect(refused.error.issues[0].message).toContain('one filter at a time');
	const twoFiltersCsv = await page.request.get(
		`/chamber/${slug}/export.csv?sector=C&province=39&lang=en`
	);
	expect(twoFiltersCsv.status()).toBe(400);

	// In Turkish, a withheld cell says "gizli".
	const turkish = await readWorkbook(
		await (await page.request.get(`/chamber/${slug}/export.xlsx?lang=tr`)).body()
	);
	expect(turkish.worksheets.map((sheet) => sheet.name)).toEqual(['Bilgi', 'İstatistikler']);
	const turkishRows = turkish.getWorksheet('İstatistikler')!;
	expect(turkishRows.getCell('C2').numFmt).toMatch(/^\[\$-41F\]#,##0/);
	const hidden: string[] = [];
	turkishRows.eachRow((row) =>
		row.eachCell((cell) => {
			if (cell.value === 'gizli') hidden.push(cell.address);
		})
	);
	expect(hidden.length).toBeGreaterThan(0);
	await page.goto(`/chamber/${slug}?lang=en&size=large`);

	// The page says why and keeps the choice to correct.
	await page.getByLabel('Sector', { exact: true }).selectOption({ index: 1 });
	await page.getByRole('button', { name: 'Apply' }).click();
	await expect(page).toHaveURL(/size=large/);
	await expect(page.getByLabel('Size', { exact: true })).toHaveAttribute('aria-invalid', 'true');
	await expect(page.getByText(/Choose one filter at a time/).first()).toBeVisible();
	await expect(page.getByText('Firms that submitted: 6')).toBeVisible();
});

test('the dashboard takes one filter at a time and says so, without JavaScript too @no-js', async ({
	page
}, testInfo) => {
	const slug = createChamber('Hayrabolu Ticaret Odası');
	await signInAs(page, createChamberUser(slug, PASSWORD), PASSWORD);
	await page.goto(`/chamber/${slug}?lang=en`);
	await expect(page.getByText('One filter at a time.')).toBeVisible();

	await page.getByLabel('Sector', { exact: true }).selectOption({ index: 1 });
	await page.getByLabel('Province', { exact: true }).selectOption({ index: 1 });
	await page.getByRole('button', { name: 'Apply' }).click();
	await expect(page).toHaveURL(/sector=.+&.*province=/);
	for (const field of ['Sector', 'Province']) {
		await expect(page.getByLabel(field, { exact: true })).toHaveAttribute('aria-invalid', 'true');
	}
	await expect(page.getByText(/Choose one filter at a time/)).toHaveCount(2);
	// Refused filters filter nothing: the page shows the whole chamber, which has no campaign yet.
	await expect(page.getByRole('heading', { name: 'Create your first campaign' })).toBeVisible();
	if (testInfo.project.name === 'js') {
		const axe = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
		expect(axe.violations).toEqual([]);
	}

	// A bookmark from when the dashboard had month periods is refused, not read as all time.
	await page.goto(`/chamber/${slug}?from=2026-03&lang=en`);
	await expect(page.getByRole('alert')).toContainText('Periods are no longer offered');
});

test('the dashboard marks withheld figures, lists no empty province and orders provinces by plate code', async ({
	page,
	request
}) => {
	// Sixteen submissions and a sign-in: slow on a busy machine.
	test.slow();
	const slug = createChamber('Plaka Sırası Ticaret Odası');
	const campaign = createCampaignOf(slug);
	const definition = await (
		await request.get('/api/v1/questionnaires/green-deal-readiness?lang=en')
	).json();
	// Two firms pick the last option of every theme question, which puts them at a level of their own: too few.
	type Question = { id: string; type: string; options?: { id: string }[] };
	const best = Object.fromEntries(
		definition.themes
			.flatMap((theme: { questions: Question[] }) => theme.questions)
			.flatMap((question: Question) =>
				question.type === 'single'
					? [[question.id, question.options!.at(-1)!.id]]
					: question.type === 'scale'
						? [[question.id, 4]]
						: []
			)
	);
	const provinces = ['34', '34', '34', '34', '34', '06', '06', '06', '06', '06', '01', '01'];
	for (const [firm, province] of [...provinces, '01', '01', '01', '81'].entries()) {
		await submitInCampaign(request, campaign, {
			answers: { province, ...(firm >= 14 ? best : {}) }
		});
	}

	await signInAs(page, createChamberUser(slug, PASSWORD), PASSWORD);
	await expect(page.getByText('Firms that submitted: 16')).toBeVisible();
	// A withheld figure says so in words, and a line under its table says why.
	const levels = page.getByRole('table', { name: 'Maturity levels' });
	await expect(levels).toContainText('withheld');
	await expect(
		page.getByText(/withheld: not shown so as not to reveal a group of fewer than 5/).first()
	).toBeVisible();
	// Provinces by plate code; 81 (one firm) and the smallest other are one line without their names; no empty rows.
	const provincesTable = page.getByRole('table', { name: 'By province' });
	const rows = provincesTable.locator('tbody tr th');
	await expect(rows).toHaveText(['Ankara', 'İstanbul', 'Other (2 groups, not named)']);
	await expect(provincesTable).not.toContainText('Düzce');
	const axe = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
	expect(axe.violations).toEqual([]);
});
