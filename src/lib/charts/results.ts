import type { ChartConfiguration, ChartDataset } from 'chart.js';
import { palette } from './palette';
import { wrapLabel } from './wrap';

/**
 * Chart.js configurations for an assessment's results. The page (and, later, the PDF) build the same charts from
 * the same numbers; the page also shows these numbers as a table.
 */

export interface ThemePoint {
	title: string;
	score: number | null;
	peers: number | null;
}

/**
 * Characters per line of a theme's name around the radar: at 390 px the chart has about 90 px beside each spoke,
 * so longer names wrap rather than run off the canvas. The labels are lines, not a callback: the configuration is
 * copied to the PDF's worker threads, which cannot take a function. The table beside the chart has the whole name.
 */
const RADAR_LINE = 12;
/** Beside the bars a name has half the phone's width. */
const BAR_LINE = 24;

/** The themes around a radar, 0–100. */
export function radarChart(
	themes: ThemePoint[],
	labels: { you: string }
): ChartConfiguration<'radar'> {
	return {
		type: 'radar',
		data: {
			labels: themes.map((theme) => wrapLabel(theme.title, RADAR_LINE)),
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
					pointLabels: { color: palette.ink, font: { size: 11 } }
				}
			},
			plugins: { legend: { display: false } }
		}
	};
}

/**
 * The peers' mean as a short upright line across each theme's bar rather than a second bar: the firm's bar stays
 * the one thing to read, and the mark says "the others reach here". A line dataset drawn only as points; the PDF's
 * bar drawing reads its figures and `backgroundColor` like any other row.
 */
function peerMarks(themes: ThemePoint[], label: string): ChartDataset<'bar'> {
	const marks = {
		type: 'line',
		indexAxis: 'y',
		label,
		data: themes.map((theme) => theme.peers),
		showLine: false,
		pointStyle: 'line',
		rotation: 90,
		pointRadius: 12,
		pointHoverRadius: 12,
		pointBorderWidth: 3,
		borderColor: palette.ink,
		backgroundColor: palette.muted
	};
	// A mixed chart: Chart.js types a bar chart's datasets as bars only.
	return marks as unknown as ChartDataset<'bar'>;
}

/**
 * One bar per theme in the firm's colour, with the peers' mean marked across it where one may be shown. One colour
 * for the firm's bars, so that the legend's swatch is the colour of every bar it names.
 */
export function themeBarChart(
	themes: ThemePoint[],
	labels: { you: string; peers: string }
): ChartConfiguration<'bar'> {
	const withPeers = themes.some((theme) => theme.peers !== null);
	return {
		type: 'bar',
		data: {
			labels: themes.map((theme) => wrapLabel(theme.title, BAR_LINE)),
			datasets: [
				{
					label: labels.you,
					data: themes.map((theme) => theme.score),
					backgroundColor: palette.primary
				},
				...(withPeers ? [peerMarks(themes, labels.peers)] : [])
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
			plugins: {
				legend: {
					display: withPeers,
					labels: { color: palette.ink, usePointStyle: true }
				}
			}
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
