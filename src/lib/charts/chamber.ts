import type { ChartConfiguration } from 'chart.js';
import { formatNumber } from '../i18n/format';
import type { Locale } from '../i18n/locales';
import { palette } from './palette';

/**
 * Chart.js configurations for a chamber's dashboard, from figures already suppressed on the server: a hidden figure
 * is `null` and simply has no bar. The page shows the same numbers in tables. Theme means use the results page's
 * `themeBarChart`, with all chambers in the place of the peers.
 */

/**
 * The options of a chart of firm or assessment counts: whole numbers from zero up, and no vertical grid lines, since
 * the groups along the bottom are categories, not a scale.
 */
function countOptions(legend: LegendOptions): ChartConfiguration<'bar'>['options'] {
	return {
		maintainAspectRatio: false,
		animation: false,
		scales: {
			x: { grid: { display: false }, ticks: { color: palette.ink } },
			y: {
				beginAtZero: true,
				grid: { color: palette.rule },
				ticks: { color: palette.ink, precision: 0 }
			}
		},
		plugins: { legend }
	};
}

/** Whether the legend shows, and in which colour: a chart of one dataset needs none. */
type LegendOptions = NonNullable<
	NonNullable<ChartConfiguration<'bar'>['options']>['plugins']
>['legend'];

/** How many firms fall in each of some ordered groups: maturity levels, emission bands, CBAM exposure levels. */
export function firmCountsChart(
	groups: { name: string; firms: number | null }[],
	label: string
): ChartConfiguration<'bar'> {
	return {
		type: 'bar',
		data: {
			labels: groups.map((group) => group.name),
			datasets: [
				{ label, data: groups.map((group) => group.firms), backgroundColor: palette.primary }
			]
		},
		options: countOptions({ display: false })
	};
}

/**
 * A band of total emissions as the chart, its table, the CSV and the PDF name it: `< 10 t`, `10–100 t`, `≥ 1.000 t`.
 * Symbols and the tonne's unit sign read the same in Turkish and English; only the numbers follow the locale.
 */
export function emissionBandLabel(
	locale: Locale,
	band: { min: number; max: number | null }
): string {
	const tonnes = (value: number) => formatNumber(locale, value);
	if (band.max === null) return `≥ ${tonnes(band.min)} t`;
	if (band.min === 0) return `< ${tonnes(band.max)} t`;
	return `${tonnes(band.min)}–${tonnes(band.max)} t`;
}
