import { themeBarChart } from '$lib/charts/results';
import type { Locale, Translate } from '$lib/i18n';
import { formatNumber } from '$lib/i18n/format';
import type { ChamberDashboard } from '$lib/server/chamber/chamber-dashboard';
import type { FiltersQuery } from '$lib/server/chamber/chamber-filters';
import { presentChamberCarbon, type ChamberCarbonPresentation } from './chamber-carbon';
import { presentNeeds } from './chamber-needs';
import { presentSupplyDemand } from './chamber-symbiosis';
import {
	figureText,
	firmCounts,
	mergeWithheldItems,
	type FigureTable,
	type LabelledChart,
	type MixedTable
} from './figures';
import {
	presentProgress,
	presentTrends,
	type ProgressPresentation,
	type TrendsPresentation
} from './progress';

/** A group's name from its key: the unknown group (firms that did not say) has a word of its own. */
export function groupName(names: Record<string, string>, key: string | null, t: Translate) {
	return key === null ? t('dashboard.unknown') : (names[key] ?? key);
}

/** A chamber's dashboard in words: what the page, the chamber's PDF report and its exports all render. */
export interface DashboardPresentation {
	/** What the figures are and the smallest group shown. */
	lead: string;
	/** Why nothing is shown for these filters (too few firms), or null. */
	suppressed: string | null;
	/** How a withheld figure is marked in every table (`gizli` / `withheld`), and the line that explains it. */
	withheldMark: string;
	withheldLegend: string;
	summary: {
		heading: string;
		mean: string;
		of: string;
		meanLabel: string;
		firms: string;
		median: string;
		/** The mean of every chamber's firms, when asked for. */
		allChambers: string | null;
	};
	themes: {
		heading: string;
		/**
		 * One bar per theme for the chamber, every chamber's mean marked across it when asked for; null when no theme
		 * has a mean to draw. The page and the PDF draw this one chart, never a bar per theme named after the chamber.
		 */
		chart: LabelledChart | null;
		/** Mean, median and firms per theme, and every chamber's mean when asked for: the chart's figures. */
		table: FigureTable;
	};
	levels: {
		heading: string;
		/** Null when there is nothing to draw (every count zero or withheld). */
		chart: LabelledChart | null;
		/** Firms per level, the levels withheld one by one merged into one row when some are shown. */
		table: FigureTable;
	};
	bands: FigureTable;
	breakdownsHeading: string;
	/** By sector, size and province: firms and mean per group, the withheld groups as one row without their keys. */
	breakdowns: {
		table: FigureTable;
		/** When every group is withheld, the sentence shown instead of the table (which names no group). */
		withheldWhole: string | null;
	}[];
	carbon: ChamberCarbonPresentation;
	/** Started, submitted and against the targets, in total and per campaign: the same in every view. */
	progress: ProgressPresentation;
	/** The view's firms by month of their latest submission. */
	trends: TrendsPresentation;
	/**
	 * Every table of figures the dashboard shows for these filters, in its order: what the CSV and XLSX exports
	 * carry (`src/lib/server/chamber/export.ts`). A new section joins the exports by adding its tables here; a `null`
	 * figure is exported as withheld. Empty when the whole view is withheld.
	 */
	tables: MixedTable[];
	/** Why some of the figures are missing (too few firms, large firms' totals), for the exports' first lines. */
	notes: string[];
}

/**
 * Words a chamber's dashboard once, so that its page, PDF report and exports cannot name a group or a figure
 * differently. `chamberName` labels the chamber's own bars beside every chamber's.
 */
