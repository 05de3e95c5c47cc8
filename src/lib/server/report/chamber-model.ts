import { createTranslator, type Locale } from '$lib/i18n';
import { formatDate } from '$lib/i18n/format';
import {
	presentDashboard,
	presentFilters,
	type DashboardPresentation
} from '$lib/presenters/chamber';
import { formattedRows, hasWithheld, type FigureTable } from '$lib/presenters/figures';
import type { ChamberDashboard } from '../chamber/chamber-dashboard';
import type { FiltersQuery } from '../chamber/chamber-filters';
import type { Chamber } from '../db/chambers';
import type { ChamberReportModel, ChamberReportSection } from './chamber-document';

/**
 * The carbon estimate and CBAM screen as the dashboard shows them: what the figures are, the totals or why they are
 * withheld, then firms per emission band, per CBAM exposure and per CBAM data readiness.
 */
function carbonSections(
	{ carbon }: DashboardPresentation,
	table: (figures: FigureTable) => { head: string[]; rows: string[][] }
): ChamberReportSection[] {
	const { estimated } = carbon;
	const summary: ChamberReportSection = {
		heading: carbon.heading,
		paragraphs: [
			carbon.note,
			carbon.status,
			...(estimated && carbon.dominated ? [carbon.dominated] : []),
			...(estimated && carbon.scopesFollow ? [carbon.scopesFollow] : [])
		],
		bars: [],
		table: estimated ? table(carbon.totals) : undefined
	};
	const bands: ChamberReportSection = {
		heading: carbon.bands.caption,
		paragraphs: [],
		bars: [],
		table: table(carbon.bands)
	};
	const cbam: ChamberReportSection = {
		heading: carbon.cbam.table.caption,
		paragraphs: [carbon.cbam.lead],
		bars: [],
		table: carbon.cbam.screened ? table(carbon.cbam.table) : undefined
	};
	const readiness: ChamberReportSection[] = carbon.cbam.screened
		? [
				{
					heading: carbon.cbam.readinessTable.caption,
					paragraphs: [],
					bars: [],
					table: table(carbon.cbam.readinessTable)
				}
			]
		: [];
	return estimated ? [summary, bands, cbam, ...readiness] : [summary, cbam, ...readiness];
}

/**
 * The chamber's aggregate report from its dashboard figures, in one language. Suppressed figures come through as
 * `null` and are printed as the page marks them (`gizli` / `withheld`), with the line explaining the mark among the
 * report's scope when any table has one, from the same presenter.
 */
export async function chamberReportModel(
	chamber: Chamber,
	dashboard: ChamberDashboard,
	query: FiltersQuery,
	locale: Locale,
	now = new Date()
): Promise<ChamberReportModel> {
	const t = await createTranslator(locale);
	const view = presentDashboard(dashboard, chamber.name, t, locale);
	const printed: FigureTable[] = [];
	const table = (figures: FigureTable) => {
		printed.push(figures);
		return { head: figures.head, rows: formattedRows(figures, locale, view.withheldMark) };
	};
	const { summary, themes, levels } = view;

	const sections: ChamberReportSection[] = view.suppressed
		? [{ heading: summary.heading, paragraphs: [view.suppressed], bars: [] }]
		: [
				{
					heading: summary.heading,
					paragraphs: [
						summary.firms,
						`${summary.meanLabel}: ${summary.mean} ${summary.of} · ${summary.median}`,
						...(summary.allChambers ? [summary.allChambers] : [])
					],
					bars: []
				},
				{
					heading: themes.heading,
					paragraphs: [],
					bars: themes.bars,
					table: table(themes.reportTable)
				},
				{ heading: levels.heading, paragraphs: [], bars: [], table: table(levels.table) },
				...view.breakdowns.map(({ table: figures, withheldWhole }) =>
					// A breakdown withheld whole names no group, as on the page.
					withheldWhole
						? { heading: figures.caption, paragraphs: [withheldWhole], bars: [] }
						: { heading: figures.caption, paragraphs: [], bars: [], table: table(figures) }
				),
				...carbonSections(view, table)
			];

	return {
		locale,
		title: t('dashboard.report_title'),
		chamber: { name: chamber.name, logo: chamber.logo },
		scope: [
			t('dashboard.report_date', { date: formatDate(locale, now) }),
			presentFilters(dashboard, query, t).join(' · '),
			view.lead,
			...(hasWithheld(...printed) ? [view.withheldLegend] : [])
		],
		sections,
		footer: `${t('app.name')} · ${chamber.name}`,
		// The renderer fills in the numbers once it knows how many pages there are.
		pageOf: t('report.page_of', { skipInterpolation: true })
	};
}
