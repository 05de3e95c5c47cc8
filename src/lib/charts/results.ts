import type { ChartConfiguration } from 'chart.js';
import { palette } from './palette';

/**
 * Chart.js configurations for an assessment's results. The page (and, later, the PDF) build the same charts from
 * the same numbers; the page also shows these numbers as a table.
 */

export interface ThemePoint {
	title: string;
	colour: string;
	score: number | null;
	peers: number | null;
}

/** The themes around a radar, 0–100. */
export function radarChart(
	themes: ThemePoint[],
	labels: { you: string }
): ChartConfiguration<'radar'> {
	return {
		type: 'radar',
		data: {
			labels: themes.map((theme) => theme.title),
			datasets: [
				{
					label: labels.you,
					data: themes.map((theme) => theme.score ?? 0),
					borderColor: palette.primary,
					backgroundColor: palette.primaryTint,
					pointBackgroundColor: palette.primary,
					borderWidth: 2
				}
			]
		},
		options: {
			maintainAspectRatio: false,
			animation: false,
			scales: {
				r: {
					min: 0,
					max: 100,
					ticks: { stepSize: 20, color: palette.ink, backdropColor: 'transparent' },
					grid: { color: palette.rule },
					angleLines: { color: palette.rule },
					pointLabels: { color: palette.ink, font: { size: 12 } }
				}
			},
			plugins: { legend: { display: false } }
		}
	};
}

/** One bar per theme, beside the peers' mean where one may be shown. */
export function themeBarChart(
	themes: ThemePoint[],
	labels: { you: string; peers: string }
): ChartConfiguration<'bar'> {
	const withPeers = themes.some((theme) => theme.peers !== null);
	return {
		type: 'bar',
		data: {
			labels: themes.map((theme) => theme.title),
			datasets: [
				{
					label: labels.you,
					data: themes.map((theme) => theme.score),
					backgroundColor: themes.map((theme) => theme.colour)
				},
				...(withPeers
					? [
							{
								label: labels.peers,
								data: themes.map((theme) => theme.peers),
								backgroundColor: palette.muted
							}
						]
					: [])
			]
		},
		options: {
			indexAxis: 'y',
			maintainAspectRatio: false,
			animation: false,
			scales: {
				x: { min: 0, max: 100, grid: { color: palette.rule }, ticks: { color: palette.ink } },
				y: { grid: { display: false }, ticks: { color: palette.ink } }
			},
			plugins: { legend: { display: withPeers, labels: { color: palette.ink } } }
		}
	};
}

/** The overall score of each submitted assessment, oldest first, as a line over 0–100: the firm's trend. */
export function trendChart(
	points: { label: string; score: number }[],
	labels: { overall: string }
): ChartConfiguration<'line'> {
	return {
		type: 'line',
		data: {
			labels: points.map((point) => point.label),
			datasets: [
				{
					label: labels.overall,
					data: points.map((point) => point.score),
					borderColor: palette.primary,
					backgroundColor: palette.primary,
					pointRadius: 4,
					borderWidth: 2
				}
			]
		},
		options: {
			maintainAspectRatio: false,
			animation: false,
			scales: {
				y: { min: 0, max: 100, grid: { color: palette.rule }, ticks: { color: palette.ink } },
				x: { grid: { display: false }, ticks: { color: palette.ink } }
			},
			plugins: { legend: { display: false } }
		}
	};
}
