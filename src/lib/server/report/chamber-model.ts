import { createTranslator, type Locale, type Translate } from '$lib/i18n';
import { formatDate } from '$lib/i18n/format';
import {
	presentDashboard,
	presentFilters,
	type DashboardPresentation
} from '$lib/presenters/chamber';
import { presentNeeds, type NeedsPresentation } from '$lib/presenters/chamber-needs';
import {
	presentSupplyDemand,
	type SupplyDemandPresentation
} from '$lib/presenters/chamber-symbiosis';
import { formattedRows, hasWithheld, type MixedTable } from '$lib/presenters/figures';
import { presentKeyFindings } from '$lib/presenters/key-findings';
import { matchesSummary } from '$lib/presenters/symbiosis-matches';
import type { ChamberDashboard } from '../chamber/chamber-dashboard';
import type { FiltersQuery } from '../chamber/chamber-filters';
import type { MatchLine } from '../chamber/symbiosis-matches';
import type { Chamber } from '../db/chambers';
import type {
	ChamberReportModel,
	ChamberReportPart,
	ChamberReportSection,
	ReportTable
} from './chamber-document';

/** Formats a presented table for print, noting that it was printed (for the withheld mark's legend). */
type Tabulate = (figures: MixedTable) => ReportTable;

/**
 * The carbon estimate and CBAM screen as the dashboard shows them: what the figures are, the totals or why they are
 * withheld, then firms per emission band, per CBAM exposure and per CBAM data readiness.
 */
function carbonSections(
	{ carbon }: DashboardPresentation,
	table: Tabulate
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
		table: estimated ? table(carbon.totals) : undefined
	};
	const bands: ChamberReportSection = {
		heading: carbon.bands.caption,
		paragraphs: [],
		table: table(carbon.bands)
	};
	const cbam: ChamberReportSection = {
		heading: carbon.cbam.table.caption,
		paragraphs: [carbon.cbam.lead],
		table: carbon.cbam.screened ? table(carbon.cbam.table) : undefined
	};
	const readiness: ChamberReportSection[] = carbon.cbam.screened
		? [
				{
					heading: carbon.cbam.readinessTable.caption,
					paragraphs: [],
					table: table(carbon.cbam.readinessTable)
				}
			]
		: [];
	return estimated ? [summary, bands, cbam, ...readiness] : [summary, cbam, ...readiness];
}

/** The progress against the targets, in total and per campaign, as the dashboard words it (it ignores the filters). */
function participationPart(
	{ progress }: DashboardPresentation,
	t: Translate,
	table: Tabulate
): ChamberReportPart {
	return {
		heading: progress.heading,
		sections: [
			{
				heading: null,
				paragraphs: [t('progress.lead'), ...progress.summary, ...progress.needed]
			},
			...(progress.table.rows.length > 0
				? [{ heading: progress.table.caption, paragraphs: [], table: table(progress.table) }]
				: [])
		]
	};
}

/** The view's firms by month: the table, and a chart only when there is more than one month to compare. */
function trendsPart({ trends }: DashboardPresentation, table: Tabulate): ChamberReportPart {
	const months = trends.table.rows.length;
	return {
		heading: trends.heading,
		sections: [
			{
				heading: null,
				paragraphs: trends.notes,
				chart:
					trends.chart && months > 1 ? { kind: 'counts', config: trends.chart.config } : undefined,
				table: months > 0 ? table(trends.table) : undefined
			}
		]
	};
}

/** What the firms need: priorities, CBAM and planned actions, as counts only (the report names no firm). */
function needsPart(needs: NeedsPresentation, table: Tabulate): ChamberReportPart {
	const { priorities, cbam, planned } = needs;
	return {
		heading: needs.heading,
		sections: [
			{ heading: null, paragraphs: [needs.lead] },
			{
				heading: priorities.heading,
				paragraphs: priorities.table.rows.length > 0 ? [] : [priorities.empty],
				table: priorities.table.rows.length > 0 ? table(priorities.table) : undefined
			},
			{ heading: cbam.heading, paragraphs: cbam.sentences, table: table(cbam.table) },
			{
				heading: planned.heading,
				paragraphs: [planned.lead, ...(planned.table.rows.length > 0 ? [] : [planned.empty])],
				table: planned.table.rows.length > 0 ? table(planned.table) : undefined
			}
		]
	};
}

