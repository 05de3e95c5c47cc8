import type { ChartConfiguration } from 'chart.js';

/**
 * The carbon estimate by source as horizontal bars, coloured by scope; the results page and the PDF draw it from
 * this configuration and the page shows the same numbers in a table.
 */

const GRID = '#c9d6cd';
const INK = '#17201b';
/** Scope 1 (fuels burnt on site and in vehicles) and Scope 2 (electricity bought); both ≥ 3:1 against white. */
const SCOPE_COLOURS = { 1: '#8a4b08', 2: '#1f6f8b' } as const;

export interface SourceBar {
	/** The source's name with its scope, so the bar reads without the colour. */
	label: string;
	scope: 1 | 2;
	tonnes: number;
}

/** Characters per line of a bar's label: long fuel names wrap instead of squeezing the bars on a phone. */
const LINE = 22;

function wrap(text: string, width: number): string[] {
	const lines: string[] = [];
	for (const word of text.split(' ')) {
		const last = lines.at(-1);
		if (last !== undefined && last.length + 1 + word.length <= width)
			lines[lines.length - 1] = `${last} ${word}`;
		else lines.push(word);
	}
	return lines;
}

export function emissionsChart(sources: SourceBar[], label: string): ChartConfiguration<'bar'> {
	return {
		type: 'bar',
		data: {
			labels: sources.map((source) => wrap(source.label, LINE)),
			datasets: [
				{
					label,
					data: sources.map((source) => source.tonnes),
					backgroundColor: sources.map((source) => SCOPE_COLOURS[source.scope])
				}
			]
		},
		options: {
			indexAxis: 'y',
			maintainAspectRatio: false,
			animation: false,
			scales: {
				x: { beginAtZero: true, grid: { color: GRID }, ticks: { color: INK } },
				y: { grid: { display: false }, ticks: { color: INK } }
			},
			plugins: { legend: { display: false } }
		}
	};
}
