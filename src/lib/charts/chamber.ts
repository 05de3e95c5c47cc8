import type { ChartConfiguration } from 'chart.js';

/**
 * Chart.js configurations for a chamber's dashboard, from figures already suppressed on the server: a hidden figure
 * is `null` and simply has no bar. The page shows the same numbers in tables. Theme means use the results page's
 * `themeBarChart`, with all chambers in the place of the peers.
 */

const GRID = '#c9d6cd';
const INK = '#17201b';
const PRIMARY = '#15703a';
const OTHERS = '#4a5550';

/** How many firms reached each maturity level. */
export function levelsChart(
	levels: { name: string; firms: number | null }[],
	label: string
): ChartConfiguration<'bar'> {
	return {
		type: 'bar',
		data: {
			labels: levels.map((level) => level.name),
			datasets: [{ label, data: levels.map((level) => level.firms), backgroundColor: PRIMARY }]
		},
		options: {
			maintainAspectRatio: false,
			animation: false,
			scales: {
				x: { grid: { display: false }, ticks: { color: INK } },
				y: { beginAtZero: true, grid: { color: GRID }, ticks: { color: INK, precision: 0 } }
			},
			plugins: { legend: { display: false } }
		}
	};
}

/** Assessments started and submitted per week in one campaign; a week withheld for a small count has no bar. */
export function participationChart(
	weeks: { label: string; started: number | null; submitted: number | null }[],
	labels: { started: string; submitted: string }
): ChartConfiguration<'bar'> {
	return {
		type: 'bar',
		data: {
			labels: weeks.map((week) => week.label),
			datasets: [
				{ label: labels.started, data: weeks.map((week) => week.started), backgroundColor: OTHERS },
				{
					label: labels.submitted,
					data: weeks.map((week) => week.submitted),
					backgroundColor: PRIMARY
				}
			]
		},
		options: {
			maintainAspectRatio: false,
			animation: false,
			scales: {
				x: { grid: { display: false }, ticks: { color: INK } },
				y: { beginAtZero: true, grid: { color: GRID }, ticks: { color: INK, precision: 0 } }
			},
			plugins: { legend: { labels: { color: INK } } }
		}
	};
}