export function presentDashboard(
	dashboard: ChamberDashboard,
	chamberName: string,
	t: Translate,
	locale: Locale
): DashboardPresentation {
	const { statistics: s, labels } = dashboard;
	const min = formatNumber(locale, dashboard.minGroupSize);
	const withheldMark = t('dashboard.suppressed_cell');
	const figure = (value: number | null) => figureText(locale, value, withheldMark);
	const firmsCol = t('dashboard.firms_col');
	const allLabel = t('dashboard.all_chambers_label');
	const themeName = (id: string) => labels.themes[id] ?? id;
	const levelName = (id: string) => labels.levels[id] ?? id;
	const othersMean = new Map(s.allChambers?.themes.map((theme) => [theme.id, theme.mean]));
	const chartLabels = { you: chamberName, peers: allLabel };
	const themePoint = (theme: (typeof s.themes)[number]) => ({
		title: themeName(theme.id),
		score: theme.mean,
		peers: othersMean.get(theme.id) ?? null
	});
	const others = s.allChambers !== null;
	const themeTable: FigureTable = {
		caption: t('dashboard.themes'),
		head: [
			t('results.col_theme'),
			t('dashboard.mean'),
			t('dashboard.median_col'),
			firmsCol,
			...(others ? [allLabel] : [])
		],
		rows: s.themes.map((theme) => [
			themeName(theme.id),
			theme.mean,
			theme.median,
			theme.firms,
			...(others ? [othersMean.get(theme.id) ?? null] : [])
		])
	};
	const breakdowns = [
		[t('dashboard.by_sector'), s.bySector, labels.sectors],
		[t('dashboard.by_size'), s.bySize, labels.sizes],
		[t('dashboard.by_province'), s.byProvince, labels.provinces]
	] as const;
	const levels = firmCounts(
		mergeWithheldItems(
			s.levels.map((level) => ({ key: level.id, name: levelName(level.id), firms: level.firms })),
			s.otherLevels
		),
		firmsCol,
		{
			caption: t('dashboard.levels'),
			column: t('dashboard.level_col'),
			chart: t('dashboard.levels_chart')
		}
	);
	const bands = mergeWithheldItems(
		s.scoreBands.map((band) => ({
			key: band.min,
			name: `${band.min}–${band.max}`,
			firms: band.firms
		})),
		s.otherScoreBands
	);
	const view: Omit<DashboardPresentation, 'tables' | 'notes'> = {
		lead: t('dashboard.lead', { min }),
		suppressed: s.suppressed ? t(`dashboard.suppressed_${s.suppressed}`, { min }) : null,
		withheldMark,
		withheldLegend: t('dashboard.suppressed_legend', { mark: withheldMark, min }),
		summary: {
			heading: t('dashboard.summary'),
			mean: figure(s.overall.mean),
			of: '/ 100',
			meanLabel: t('dashboard.mean'),
			firms: t('dashboard.firms', { firms: figure(s.firms) }),
			median: t('dashboard.median', { median: figure(s.overall.median) }),
			allChambers: s.allChambers
				? t('dashboard.all_chambers', { mean: figure(s.allChambers.overallMean) })
				: null
		},
		themes: {
			heading: t('dashboard.themes'),
			chart: s.themes.some((theme) => (theme.mean ?? 0) > 0)
				? {
						config: themeBarChart(s.themes.map(themePoint), chartLabels),
						label: t('dashboard.themes_chart')
					}
				: null,
			table: themeTable
		},
		levels: { heading: t('dashboard.levels'), ...levels },
		bands: {
			caption: t('dashboard.bands'),
			head: [t('dashboard.band_col'), firmsCol],
			rows: bands.map((band) => [band.name, band.firms])
		},
		breakdownsHeading: t('dashboard.breakdowns'),
		breakdowns: breakdowns.map(([caption, { groups, withheld }, names]) => ({
			table: {
				caption,
				head: [t('dashboard.group_col'), firmsCol, t('dashboard.mean')],
				rows: [
					...groups.map((group): [string, number, number | null] => [
						groupName(names, group.key, t),
						group.firms,
						group.overallMean
					]),
					// The withheld groups as one row without their keys, last.
					...(withheld
						? [
								[
									t('dashboard.withheld_groups', { count: withheld.groups }),
									withheld.firms,
									withheld.overallMean
								] as [string, number, number | null]
							]
						: [])
				]
			},
			withheldWhole:
				groups.length === 0 && withheld ? t('dashboard.breakdown_withheld', { min }) : null
		})),
		carbon: presentChamberCarbon(dashboard, t, locale),
		progress: presentProgress(s.participation, dashboard.campaigns, t, locale),
		trends: presentTrends(s.trends, t, locale)
	};
	const summaryTable: FigureTable = {
		caption: view.summary.heading,
		head: [
			t('dashboard.group_col'),
			firmsCol,
			t('dashboard.mean'),
			t('dashboard.median_col'),
			...(s.allChambers ? [allLabel] : [])
		],
		rows: [
			[
				t('dashboard.all_firms'),
				s.firms,
				s.overall.mean,
				s.overall.median,
				...(s.allChambers ? [s.allChambers.overallMean] : [])
			]
		]
	};
	return {
		...view,
		tables: s.suppressed
			? []
			: [
					summaryTable,
					view.themes.table,
					view.levels.table,
					view.bands,
					...view.breakdowns.map(({ table }) => table),
					...carbonTables(view.carbon, firmsCol),
					view.trends.table,
					...needTables(dashboard, t, locale),
					...supplyDemandTables(dashboard, t, locale),
					view.progress.table
				],
		notes: [
			...(view.suppressed ? [view.suppressed] : []),
			...(view.carbon.statusWithheld ? [view.carbon.status] : []),
			...(view.carbon.estimated && view.carbon.dominated ? [view.carbon.dominated] : [])
		]
	};
}

