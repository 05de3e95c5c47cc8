import { describe, expect, it } from 'vitest';
import { radarChart, themeBarChart } from '$lib/charts/results';
import { palette } from '$lib/charts/palette';
import { wrapLabel } from '$lib/charts/wrap';

describe('wrapLabel', () => {
	it('breaks a long name at spaces into lines of the given width', () => {
		expect(wrapLabel('Enerji verimliliği ve yenilenebilir enerji', 12)).toEqual([
			'Enerji',
			'verimliliği',
			've',
			'yenilenebilir',
			'enerji'
		]);
		expect(wrapLabel('Su ve atık yönetimi', 12)).toEqual(['Su ve atık', 'yönetimi']);
	});

	it('keeps a short name on one line and a word longer than the width whole', () => {
		expect(wrapLabel('Enerji', 12)).toEqual(['Enerji']);
		expect(wrapLabel('Sürdürülebilirlikraporlaması', 12)).toEqual(['Sürdürülebilirlikraporlaması']);
	});

	it('ignores repeated and surrounding spaces', () => {
		expect(wrapLabel('  AB  pazarı ', 12)).toEqual(['AB pazarı']);
	});
});

const themes = [
	{ title: 'Enerji verimliliği ve yenilenebilir enerji', score: 40, peers: 55 },
	{ title: 'Su', score: 70, peers: null },
	{ title: 'Atık', score: 10, peers: 30 }
];

describe('results charts on a phone', () => {
	it('wraps the theme names around the radar and beside the bars into lines', () => {
		const radar = radarChart(themes, { you: 'You' });
		expect(radar.data.labels).toEqual(themes.map((theme) => wrapLabel(theme.title, 12)));
		expect(radar.data.labels?.[0]).toEqual([
			'Enerji',
			'verimliliği',
			've',
			'yenilenebilir',
			'enerji'
		]);
		const bars = themeBarChart(themes, { you: 'You', peers: 'Peers' });
		expect(bars.data.labels?.[0]).toEqual(['Enerji verimliliği ve', 'yenilenebilir enerji']);
	});

	it('is plain data that the PDF worker threads can receive', () => {
		const bars = themeBarChart(themes, { you: 'You', peers: 'Peers' });
		const radar = radarChart(themes, { you: 'You' });
		expect(structuredClone(bars)).toEqual(bars);
		expect(structuredClone(radar)).toEqual(radar);
	});

	it('colours every one of the firm’s bars as its legend swatch, with the peers as a mark', () => {
		const bars = themeBarChart(themes, { you: 'You', peers: 'Peers' });
		const [you, peers] = bars.data.datasets;
		expect(you.backgroundColor).toBe(palette.primary);
		expect(peers).toMatchObject({ type: 'line', label: 'Peers', data: [55, null, 30] });
		expect(bars.options?.plugins?.legend?.display).toBe(true);
	});

	it('shows no legend and no mark where no peer group may be shown', () => {
		const bars = themeBarChart(
			themes.map((theme) => ({ ...theme, peers: null })),
			{ you: 'You', peers: 'Peers' }
		);
		expect(bars.data.datasets).toHaveLength(1);
		expect(bars.options?.plugins?.legend?.display).toBe(false);
	});
});
