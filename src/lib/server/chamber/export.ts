import { createTranslator, type Locale } from '$lib/i18n';
import { presentDashboard, respondentColumns } from '$lib/presenters/chamber';
import type { FigureTable } from '$lib/presenters/figures';
import { respondentPage, type ChamberDashboard } from './chamber-dashboard';
import type { Chamber } from '../db/chambers';
import type { Row } from '../export/csv';

/** Rows read from the database per query while streaming the respondents. */
const PAGE = 1000;

/** A table's rows under a section name; `columns` says where its figures go (firms, mean, median, tonnes). */
function sectionRows(
	section: string,
	table: FigureTable,
	columns: ('firms' | 'mean' | 'median')[]
) {
	const order = ['firms', 'mean', 'median'] as const;
	return table.rows.map(([name, ...figures]): Row => [
		section,
		name,
		...order.map((column) => {
			const index = columns.indexOf(column);
			return index === -1 ? null : figures[index];
		})
	]);
}

/**
 * The dashboard's figures as CSV rows, one figure group per row (section, group, firms, mean, median, tonnes CO2e),
 * so a chamber can sort and chart them in a spreadsheet. A suppressed figure is an empty cell, never a number. The
 * names come from the same presenter as the page's and the PDF's.
 */
export async function aggregateRows(
	dashboard: ChamberDashboard,
	locale: Locale
): Promise<{ header: Row; rows: Row[] }> {
	const t = await createTranslator(locale);
	const s = dashboard.statistics;
	// The chamber's name labels only the charts, which a CSV has none of.
	const view = presentDashboard(dashboard, '', t, locale);
	const rows: Row[] = [];
	if (!view.suppressed) {
		rows.push([
			t('dashboard.summary'),
			t('dashboard.all_firms'),
			s.firms,
			s.overall.mean,
			s.overall.median
		]);
		rows.push(...sectionRows(view.themes.heading, view.themes.table, ['mean', 'median', 'firms']));
		rows.push(...sectionRows(view.levels.heading, view.levels.table, ['firms']));
		rows.push(...sectionRows(view.bands.caption, view.bands, ['firms']));
		for (const { table } of view.breakdowns)
			rows.push(...sectionRows(table.caption, table, ['firms', 'mean']));
		if (view.allChambers) {
			const { label, firms, mean, themes } = view.allChambers;
			rows.push([label, t('dashboard.all_firms'), firms, mean, null]);
			for (const theme of themes) rows.push([label, theme.name, null, theme.mean, null]);
		}
		const carbon = view.carbon;
		// The three totals with the tonnes in the last column, then firms per band, CBAM exposure and readiness.
		for (const [name, tonnes] of carbon.totals.rows)
			rows.push([carbon.heading, name, carbon.firms, null, null, tonnes]);
		rows.push(...sectionRows(carbon.bands.caption, carbon.bands, ['firms']));
		rows.push(...sectionRows(carbon.cbam.table.caption, carbon.cbam.table, ['firms']));
		rows.push(
			...sectionRows(carbon.cbam.readinessTable.caption, carbon.cbam.readinessTable, ['firms'])
		);
	}
	const header = [
		t('dashboard.csv_section'),
		t('dashboard.group_col'),
		t('dashboard.firms_col'),
		t('dashboard.mean'),
		t('dashboard.median_col'),
		t('dashboard.carbon_tonnes_col')
	];
	// Every row as wide as the header, so that a spreadsheet sees one table.
	const padding = (row: Row) => Array.from({ length: header.length - row.length }, () => null);
	return { header, rows: rows.map((row) => [...row, ...padding(row)]) };
}

/**
 * The consenting firms as CSV rows (company, contact, day of submission, level), read page by page so that a
 * chamber with many firms never holds them all in memory.
 */
export async function respondentRows(
	chamber: Chamber,
	locale: Locale
): Promise<{ header: Row; rows: AsyncGenerator<Row> }> {
	const t = await createTranslator(locale);
	async function* rows(): AsyncGenerator<Row> {
		let after: { submittedAt: string; id: string } | undefined;
		do {
			const page = await respondentPage(chamber, locale, { limit: PAGE, after });
			for (const line of page.lines)
				yield [line.company, line.contact, line.submittedAt.slice(0, 10), line.level];
			after = page.next;
		} while (after);
	}
	return { header: respondentColumns(t), rows: rows() };
}