/** The needs' tables, those with a need to list, without the names behind them (viewers export too). */
function needTables(dashboard: ChamberDashboard, t: Translate, locale: Locale): FigureTable[] {
	const { priorities, cbam, planned } = presentNeeds(dashboard, t, locale);
	return [priorities.table, cbam.table, planned.table].filter((table) => table.rows.length > 0);
}

/** The symbiosis supply–demand table, while the exchange is offered and the view has a row. */
function supplyDemandTables(dashboard: ChamberDashboard, t: Translate, locale: Locale) {
	const supply = presentSupplyDemand(dashboard, t, locale);
	return supply && supply.table.rows.length > 0 ? [supply.table] : [];
}

/**
 * The carbon tables as the page shows them: the totals (with how many firms they cover) and the emission bands only
 * when the totals are estimated, the CBAM tables only when a firm was screened.
 */
function carbonTables(carbon: ChamberCarbonPresentation, firmsCol: string): FigureTable[] {
	const totals: FigureTable = {
		caption: carbon.totals.caption,
		head: [carbon.totals.head[0], firmsCol, ...carbon.totals.head.slice(1)],
		rows: carbon.totals.rows.map(([name, ...tonnes]) => [name, carbon.firms, ...tonnes])
	};
	return [
		...(carbon.estimated ? [totals, carbon.bands] : []),
		...(carbon.cbam.screened ? [carbon.cbam.table, carbon.cbam.readinessTable] : [])
	];
}

/**
 * The filters a view was made with, one phrase each (`Sektör: İmalat`), or the phrase for no filter: how the PDF
 * report and the exports say which firms their figures cover.
 */
export function presentFilters(
	dashboard: Pick<ChamberDashboard, 'campaigns' | 'labels'>,
	query: FiltersQuery,
	t: Translate
): string[] {
	const { labels } = dashboard;
	const campaign = dashboard.campaigns.find((item) => item.id === query.campaign)?.name;
	const filters = [
		campaign && `${t('dashboard.filter_campaign')}: ${campaign}`,
		query.sector &&
			`${t('dashboard.filter_sector')}: ${groupName(labels.sectors, query.sector, t)}`,
		query.size && `${t('dashboard.filter_size')}: ${groupName(labels.sizes, query.size, t)}`,
		query.province &&
			`${t('dashboard.filter_province')}: ${groupName(labels.provinces, query.province, t)}`
	].filter((phrase): phrase is string => Boolean(phrase));
	return filters.length > 0 ? filters : [t('dashboard.report_all')];
}

/** The columns of the consenting firms' list, on the page and in its CSV. */
export function respondentColumns(t: Translate): string[] {
	return [
		t('dashboard.company_col'),
		t('dashboard.contact_col'),
		t('dashboard.date_col'),
		t('dashboard.level_col')
	];
}
