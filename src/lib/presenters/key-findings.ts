import type { Locale, Translate } from '$lib/i18n';
import { formatMonth, formatNumber } from '$lib/i18n/format';
import type { MonthlyTrends, ProgressFigures } from '$lib/server/aggregates';
import type { ChamberDashboard } from '$lib/server/chamber/chamber-dashboard';
import type { DashboardPresentation } from './chamber';
import type { NeedsPresentation } from './chamber-needs';
import { progressSentences } from './progress';

/** One finding: a short heading and its sentences. */
export interface KeyFinding {
	heading: string;
	lines: string[];
}

/**
 * What a chamber's board reads first, in sentences: participation against the targets, the mean score and how it
 * moves, the commonest needs and the CBAM exposure. Worded here once, so that the report's first page and the
 * dashboard cannot say it differently.
 */
export interface KeyFindings {
	heading: string;
	findings: KeyFinding[];
}

/**
 * The key findings of a view from its worded dashboard and needs. `campaignId` is the campaign filter, whose own
 * progress follows the chamber's: participation ignores the other filters, as on the dashboard.
 */
export function presentKeyFindings(
	dashboard: ChamberDashboard,
	view: DashboardPresentation,
	needs: NeedsPresentation,
	campaignId: string | undefined,
	t: Translate,
	locale: Locale
): KeyFindings {
	const { participation } = dashboard.statistics;
	const scoped = (scope: string, figures: ProgressFigures) =>
		t('key_findings.scoped', {
			scope,
			sentences: progressSentences(figures, t, locale).join(' ')
		});
	const campaign = dashboard.campaigns.find((item) => item.id === campaignId);
	const campaignFigures = participation.byCampaign.find((item) => item.campaignId === campaignId);
	return {
		heading: t('key_findings.heading'),
		findings: [
			{
				heading: t('key_findings.participation'),
				lines: [
					scoped(t('key_findings.all_campaigns'), participation),
					...(campaign && campaignFigures ? [scoped(campaign.name, campaignFigures)] : [])
				]
			},
			{ heading: t('key_findings.score'), lines: scoreLines(dashboard, view, t, locale) },
			{
				heading: needs.priorities.heading,
				lines: needs.commonest.length > 0 ? needs.commonest : [needs.priorities.empty]
			},
			{ heading: needs.cbam.heading, lines: needs.cbam.sentences }
		]
	};
}

/** The view's mean score, or why it is withheld, then its trend by month and the change of re-assessed firms. */
function scoreLines(
	dashboard: ChamberDashboard,
	view: DashboardPresentation,
	t: Translate,
	locale: Locale
): string[] {
	if (view.suppressed) return [view.suppressed];
	return [
		t('key_findings.mean', { mean: view.summary.mean }),
		...trendLines(dashboard.statistics.trends, dashboard.minGroupSize, t, locale)
	];
}

/**
 * The mean of the first and the last month that show one (a trend needs two), and the latest month's mean change
 * of re-assessed firms where it may be shown.
 */
function trendLines(trends: MonthlyTrends, min: number, t: Translate, locale: Locale): string[] {
	const number = (value: number) => formatNumber(locale, value, { maximumFractionDigits: 1 });
	const withMean = trends.months.filter((month) => month.overallMean !== null);
	const first = withMean[0];
	const last = withMean.at(-1);
	const lines =
		first && last && first !== last
			? [
					t('key_findings.trend', {
						first: formatMonth(locale, first.month),
						firstMean: number(first.overallMean!),
						last: formatMonth(locale, last.month),
						lastMean: number(last.overallMean!)
					})
				]
			: [t('key_findings.no_trend', { min: formatNumber(locale, min) })];
	const changed = trends.months.findLast(
		(month) => month.reassessed !== null && month.meanChange !== null
	);
	if (trends.changeShown && changed) {
		lines.push(
			t('key_findings.change', {
				count: changed.reassessed!,
				firms: formatNumber(locale, changed.reassessed!),
				month: formatMonth(locale, changed.month),
				change: formatNumber(locale, changed.meanChange!, {
					maximumFractionDigits: 1,
					signDisplay: 'exceptZero'
				})
			})
		);
	}
	return lines;
}
