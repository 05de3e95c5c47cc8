import type { ChartConfiguration } from 'chart.js';

/**
 * Draws the results charts into a PDF as vectors, reading the very Chart.js configurations the results page uses
 * (labels, data, colours, scale bounds), so the printed charts match the page and stay sharp at any zoom.
 */

type Doc = PDFKit.PDFDocument;
export interface Box {
	x: number;
	y: number;
	width: number;
	height: number;
}

/**
 * A chart's figures in words (`Enerji: 45; Atık: 60`), the text a screen reader says for the drawn chart: one pair
 * per label of a single-series chart (the radar, the sources of emissions), else one per series (the SME and its
 * peers).
 */
export function chartText(
	config: ChartConfiguration<'bar'> | ChartConfiguration<'radar'>,
	format: (value: number) => string
): string {
	const labels = (config.data.labels ?? []).map((label) =>
		Array.isArray(label) ? label.join(' ') : String(label)
	);
	const series = (config.data.datasets as { label?: string; data: unknown[] }[]).filter(
		(dataset) => typeof dataset.data[0] === 'number'
	);
	const value = (figure: unknown) => format(Number(figure));
	if (labels.length > 1 && series.length > 1) {
		// A chamber's themes beside every chamber's: each label with each series' figure (a withheld one left out).
		return labels
			.map((label, index) => {
				const figures = series.filter((dataset) => typeof dataset.data[index] === 'number');
				const said = figures.map(
					(dataset) => `${dataset.label ?? ''} ${value(dataset.data[index])}`
				);
				return `${label}: ${said.join(', ')}`;
			})
			.join('; ');
	}
	const pairs =
		labels.length > 1 && series.length === 1
			? labels.map((label, index) => [label, series[0].data[index]] as const)
			: series.map((dataset) => [dataset.label ?? '', dataset.data[0]] as const);
	return pairs
		.filter(([, figure]) => typeof figure === 'number')
		.map(([label, figure]) => `${label}: ${value(figure)}`)
		.join('; ');
}

interface Paint {
	colour: string | [number, number, number];
	opacity: number;
}

