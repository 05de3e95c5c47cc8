import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { emissionsChart } from '../../src/lib/charts/carbon';
import { firmCountsChart } from '../../src/lib/charts/chamber';
import { palette } from '../../src/lib/charts/palette';
import { radarChart } from '../../src/lib/charts/results';
import { paint } from '../../src/lib/server/report/draw-charts';

/** The style sheet's value of a custom property, to hold the page's tokens to the one palette. */
function token(name: string) {
	const css = readFileSync(new URL('../../src/app.css', import.meta.url), 'utf8');
	return new RegExp(`${name}:\\s*([^;]+);`).exec(css)?.[1];
}

describe('palette', () => {
	it('gives the style sheet the same colours as the charts and the PDF', () => {
		expect(token('--color-text')).toBe(palette.ink);
		expect(token('--color-muted')).toBe(palette.muted);
		expect(token('--color-primary')).toBe(palette.primary);
		expect(token('--color-border')).toBe(palette.rule);
	});

	it('is a colour the PDF can paint, each one', () => {
		const colours = [palette.ink, palette.muted, palette.primary, palette.link, palette.rule];
		for (const colour of [...colours, palette.scope[1], palette.scope[2]])
			expect(paint(colour, 'fallback').colour).toBe(colour);
		expect(paint(palette.primaryTint)).toEqual({ colour: [21, 112, 58], opacity: 0.2 });
	});

	it('colours the page charts', () => {
		const radar = radarChart([{ title: 'A', score: 50, peers: null }], {
			you: 'You'
		});
		expect(radar.data.datasets[0].borderColor).toBe(palette.primary);
		expect(radar.data.datasets[0].backgroundColor).toBe(palette.primaryTint);
		const bars = firmCountsChart([{ name: 'x', firms: 3 }], 'Firms');
		expect(bars.data.datasets[0].backgroundColor).toBe(palette.primary);
		const sources = emissionsChart(
			[
				{ label: 'Gas', scope: 1, tonnes: 2 },
				{ label: 'Grid', scope: 2, tonnes: 1 }
			],
			'Tonnes'
		);
		expect(sources.data.datasets[0].backgroundColor).toEqual([palette.scope[1], palette.scope[2]]);
	});
});
