import type { ChartConfiguration } from 'chart.js';
import { firmCountsChart } from '$lib/charts/chamber';
import type { Locale, Translate } from '$lib/i18n';
import { formatMonth, formatNumber } from '$lib/i18n/format';
import type { MonthlyTrends, Participation, ProgressFigures } from '$lib/server/aggregates';
import type { MixedRow, MixedTable } from './figures';

/*
 * A chamber's progress and its trends by month in words: the dashboard, the board report and the exports render
 * these, so a count or a sentence is worded once.
 */

export interface ProgressPresentation {
	heading: string;
	/** The chamber's totals in sentences: submitted of started, against its target, how many more are needed. */
	summary: string[];
	/** Per campaign: started, submitted, completion rate, target and progress against it. */
	table: MixedTable;
	/** Per campaign still under the minimum group: how many more firms it needs. */
	needed: string[];
}

export interface TrendsPresentation {
	heading: string;
	/** What a month counts, and (in a filtered view) why the change of re-assessed firms is not shown. */
	notes: string[];
	/** Firms per month; null when no month can be shown, so that no empty chart is drawn. */
	chart: { config: ChartConfiguration<'bar'>; label: string } | null;
	table: MixedTable;
}

/** The sentences about one group's progress (the chamber's, or a campaign's for the board report). */
export function progressSentences(figures: ProgressFigures, t: Translate, locale: Locale) {
	const n = (value: number) => formatNumber(locale, value);
	const pct = (value: number) => formatNumber(locale, value, { maximumFractionDigits: 1 });
	const lines: string[] = [];
	if (figures.submitted !== null) {
		lines.push(
			figures.started !== null && figures.completionRate !== null
				? t('progress.submitted_of_started', {
						count: figures.submitted,
						submitted: n(figures.submitted),
						started: n(figures.started),
						rate: pct(figures.completionRate)
					})
				: t('progress.submitted', { count: figures.submitted, submitted: n(figures.submitted) })
		);
	}
	if (figures.target === null) lines.push(t('progress.no_target'));
	else if (figures.progress !== null) {
		lines.push(
			t('progress.against_target', { target: n(figures.target), progress: pct(figures.progress) })
		);
	} else lines.push(t('progress.target', { target: n(figures.target) }));
	if (figures.needed !== null) {
		lines.push(t('progress.needed', { count: figures.needed, needed: n(figures.needed) }));
	}
	return lines;
}

/** The chamber's progress, in total and per campaign (named from `campaigns`, in the statistics' order). */
export function presentProgress(
	participation: Participation,
	campaigns: readonly { id: string; name: string }[],
	t: Translate,
	locale: Locale
): ProgressPresentation {
	const names = new Map(campaigns.map((campaign) => [campaign.id, campaign.name]));
	const noTarget = t('progress.no_target_cell');
	return {
		heading: t('progress.title'),
		summary: progressSentences(participation, t, locale),
		table: {
			caption: t('progress.by_campaign'),
			head: [
				t('campaigns.col_name'),
				t('progress.started_col'),
				t('progress.submitted_col'),
				t('progress.completion_col'),
				t('progress.target_col'),
				t('progress.progress_col')
			],
			rows: participation.byCampaign.map((campaign) => [
				names.get(campaign.campaignId) ?? campaign.campaignId,
				campaign.started,
				campaign.submitted,
				campaign.completionRate,
				campaign.target ?? noTarget,
				campaign.target === null ? noTarget : campaign.progress
			])
		},
		needed: participation.byCampaign
			.filter((campaign) => campaign.needed !== null)
			.map((campaign) =>
				t('progress.campaign_needed', {
					campaign: names.get(campaign.campaignId) ?? campaign.campaignId,
					count: campaign.needed!,
					needed: formatNumber(locale, campaign.needed!)
				})
			)
	};
}

/** The view's firms by month of their latest submission, with the change of those that re-assessed. */
export function presentTrends(
	trends: MonthlyTrends,
	t: Translate,
	locale: Locale
): TrendsPresentation {
	const firmsCol = t('dashboard.firms_col');
	const change = trends.changeShown;
	const months = trends.months.map((month) => formatMonth(locale, month.month));
	return {
		heading: t('trends.title'),
		notes: [
			t('trends.lead'),
			...(change ? [] : [t('trends.change_unfiltered_only')]),
			...(trends.months.length === 0 ? [t('trends.none')] : [])
		],
		chart:
			trends.months.length === 0
				? null
				: {
						config: firmCountsChart(
							trends.months.map((month, i) => ({ name: months[i], firms: month.firms })),
							firmsCol
						),
						label: t('trends.chart')
					},
		table: {
			caption: t('trends.title'),
			head: [
				t('trends.month_col'),
				firmsCol,
				t('dashboard.mean'),
				...(change ? [t('trends.reassessed_col'), t('trends.change_col')] : [])
			],
			rows: [
				...trends.months.map((month, i): MixedRow => [
					months[i],
					month.firms,
					month.overallMean,
					...(change ? [month.reassessed, month.meanChange] : [])
				]),
				...(trends.withheld
					? [
							[
								t('trends.withheld_months'),
								trends.withheld.firms,
								trends.withheld.overallMean,
								...(change ? [null, null] : [])
							] as MixedRow
						]
					: [])
			]
		}
	};
}
