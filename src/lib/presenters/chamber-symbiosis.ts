import type { Locale, Translate } from '$lib/i18n';
import { formatNumber } from '$lib/i18n/format';
import type { SupplyDemandRow } from '$lib/server/aggregates';
import type { ChamberDashboard } from '$lib/server/chamber/chamber-dashboard';
import type { SupplyDemandSharing } from '$lib/server/chamber/supply-demand';
import type { FigureTable } from './figures';

/** The supply–demand table in words: what the dashboard, the chamber PDF and the exports show. */
export interface SupplyDemandPresentation {
	heading: string;
	/** What is counted and what is withheld. */
	lead: string;
	/** Said instead of the table when no category has a count to show; null when there is a row. */
	empty: string | null;
	/** Per category (the catalogue's order): firms offering it and firms needing it, null where withheld. */
	table: FigureTable;
	/** One sentence per category both offered and needed within the view: where a match may lie. */
	meetings: string[];
}

/** The region's table, for a chamber that shares its counts. */
export interface RegionalSupplyDemandPresentation {
	heading: string;
	lead: string;
	empty: string | null;
	table: FigureTable;
}

/** The table of supply–demand rows under a caption, categories by their names. */
function supplyDemandTable(
	rows: readonly SupplyDemandRow[],
	caption: string,
	categories: Record<string, string>,
	t: Translate
): FigureTable {
	return {
		caption,
		head: [t('supply.col_category'), t('supply.col_offers'), t('supply.col_needs')],
		rows: rows.map((row) => [categories[row.category] ?? row.category, row.offers, row.needs])
	};
}

/** Words the chamber's supply–demand table for the view once; null when the exchange is not offered. */
export function presentSupplyDemand(
	dashboard: Pick<ChamberDashboard, 'statistics' | 'labels' | 'minGroupSize'>,
	t: Translate,
	locale: Locale
): SupplyDemandPresentation | null {
	const categories = dashboard.labels.symbiosisCategories;
	if (Object.keys(categories).length === 0) return null;
	const rows = dashboard.statistics.supplyDemand;
	const min = formatNumber(locale, dashboard.minGroupSize);
	const firms = (key: string, count: number) =>
		t(key, { count, shown: formatNumber(locale, count) });
	return {
		heading: t('supply.heading'),
		lead: t('supply.lead', { min }),
		empty: rows.length === 0 ? t('supply.empty', { min }) : null,
		table: supplyDemandTable(rows, t('supply.caption'), categories, t),
		meetings: rows
			.filter((row) => (row.offers ?? 0) > 0 && (row.needs ?? 0) > 0)
			.map((row) =>
				t('supply.meeting', {
					offers: firms('supply.firms_offer', row.offers!),
					category: categories[row.category] ?? row.category,
					needs: firms('supply.firms_need', row.needs!)
				})
			)
	};
}

/** Words the region's table for a chamber that shares its counts; null when it does not (it sees none). */
export function presentRegionalSupplyDemand(
	sharing: SupplyDemandSharing | null,
	categories: Record<string, string>,
	minGroupSize: number,
	t: Translate,
	locale: Locale
): RegionalSupplyDemandPresentation | null {
	if (!sharing?.regional || sharing.region === null) return null;
	const { rows, chambers } = sharing.regional;
	const min = formatNumber(locale, minGroupSize);
	const heading = t('supply.region_heading', { region: sharing.region });
	return {
		heading,
		lead: t('supply.region_lead', {
			count: chambers,
			shown: formatNumber(locale, chambers),
			min
		}),
		empty: rows.length === 0 ? t('supply.empty', { min }) : null,
		table: supplyDemandTable(rows, heading, categories, t)
	};
}
