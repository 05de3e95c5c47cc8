import type { ChartConfiguration } from 'chart.js';
import type { Locale } from '../../i18n/locales';
import { chartText, drawThemeBars } from './draw-charts';
import {
	contentWidth,
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

/** One part of a chamber's report: a heading, some text, bars and a table, all ready to print. */
export interface ChamberReportSection {
	heading: string;
	paragraphs: string[];
	bars: { title: string; config: ChartConfiguration<'bar'> }[];
	table?: { head: string[]; rows: string[][] };
}

/** A chamber's aggregate report, already in its language; it names no firm. */
export interface ChamberReportModel {
	locale: Locale;
	title: string;
	chamber: { name: string; logo: string | null };
	/** What the figures cover: date, filters, number of firms. */
	scope: string[];
	sections: ChamberReportSection[];
	footer: string;
	pageOf: string;
}

/** The chamber's aggregate report as PDF bytes, with the same fonts, tables and bars as the SME report. */
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

	for (const section of model.sections) {
		heading(doc, section.heading, { size: 14 });
		for (const text of section.paragraphs) paragraph(doc, text, { size: 9.5 });
		for (const bar of section.bars) {
			const height = bar.config.data.datasets.length * 20 + 18;
			heading(doc, bar.title, { size: 9.5, level: 3, keep: height });
			figure(doc, chartText(bar.config, format), height, (y) =>
				drawThemeBars(doc, bar.config, { x: MARGIN, y, width: contentWidth(doc), height }, format)
			);
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
	footers(doc, model, format);
	return finish();
}
