import type { ChartConfiguration } from 'chart.js';
import { trendChart } from '$lib/charts/results';
import type { Locale, Translate } from '$lib/i18n';
import { formatDayInTurkiye, formatNumber } from '$lib/i18n/format';
import type { HistoryEntry } from '$lib/server/assessment/assessment-service';

/** A firm's submitted assessments in words: the trend chart and the table that carries the same figures. */
export interface HistoryPresentation {
	heading: string;
	chart: ChartConfiguration<'line'>;
	chartLabel: string;
	caption: string;
	head: [date: string, score: string, level: string];
	/** Said beside the newest entry, whose results are on this page. */
	thisOne: string;
	rows: {
		date: string;
		score: string;
		level: string;
		/** Where its results are read; null for the one on this page, the newest. */
		href: string | null;
	}[];
}

/**
 * Words the firm's history, oldest first, with each older entry linking to its results under the firm's link
 * (`/assessment/<token>/history/<n>`). Dates are the days in Türkiye, levels named as the questionnaire names them.
 */
export function presentHistory(
	entries: HistoryEntry[],
	levels: { id: string; name: string | undefined }[],
	token: string,
	t: Translate,
	locale: Locale
): HistoryPresentation {
	const number = (value: number) => formatNumber(locale, value, { maximumFractionDigits: 1 });
	const levelName = (id: string) => levels.find((level) => level.id === id)?.name ?? id;
	const rows = entries.map((entry, index) => ({
		date: formatDayInTurkiye(locale, entry.submittedAt),
		score: number(entry.overall),
		level: levelName(entry.level),
		href: index === entries.length - 1 ? null : `/assessment/${token}/history/${index + 1}`
	}));
	return {
		heading: t('history.title'),
		chart: trendChart(
			rows.map((row, index) => ({ label: row.date, score: entries[index].overall })),
			{ overall: t('history.col_score') }
		),
		chartLabel: t('history.chart_label', { shown: number(entries.length) }),
		caption: t('history.caption'),
		head: [t('history.col_date'), t('history.col_score'), t('history.col_level')],
		thisOne: t('history.this_one'),
		rows
	};
}
