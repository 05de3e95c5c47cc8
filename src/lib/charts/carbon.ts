import type { ChartConfiguration } from 'chart.js';
import { palette } from './palette';
import { wrapLabel } from './wrap';

/**
 * The carbon estimate by source as horizontal bars, coloured by scope; the results page and the PDF draw it from
 * this configuration and the page shows the same numbers in a table.
 */

export interface SourceBar {
	/** The source's name with its scope, so the bar reads without the colour. */
	label: string;
	scope: 1 | 2;
	tonnes: number;
}

/** Characters per line of a bar's label: long fuel names wrap instead of squeezing the bars on a phone. */
const LINE = 22;

export function emissionsChart(sources: SourceBar[], label: string): ChartConfiguration<'bar'> {
	return {
		type: 'bar',
		data: {
			labels: sources.map((source) => wrapLabel(source.label, LINE)),
			datasets: [
				{
					label,
					data: sources.map((source) => source.tonnes),
					backgroundColor: sources.map((source) => palette.scope[source.scope])
				}
			]
		},
		options: {
			indexAxis: 'y',
			maintainAspectRatio: false,
			animation: false,
			scales: {
				x: { beginAtZero: true, grid: { color: palette.rule }, ticks: { color: palette.ink } },
				y: { grid: { display: false }, ticks: { color: palette.ink } }
			},
			plugins: { legend: { display: false } }
		}
	};
}
