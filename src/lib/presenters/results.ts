import type { ChartConfiguration } from 'chart.js';
import { radarChart, themeBarChart } from '$lib/charts/results';
import type { Locale, Translate } from '$lib/i18n';
import { formatNumber } from '$lib/i18n/format';
import type { ResultsView } from '$lib/server/assessment/results-view';
import type { PresentedTable } from './table';
import { presentRecommendation, type PresentedRecommendation } from './recommendation';

/** A submitted assessment's scores and recommendations in words: what the results page and the PDF both show. */
export interface ResultsPresentation {
	overall: {
		heading: string;
		/** The score out of 100, and the `/ 100` after it. */
		score: string;
		of: string;
		level: string;
		levelDescription: string;
		/** The change since the previous assessment, null for a first one. */
		change: string | null;
	};
	prioritiesHeading: string;
	priorities: PresentedRecommendation[];
	noRecommendations: string;
	/** The label before a recommendation's resources. */
	resourcesLabel: string;
	charts: {
		radar: ChartConfiguration<'radar'>;
		radarLabel: string;
		radarCaption: string;
		bars: ChartConfiguration<'bar'>;
		barsLabel: string;
		/** Who the peers are, or why there are none. */
		benchmark: string;
	};
	/** Each theme's score, its peers' mean where a large enough group exists, and the change since last time. */
	table: PresentedTable;
	/** The same without the change, captioned by who the peers are: the report's summary table. */
	summaryTable: PresentedTable;
	themes: {
		id: string;
		title: string;
		colour: string;
		/** The theme's score as the report prints it under the theme's title. */
		score: string;
		/** The SME's bar beside its peers', for the theme's page of the report. */
		bar: ChartConfiguration<'bar'>;
		recommendations: PresentedRecommendation[];
	}[];
}

/**
 * Words and formats the results view once, so that the results page and the PDF report cannot word a score or a
 * recommendation differently.
 */
export function presentResults(
	view: Omit<ResultsView, 'chamber'>,
	t: Translate,
	locale: Locale
): ResultsPresentation {
	const number = (value: number) => formatNumber(locale, value, { maximumFractionDigits: 1 });
	const signed = (value: number) =>
		formatNumber(locale, value, { maximumFractionDigits: 1, signDisplay: 'exceptZero' });
	const notApplicable = t('results.not_applicable');
	const chartLabels = { you: t('results.your_score'), peers: t('results.peers') };
	const scored = view.themes.filter((theme) => theme.score !== null);
	const benchmark = view.peers
		? t('results.peers_caption', { firms: number(view.peers.firms) })
		: t('results.no_peers', { min: number(view.minGroupSize) });
	const scoreTable = (caption: string, withChange: boolean): PresentedTable => {
		const change = withChange && view.previous !== null;
		return {
			caption,
			head: [
				t('results.col_theme'),
				chartLabels.you,
				...(view.peers ? [chartLabels.peers] : []),
				...(change ? [t('results.col_change')] : [])
			],
			rows: view.themes.map((theme) => [
				theme.title,
				theme.score === null ? notApplicable : number(theme.score),
				...(view.peers ? [theme.peers === null ? '–' : number(theme.peers)] : []),
				...(change ? [theme.change === null ? '–' : signed(theme.change)] : [])
			])
		};
	};
	const recommendation = (item: ResultsView['recommendations'][number]) =>
		presentRecommendation(item, t, number);
	return {
		overall: {
			heading: t('results.overall_title'),
			score: number(view.overall),
			of: '/ 100',
			level: t('results.level', { level: view.level.name }),
			levelDescription: view.level.description,
			change: view.previous
				? t('results.change_overall', {
						change: signed(view.overall - view.previous.overall),
						previous: number(view.previous.overall)
					})
				: null
		},
		prioritiesHeading: t('results.priorities_title'),
		priorities: view.priorities.map(recommendation),
		noRecommendations: t('results.no_recommendations'),
		resourcesLabel: t('results.resources'),
		charts: {
			radar: radarChart(scored, chartLabels),
			radarLabel: t('results.radar_label'),
			radarCaption: t('results.radar_caption'),
			bars: themeBarChart(scored, chartLabels),
			barsLabel: t('results.bar_label'),
			benchmark
		},
		table: scoreTable(t('results.table_caption'), true),
		summaryTable: scoreTable(benchmark, false),
		themes: view.themes.map((theme) => ({
			id: theme.id,
			title: theme.title,
			colour: theme.colour,
			score:
				theme.score === null
					? notApplicable
					: t('report.theme_score', { score: number(theme.score) }),
			bar: themeBarChart([theme], chartLabels),
			recommendations: view.recommendations
				.filter((item) => item.theme === theme.id)
				.map(recommendation)
		}))
	};
}
