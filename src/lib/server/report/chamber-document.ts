import type { ChartConfiguration } from 'chart.js';
import type { Locale } from '../../i18n/locales';
import type { KeyFindings } from '../../presenters/key-findings';
import { chartText, drawSourceBars, drawThemeChart, themeChartHeight } from './draw-charts';
import {
	contentWidth,
	type Doc,
	figure,
	footers,
	heading,
	headline,
	MARGIN,
	masthead,
	MUTED,
	newDocument,
	paragraph,
	table
} from './pdf-document';

/** A table ready to print: its head and its cells, withheld figures already marked. */
export interface ReportTable {
	head: string[];
	rows: string[][];
}

/** One block of a part: a heading (none when the part's own covers it), some text, a chart and a table. */
export interface ChamberReportSection {
	heading: string | null;
	paragraphs: string[];
	/** The themes' bars (one per theme), or firms per label (months); only where there is something to draw. */
	chart?: { kind: 'themes' | 'counts'; config: ChartConfiguration<'bar'> };
	table?: ReportTable;
}

/** A part of the report under its own heading: participation, trends, needs, details. */
export interface ChamberReportPart {
	heading: string;
	sections: ChamberReportSection[];
}

/** A chamber's board report, already in its language; it names no firm. */
export interface ChamberReportModel {
	locale: Locale;
	title: string;
	chamber: { name: string; logo: string | null };
	/** What the figures cover: date, filters, number of firms. */
	scope: string[];
	/** The first page: what a board reads if it reads nothing else. */
	keyFindings: KeyFindings;
	parts: ChamberReportPart[];
	/** How a withheld figure is marked, in charts as in tables. */
	withheldMark: string;
	footer: string;
	pageOf: string;
}

/**
 * The chamber's board report as PDF bytes, with the same fonts, tables and charts as the SME report: the key findings
 * alone on the first page, then each part under its heading.
 */
export async function renderChamberPdf(
	model: ChamberReportModel
): Promise<Uint8Array<ArrayBuffer>> {
	const { doc, format, finish } = newDocument({
		locale: model.locale,
		title: `${model.title}: ${model.chamber.name}`
	});
	masthead(doc, model.chamber, 48);
	doc.moveDown(0.4);
	headline(doc, model.title, 22, undefined, 'H1');
	doc.moveDown(0.4);
	for (const line of model.scope) paragraph(doc, line, { size: 10, colour: MUTED });

	heading(doc, model.keyFindings.heading, { size: 16 });
	for (const finding of model.keyFindings.findings) {
		heading(doc, finding.heading, { size: 12, level: 3 });
		for (const line of finding.lines) paragraph(doc, line, { size: 10.5 });
	}

	// The key findings keep the first page to themselves.
	doc.addPage();
	for (const part of model.parts) {
		heading(doc, part.heading, { size: 16 });
		for (const section of part.sections) drawSection(doc, section, format, model.withheldMark);
	}
	footers(doc, model, format);
	return finish();
}

/** One section: its heading (kept with what follows), text, chart and table. */
function drawSection(
	doc: Doc,
	section: ChamberReportSection,
	format: (value: number) => string,
	withheld: string
) {
	const chart = section.chart;
	const themes = chart?.kind === 'themes';
	const height = !chart
		? 0
		: themes
			? themeChartHeight(chart.config)
			: (chart.config.data.labels ?? []).length * 20 + 6;
	// A heading straight above a chart stays on the chart's page.
	const keep = section.paragraphs.length === 0 && chart ? height : undefined;
	if (section.heading) heading(doc, section.heading, { size: 12, level: 3, keep });
	for (const text of section.paragraphs) paragraph(doc, text, { size: 9.5 });
	if (chart) {
		const { config } = chart;
		figure(doc, chartText(config, format), height, (y) => {
			const box = { x: MARGIN, y, width: contentWidth(doc), height };
			if (themes) drawThemeChart(doc, config, box, format, withheld);
			else drawSourceBars(doc, config, box, format);
		});
		doc.moveDown(0.6);
	}
	if (section.table) {
		const width = contentWidth(doc);
		const others = section.table.head.length - 1;
		const column = (width * 0.5) / Math.max(1, others);
		table(
			doc,
			section.table.head,
			section.table.rows,
			[width - column * others, ...Array.from({ length: others }, () => column)],
			true
		);
	}
}