/** A CSS colour as Chart.js takes it (`#15703a` or `rgba(21, 112, 58, 0.2)`) as pdfkit takes it. */
export function paint(css: unknown, fallback = '#000000'): Paint {
	if (typeof css !== 'string') return { colour: fallback, opacity: 1 };
	const rgba = /^rgba?\(\s*(\d+)\s*,\s*(\d+)\s*,\s*(\d+)\s*(?:,\s*([\d.]+)\s*)?\)$/.exec(css);
	if (rgba) {
		const [, r, g, b, a] = rgba;
		return { colour: [Number(r), Number(g), Number(b)], opacity: a === undefined ? 1 : Number(a) };
	}
	return { colour: /^#[0-9a-f]{6}$/i.test(css) ? css : fallback, opacity: 1 };
}

function fill(doc: Doc, css: unknown) {
	const { colour, opacity } = paint(css);
	doc.fillColor(colour, opacity);
}

function stroke(doc: Doc, css: unknown) {
	const { colour, opacity } = paint(css);
	doc.strokeColor(colour, opacity);
}

function polygon(doc: Doc, points: [number, number][]) {
	doc.moveTo(...points[0]);
	for (const point of points.slice(1)) doc.lineTo(...point);
	doc.closePath();
}

/** A chart label as one line: the page's configurations wrap long names into lines for narrow screens. */
function labelText(label: unknown): string {
	return Array.isArray(label) ? label.join(' ') : String(label);
}

/** The radar of theme scores: grid rings at each tick, one spoke per theme, the filled polygon of the scores. */
export function drawRadar(
	doc: Doc,
	config: ChartConfiguration<'radar'>,
	box: Box,
	format: (value: number) => string
) {
	const labels = (config.data.labels ?? []).map(labelText);
	const dataset = config.data.datasets[0];
	const values = dataset.data as number[];
	const scale = config.options?.scales?.r ?? {};
	const min = scale.min ?? 0;
	const max = scale.max ?? 100;
	const step = (scale.ticks as { stepSize?: number } | undefined)?.stepSize ?? (max - min) / 5;
	const gridColour = (scale.grid as { color?: string } | undefined)?.color;
	const inkColour = (scale.pointLabels as { color?: string } | undefined)?.color;
	if (labels.length < 3) return;

	const labelWidth = 96;
	const centre = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
	const radius = Math.min(box.width / 2 - labelWidth, box.height / 2 - 24);
	const angle = (index: number) => -Math.PI / 2 + (2 * Math.PI * index) / labels.length;
	const at = (index: number, value: number): [number, number] => {
		const r = (radius * (Math.min(Math.max(value, min), max) - min)) / (max - min);
		return [centre.x + r * Math.cos(angle(index)), centre.y + r * Math.sin(angle(index))];
	};

	doc.save().lineWidth(0.6);
	stroke(doc, gridColour);
	for (let tick = min + step; tick <= max + 1e-9; tick += step) {
		polygon(
			doc,
			labels.map((_, index) => at(index, tick))
		);
		doc.stroke();
	}
	labels.forEach((_, index) => {
		doc
			.moveTo(centre.x, centre.y)
			.lineTo(...at(index, max))
			.stroke();
	});

	doc.fontSize(7);
	fill(doc, inkColour);
	for (let tick = min + step; tick <= max + 1e-9; tick += step) {
		const [x, y] = at(0, tick);
		doc.text(format(tick), x + 3, y - 4, { lineBreak: false });
	}

	polygon(
		doc,
		values.map((value, index) => at(index, value))
	);
	const area = paint(dataset.backgroundColor);
	const line = paint(dataset.borderColor);
	doc
		.lineWidth(Number(dataset.borderWidth ?? 2))
		.fillOpacity(area.opacity)
		.strokeOpacity(line.opacity)
		.fillAndStroke(area.colour, line.colour);
	fill(doc, dataset.pointBackgroundColor ?? dataset.borderColor);
	values.forEach((value, index) => doc.circle(...at(index, value), 2.5).fill());

	doc.fontSize(8.5);
	fill(doc, inkColour);
	labels.forEach((label, index) => {
		const cos = Math.cos(angle(index));
		const sin = Math.sin(angle(index));
		const [x, y] = [centre.x + (radius + 8) * cos, centre.y + (radius + 8) * sin];
		const align = cos > 0.2 ? 'left' : cos < -0.2 ? 'right' : 'center';
		const left = align === 'left' ? x : align === 'right' ? x - labelWidth : x - labelWidth / 2;
		const height = doc.heightOfString(label, { width: labelWidth });
		const top = sin < -0.2 ? y - height : sin > 0.2 ? y : y - height / 2;
		doc.text(label, left, top, { width: labelWidth, align });
	});
	doc.restore();
}

/** Horizontal bars of one theme: one row per dataset (the SME, its peers), on the chart's x scale with a grid. */
export function drawThemeBars(
	doc: Doc,
	config: ChartConfiguration<'bar'>,
	box: Box,
	format: (value: number) => string
) {
	const scale = config.options?.scales?.x ?? {};
	const min = typeof scale.min === 'number' ? scale.min : 0;
	const max = typeof scale.max === 'number' ? scale.max : 100;
	const gridColour = (scale.grid as { color?: string } | undefined)?.color;
	const inkColour = (scale.ticks as { color?: string } | undefined)?.color;
	const rows = config.data.datasets.filter((dataset) => typeof dataset.data[0] === 'number');
	const labelWidth = 110;
	const track = { x: box.x + labelWidth, width: box.width - labelWidth - 40 };
	const rowHeight = 20;
	const xOf = (value: number) => track.x + (track.width * (value - min)) / (max - min);

	doc.save().lineWidth(0.5);
	stroke(doc, gridColour);
	const bottom = box.y + rows.length * rowHeight;
	doc.fontSize(7);
	for (let tick = min; tick <= max; tick += (max - min) / 5) {
		doc.moveTo(xOf(tick), box.y).lineTo(xOf(tick), bottom).stroke();
		fill(doc, inkColour);
		doc.text(format(tick), xOf(tick) - 12, bottom + 3, { width: 24, align: 'center' });
	}
	rows.forEach((dataset, index) => {
		const value = dataset.data[0] as number;
		const y = box.y + index * rowHeight + 3;
		const colour = Array.isArray(dataset.backgroundColor)
			? dataset.backgroundColor[0]
			: dataset.backgroundColor;
		fill(doc, colour);
		doc.rect(track.x, y, Math.max(0.5, xOf(value) - track.x), rowHeight - 6).fill();
		fill(doc, inkColour);
		doc.fontSize(8.5).text(dataset.label ?? '', box.x, y + 2, { width: labelWidth - 8 });
		doc.text(format(value), xOf(value) + 4, y + 2, { lineBreak: false });
	});
	doc.restore();
}

/**
 * Horizontal bars, one row per label of a single-dataset chart (the carbon estimate by source), each in its own
 * colour, on a scale from 0 to the largest value, with the value printed at the bar's end.
 */
export function drawSourceBars(
	doc: Doc,
	config: ChartConfiguration<'bar'>,
	box: Box,
	format: (value: number) => string
) {
	const [dataset] = config.data.datasets;
	// The PDF has room for a label on one line.
	const labels = (config.data.labels ?? []).map(labelText);
	const values = labels.map((_, index) => Number(dataset?.data[index] ?? 0));
	const colours = dataset?.backgroundColor;
	const inkColour = (config.options?.scales?.y?.ticks as { color?: string } | undefined)?.color;
	const max = Math.max(...values, 0) || 1;
	const labelWidth = 170;
	const trackWidth = box.width - labelWidth - 60;
	const rowHeight = 20;

	doc.save();
	labels.forEach((label, index) => {
		const y = box.y + index * rowHeight + 3;
		const colour = Array.isArray(colours) ? colours[index] : colours;
		fill(doc, colour);
		doc
			.rect(box.x + labelWidth, y, Math.max(0.5, (trackWidth * values[index]) / max), rowHeight - 6)
			.fill();
		fill(doc, inkColour);
		doc
			.fontSize(8)
			.text(label, box.x, y + 2, { width: labelWidth - 8, height: rowHeight, ellipsis: true });
		doc.text(
			format(values[index]),
			box.x + labelWidth + (trackWidth * values[index]) / max + 4,
			y + 2,
			{
				lineBreak: false
			}
		);
	});
	doc.restore();
}

/** The height a theme chart of `rows` themes takes, a legend row included when a second series is drawn. */
export function themeChartHeight(config: ChartConfiguration<'bar'>): number {
	const legend = config.data.datasets.length > 1 ? THEME_ROW : 0;
	return (config.data.labels ?? []).length * THEME_ROW + 18 + legend;
}

const THEME_ROW = 24;

/**
 * A chamber's themes as horizontal bars, one row per theme on the chart's 0–100 scale, with every chamber's mean (the
 * second series, when there is one) as an upright mark across the bar, as the page draws it, and a legend naming
 * both. A theme whose mean is withheld gets no bar but the `withheld` word, as its table cell does.
 */
export function drawThemeChart(
	doc: Doc,
	config: ChartConfiguration<'bar'>,
	box: Box,
	format: (value: number) => string,
	withheld: string
) {
	const [own, others] = config.data.datasets;
	const labels = (config.data.labels ?? []).map(labelText);
	const scale = config.options?.scales?.x ?? {};
	const min = typeof scale.min === 'number' ? scale.min : 0;
	const max = typeof scale.max === 'number' ? scale.max : 100;
	const gridColour = (scale.grid as { color?: string } | undefined)?.color;
	const inkColour = (scale.ticks as { color?: string } | undefined)?.color;
	const labelWidth = 180;
	const track = { x: box.x + labelWidth, width: box.width - labelWidth - 40 };
	const xOf = (value: number) => track.x + (track.width * (value - min)) / (max - min);
	const bottom = box.y + labels.length * THEME_ROW;

	doc.save().lineWidth(0.5);
	stroke(doc, gridColour);
	doc.fontSize(7);
	for (let tick = min; tick <= max; tick += (max - min) / 5) {
		doc.moveTo(xOf(tick), box.y).lineTo(xOf(tick), bottom).stroke();
		fill(doc, inkColour);
		doc.text(format(tick), xOf(tick) - 12, bottom + 3, { width: 24, align: 'center' });
	}
	labels.forEach((label, index) => {
		const y = box.y + index * THEME_ROW + 3;
		const value = own?.data[index];
		fill(doc, inkColour);
		doc.fontSize(8).text(label, box.x, y, { width: labelWidth - 8, height: 20, ellipsis: true });
		if (typeof value !== 'number') {
			fill(doc, inkColour);
			doc.text(withheld, track.x + 4, y + 3, { lineBreak: false });
			return;
		}
		fill(doc, own.backgroundColor);
		doc.rect(track.x, y, Math.max(0.5, xOf(value) - track.x), THEME_ROW - 8).fill();
		fill(doc, inkColour);
		doc.text(format(value), xOf(value) + 4, y + 3, { lineBreak: false });
		const peer = others?.data[index];
		if (typeof peer === 'number') {
			doc.lineWidth(2);
			stroke(doc, others.borderColor);
			doc
				.moveTo(xOf(peer), y - 2)
				.lineTo(xOf(peer), y + THEME_ROW - 6)
				.stroke();
		}
	});
	if (others) {
		const y = bottom + 18;
		const items = [
			{ label: own?.label ?? '', mark: () => fill(doc, own?.backgroundColor) },
			{ label: others.label ?? '', mark: () => stroke(doc, others.borderColor) }
		];
		let x = track.x;
		doc.fontSize(8);
		items.forEach((item, index) => {
			item.mark();
			if (index === 0) doc.rect(x, y + 1, 10, 8).fill();
			else
				doc
					.lineWidth(2)
					.moveTo(x + 5, y - 1)
					.lineTo(x + 5, y + 11)
					.stroke();
			fill(doc, inkColour);
			doc.text(item.label, x + 14, y + 1, { lineBreak: false });
			x += 14 + doc.widthOfString(item.label) + 16;
		});
	}
	doc.restore();
}