/** The symbiosis exchange's supply and demand by category, as counts only, with where supply meets demand. */
function supplyPart(
	supply: SupplyDemandPresentation,
	matches: string | null,
	table: Tabulate
): ChamberReportPart {
	return {
		heading: supply.heading,
		sections: [
			{
				heading: null,
				paragraphs: [
					supply.lead,
					...(supply.empty ? [supply.empty] : []),
					...(matches ? [matches] : [])
				]
			},
			...(supply.empty
				? []
				: [
						{
							heading: supply.table.caption,
							paragraphs: supply.meetings,
							table: table(supply.table)
						}
					])
		]
	};
}

/** The figures the dashboard has always shown: summary, themes, levels, breakdowns, carbon and CBAM. */
function detailSections(view: DashboardPresentation, table: Tabulate): ChamberReportSection[] {
	const { summary, themes, levels } = view;
	if (view.suppressed) return [{ heading: summary.heading, paragraphs: [view.suppressed] }];
	return [
		{
			heading: summary.heading,
			paragraphs: [
				summary.firms,
				`${summary.meanLabel}: ${summary.mean} ${summary.of} · ${summary.median}`,
				...(summary.allChambers ? [summary.allChambers] : [])
			]
		},
		{
			heading: themes.heading,
			paragraphs: [],
			// One chart of every theme, never a bar per theme named after the chamber alone.
			chart: themes.chart ? { kind: 'themes', config: themes.chart.config } : undefined,
			table: table(themes.table)
		},
		{ heading: levels.heading, paragraphs: [], table: table(levels.table) },
		...view.breakdowns.map(({ table: figures, withheldWhole }) =>
			// A breakdown withheld whole names no group, as on the page.
			withheldWhole
				? { heading: figures.caption, paragraphs: [withheldWhole] }
				: { heading: figures.caption, paragraphs: [], table: table(figures) }
		),
		...carbonSections(view, table)
	];
}

/**
 * The chamber's board report from its dashboard figures, in one language: a first page of key findings, then
 * participation, trends and needs, then the details. Suppressed figures come through as `null` and are printed as the
 * page marks them (`gizli` / `withheld`), with the line explaining the mark among the report's scope when any table
 * has one, from the same presenters as the page. `matches` (the symbiosis exchange's, null when it is not offered)
 * are counted, never named.
 */
export async function chamberReportModel(
	chamber: Chamber,
	dashboard: ChamberDashboard,
	query: FiltersQuery,
	locale: Locale,
	matches: MatchLine[] | null = null,
	now = new Date()
): Promise<ChamberReportModel> {
	const t = await createTranslator(locale);
	const view = presentDashboard(dashboard, chamber.name, t, locale);
	// No names: the report is for the chamber's viewers and its board too.
	const needs = presentNeeds(dashboard, t, locale);
	const supply = presentSupplyDemand(dashboard, t, locale);
	const printed: MixedTable[] = [];
	const table: Tabulate = (figures) => {
		printed.push(figures);
		return { head: figures.head, rows: formattedRows(figures, locale, view.withheldMark) };
	};

	const parts: ChamberReportPart[] = [
		participationPart(view, t, table),
		...(view.suppressed ? [] : [trendsPart(view, table), needsPart(needs, table)]),
		...(view.suppressed || !supply
			? []
			: [supplyPart(supply, matches && matchesSummary(matches, t), table)]),
		{ heading: t('dashboard.report_details'), sections: detailSections(view, table) }
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
		keyFindings: presentKeyFindings(dashboard, view, needs, query.campaign, t, locale),
		parts,
		withheldMark: view.withheldMark,
		footer: `${t('app.name')} · ${chamber.name}`,
		// The renderer fills in the numbers once it knows how many pages there are.
		pageOf: t('report.page_of', { skipInterpolation: true })
	};
}
