import type { ExportKind } from '$lib/export-files';
import { createTranslator, type Locale, type Translate } from '$lib/i18n';
import { dayInTurkiye, formatDateTimeInTurkiye } from '$lib/i18n/format';
import {
	presentDashboard,
	presentFilters,
	respondentColumns,
	type DashboardPresentation
} from '$lib/presenters/chamber';
import type { MixedTable } from '$lib/presenters/figures';
import { matchColumns, matchRows, presentMatches } from '$lib/presenters/symbiosis-matches';
import { chamberDashboard, respondentPage, type ChamberDashboard } from './chamber-dashboard';
import { readFilters, type FiltersQuery } from './chamber-filters';
import { chamberMatches } from './symbiosis-matches';
import type { Chamber } from '../db/chambers';
import type { ExportDocument, Row } from '../export/document';

/** Rows read from the database per query while streaming the respondents. */
const PAGE = 1000;

/**
 * Every table of the dashboard as one grid (section, group, then one column per figure named in any table's head,
 * in the order first met), so that a spreadsheet can sort, filter and pivot it. A withheld figure (`null` in the
 * presenter's table) says `marker`, never blank and never 0; an empty cell is a column the table does not have.
 */
export function figureGrid(
	tables: MixedTable[],
	marker: string,
	t: Translate
): { header: Row; rows: Row[] } {
	const measures = [...new Set(tables.flatMap((table) => table.head.slice(1)))];
	const rows = tables.flatMap((table) => {
		const own = table.head.slice(1);
		return table.rows.map(([name, ...figures]): Row => [
			table.caption,
			name,
			...measures.map((measure) => {
				const index = own.indexOf(measure);
				if (index === -1) return null;
				return figures[index] ?? marker;
			})
		]);
	});
	return { header: [t('dashboard.csv_section'), t('dashboard.group_col'), ...measures], rows };
}

/** The file's first lines: which chamber, what, when (Türkiye time), and what more the kind of file needs said. */
function aboutLines(chamber: Chamber, contents: string, t: Translate, locale: Locale, now: Date) {
	return {
		title: t('dashboard.export_about'),
		lines: [
			[t('dashboard.export_chamber'), chamber.name],
			[t('dashboard.export_contents'), contents],
			[t('dashboard.export_created'), formatDateTimeInTurkiye(locale, now)]
		] as Row[]
	};
}

function fileName(chamber: Chamber, kind: string, now: Date) {
	return `${chamber.slug}-${kind}-${dayInTurkiye(now)}`;
}

/**
 * The dashboard's figures for one set of filters as an export: what the file holds, the filters, the smallest group
 * shown and how withheld figures are marked, then every table of the presenter (`DashboardPresentation.tables`).
 */
export async function aggregatesDocument(
	chamber: Chamber,
	dashboard: ChamberDashboard,
	query: FiltersQuery,
	locale: Locale,
	now = new Date()
): Promise<ExportDocument> {
	const t = await createTranslator(locale);
	// The chamber's name labels only the charts, which an export has none of.
	const view: DashboardPresentation = presentDashboard(dashboard, '', t, locale);
	const marker = t('dashboard.suppressed_cell');
	const about = aboutLines(chamber, view.lead, t, locale, now);
	const filters = presentFilters(dashboard, query, t);
	if (query.compare) filters.push(t('dashboard.filter_compare'));
	about.lines.push(
		[t('dashboard.filters_label'), filters.join(' · ')],
		[t('dashboard.export_min_group'), dashboard.minGroupSize],
		[
			t('dashboard.export_withheld'),
			t('dashboard.export_withheld_text', { marker, min: dashboard.minGroupSize })
		],
		...view.notes.map((note): Row => [t('dashboard.export_note'), note])
	);
	const { header, rows } = figureGrid(view.tables, marker, t);
	return {
		locale,
		fileName: fileName(chamber, t('dashboard.csv_aggregates'), now),
		about,
		table: { title: t('dashboard.export_sheet_aggregates'), header, rows }
	};
}

/**
 * The consenting firms as an export (company, contact, day of submission in Türkiye, level), read page by page so
 * that a chamber with many firms never holds them all in memory. Personal data: the caller checks the role.
 */
export async function respondentsDocument(
	chamber: Chamber,
	locale: Locale,
	now = new Date()
): Promise<ExportDocument> {
	const t = await createTranslator(locale);
	async function* rows(): AsyncGenerator<Row> {
		let after: { submittedAt: string; id: string } | undefined;
		do {
			const page = await respondentPage(chamber, locale, { limit: PAGE, after });
			for (const line of page.lines) {
				const day = new Date(dayInTurkiye(line.submittedAt));
				yield [line.company, line.contact, day, line.level];
			}
			after = page.next;
		} while (after);
	}
	const about = aboutLines(chamber, t('dashboard.respondents'), t, locale, now);
	about.lines.push([t('dashboard.export_note'), t('dashboard.respondents_lead')]);
	return {
		locale,
		fileName: fileName(chamber, t('dashboard.csv_respondents'), now),
		about,
		table: {
			title: t('dashboard.export_sheet_respondents'),
			header: respondentColumns(t),
			rows: rows()
		}
	};
}

/**
 * The symbiosis matches between firms that consented to be introduced, with their names and contacts, worded as on
 * the dashboard. Personal data: the caller checks the role.
 */
export async function matchesDocument(
	chamber: Chamber,
	locale: Locale,
	now = new Date()
): Promise<ExportDocument> {
	const t = await createTranslator(locale);
	const presented = presentMatches(await chamberMatches(chamber, locale, true), true, t, locale);
	const about = aboutLines(chamber, presented.heading, t, locale, now);
	about.lines.push([t('dashboard.export_note'), t('matches.export_note')]);
	return {
		locale,
		fileName: fileName(chamber, t('matches.export_file'), now),
		about,
		table: { title: t('matches.export_sheet'), header: matchColumns(t), rows: matchRows(presented) }
	};
}

/**
 * The export a page or API request asks for, with the dashboard's filters read from its address (the consenting
 * firms and the matches take none). Refused filters come back as an i18n key per field, for a 400. Who may have the file is the
 * caller's decision.
 */
export async function chamberExport(
	chamber: Chamber,
	kind: ExportKind,
	url: URL,
	locale: Locale
): Promise<{ document: ExportDocument } | { problems: Record<string, string> }> {
	if (kind === 'respondents') return { document: await respondentsDocument(chamber, locale) };
	if (kind === 'matches') return { document: await matchesDocument(chamber, locale) };
	const { query, filters, compare, problems } = readFilters(url);
	if (Object.keys(problems).length > 0) return { problems };
	const dashboard = await chamberDashboard(chamber, filters, locale, compare);
	return { document: await aggregatesDocument(chamber, dashboard, query, locale) };
}
