import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as fontkit from 'fontkit';
import type { Font } from 'fontkit';
import PDFDocument from 'pdfkit';
import { intlTags } from '../../i18n/locales';
import { drawRadar, drawThemeBars } from './draw-charts';
import type { ReportModel, ReportRecommendation } from './model';
import { withSharedLayout } from './shared-layout';

/**
 * Draws an SME's report as an A4 PDF from its ready, localised model. Runs in a worker thread (see index.ts), so it
 * imports only pdfkit and relative modules: no database, no i18next, no `$lib` alias.
 */

const require = createRequire(import.meta.url);
/**
 * Noto Sans covers every Turkish letter; the TrueType files are embedded (as subsets), so the PDF needs no installed
 * font and its text stays searchable and copyable. Parsed once per thread and shared by every report, with the shaping
 * of words shared too (see shared-layout.ts).
 */
function loadFont(file: string) {
	const font = fontkit.create(
		readFileSync(require.resolve(`@expo-google-fonts/noto-sans/${file}`))
	) as Font;
	// pdfkit takes a parsed fontkit font (its changelog: "Accept already-parsed fontkit Font instances"); the
	// community typings only list file sources.
	return withSharedLayout(font) as unknown as Buffer;
}
const FONTS = {
	regular: loadFont('400Regular/NotoSans_400Regular.ttf'),
	bold: loadFont('700Bold/NotoSans_700Bold.ttf')
};

const INK = '#17201b';
const MUTED = '#4a5550';
const PRIMARY = '#15703a';
const LINK = '#0b5394';
const RULE = '#c9d6cd';
const MARGIN = 56;
const FOOTER_SPACE = 40;

type Doc = PDFKit.PDFDocument;

function contentWidth(doc: Doc) {
	return doc.page.width - 2 * MARGIN;
}

/** Starts a new page when fewer than `height` points are left, so a block is not split from its heading. */
function ensureSpace(doc: Doc, height: number) {
	if (doc.y + height > doc.page.height - doc.page.margins.bottom) doc.addPage();
}

function heading(doc: Doc, text: string, size = 16) {
	ensureSpace(doc, size * 4);
	doc.moveDown(0.6).font('bold').fontSize(size).fillColor(INK).text(text, MARGIN);
	doc.moveDown(0.3);
}

function paragraph(doc: Doc, text: string, options: { size?: number; colour?: string } = {}) {
	doc
		.font('regular')
		.fontSize(options.size ?? 10)
		.fillColor(options.colour ?? INK)
		.text(text, MARGIN, undefined, { width: contentWidth(doc), lineGap: 2 });
	doc.moveDown(0.4);
}

/** A simple table: bold header row and rules between rows; `numeric` right-aligns every column but the first. */
function table(doc: Doc, head: string[], rows: string[][], widths: number[], numeric = false) {
	const row = (cells: string[], bold: boolean) => {
		doc.font(bold ? 'bold' : 'regular').fontSize(9.5);
		const height =
			Math.max(...cells.map((cell, i) => doc.heightOfString(cell, { width: widths[i] - 8 }))) + 8;
		ensureSpace(doc, height);
		const top = doc.y;
		let x = MARGIN;
		cells.forEach((cell, i) => {
			doc.fillColor(INK).text(cell, x + 4, top + 4, {
				width: widths[i] - 8,
				align: numeric && i > 0 ? 'right' : 'left'
			});
			x += widths[i];
		});
		doc
			.moveTo(MARGIN, top + height)
			.lineTo(MARGIN + widths.reduce((a, b) => a + b, 0), top + height)
			.lineWidth(0.5)
			.strokeColor(RULE)
			.stroke();
		doc.x = MARGIN;
		doc.y = top + height;
	};
	if (head.length > 0) row(head, true);
	for (const cells of rows) row(cells, false);
	doc.moveDown(0.6);
}

/** A recommendation: title, impact and effort, text, and its resources as clickable links. */
function recommendation(doc: Doc, item: ReportRecommendation, resourcesLabel: string) {
	const width = contentWidth(doc);
	doc.font('bold').fontSize(10.5);
	ensureSpace(doc, doc.heightOfString(item.title, { width }) + 60);
	doc.fillColor(INK).text(item.title, MARGIN, undefined, { width });
	doc.font('regular').fontSize(8.5).fillColor(MUTED).text(item.grades, { width });
	doc.moveDown(0.2);
	doc.fontSize(9.5).fillColor(INK).text(item.text, { width, lineGap: 1.5 });
	if (item.resources.length > 0) {
		doc.moveDown(0.2).fontSize(9).fillColor(MUTED).text(resourcesLabel, { width });
		for (const resource of item.resources) {
			doc
				.fillColor(MUTED)
				.text('•  ', MARGIN + 8, undefined, { continued: true, width: width - 8 })
				.fillColor(LINK)
				.text(resource.title, { link: resource.url, underline: true, continued: true })
				.fillColor(MUTED)
				.text(` (${resource.provider})`, { link: undefined, underline: false });
		}
	}
	doc.x = MARGIN;
	doc.moveDown(0.8);
}

/** The chamber's logo, when it is an image pdfkit can read; a damaged logo is left out rather than failing. */
function logo(doc: Doc, dataUrl: string, x: number, y: number) {
	try {
		const image = Buffer.from(dataUrl.slice(dataUrl.indexOf(',') + 1), 'base64');
		doc.image(image, x, y, { fit: [150, 60] });
		return 70;
	} catch {
		return 0;
	}
}

function cover(doc: Doc, model: ReportModel) {
	doc.rect(0, 0, doc.page.width, 10).fill(PRIMARY);
	let y = 72;
	if (model.chamber) {
		if (model.chamber.logo) y += logo(doc, model.chamber.logo, MARGIN, y);
		doc.font('bold').fontSize(11).fillColor(MUTED).text(model.chamber.name, MARGIN, y);
	}
	doc.y = 260;
	doc
		.font('bold')
		.fontSize(26)
		.fillColor(PRIMARY)
		.text(model.title, MARGIN, undefined, {
			width: contentWidth(doc)
		});
	doc.moveDown(0.5);
	if (model.company) {
		doc
			.font('bold')
			.fontSize(18)
			.fillColor(INK)
			.text(model.company, { width: contentWidth(doc) });
		doc.moveDown(0.5);
	}
	for (const line of model.cover) paragraph(doc, line, { size: 11, colour: MUTED });
	doc.y = doc.page.height - doc.page.margins.bottom - 60;
	paragraph(doc, model.disclaimer, { size: 8.5, colour: MUTED });
}

function summary(doc: Doc, model: ReportModel, format: (value: number) => string) {
	const { summary } = model;
	doc.addPage();
	heading(doc, summary.heading, 20);
	doc.font('regular').fontSize(10).fillColor(MUTED).text(summary.overallLabel);
	doc.font('bold').fontSize(30).fillColor(PRIMARY).text(summary.overall);
	doc.font('bold').fontSize(13).fillColor(INK).text(summary.level);
	doc.moveDown(0.2);
	paragraph(doc, summary.levelDescription);
	if (summary.change) paragraph(doc, summary.change, { colour: MUTED });

	ensureSpace(doc, 200);
	const box = { x: MARGIN, y: doc.y, width: contentWidth(doc), height: 180 };
	drawRadar(doc, summary.radar, box, format);
	doc.x = MARGIN;
	doc.y = box.y + box.height + 4;
	paragraph(doc, summary.radarCaption, { size: 8.5, colour: MUTED });

	const width = contentWidth(doc);
	const numeric = (width * 0.4) / (summary.table.head.length - 1);
	table(
		doc,
		summary.table.head,
		summary.table.rows,
		[
			width - numeric * (summary.table.head.length - 1),
			...summary.table.head.slice(1).map(() => numeric)
		],
		true
	);
	paragraph(doc, summary.table.caption, { size: 8.5, colour: MUTED });

	heading(doc, summary.prioritiesHeading, 14);
	if (summary.priorities.length === 0) paragraph(doc, summary.noRecommendations);
	summary.priorities.forEach((item, index) => priority(doc, item, index + 1));
}

/** A priority on the one-page summary: its rank, title, impact and effort; the details are on its theme's page. */
function priority(doc: Doc, item: ReportRecommendation, rank: number) {
	const width = contentWidth(doc) - 18;
	doc.font('bold').fontSize(10.5);
	ensureSpace(doc, doc.heightOfString(item.title, { width }) + 16);
	const top = doc.y;
	doc.fillColor(PRIMARY).text(`${rank}.`, MARGIN, top, { width: 18 });
	doc.fillColor(INK).text(item.title, MARGIN + 18, top, { width });
	doc
		.font('regular')
		.fontSize(8.5)
		.fillColor(MUTED)
		.text(item.grades, MARGIN + 18, undefined, {
			width
		});
	doc.x = MARGIN;
	doc.moveDown(0.5);
}

function themePage(
	doc: Doc,
	model: ReportModel,
	theme: ReportModel['themes'][number],
	format: (value: number) => string
) {
	doc.addPage();
	doc.rect(MARGIN, doc.y + 4, 6, 22).fill(theme.colour);
	doc
		.font('bold')
		.fontSize(18)
		.fillColor(INK)
		.text(theme.title, MARGIN + 14, doc.y, {
			width: contentWidth(doc) - 14
		});
	doc.x = MARGIN;
	doc.moveDown(0.3);
	doc.font('bold').fontSize(12).fillColor(PRIMARY).text(theme.score, MARGIN);
	doc.moveDown(0.5);
	if (typeof theme.bar.data.datasets[0]?.data[0] === 'number') {
		const box = { x: MARGIN, y: doc.y, width: contentWidth(doc), height: 0 };
		drawThemeBars(doc, theme.bar, box, format);
		doc.x = MARGIN;
		doc.y = box.y + theme.bar.data.datasets.length * 20 + 16;
		paragraph(doc, theme.benchmark, { size: 8.5, colour: MUTED });
	}

	heading(doc, theme.answersHeading, 13);
	const width = contentWidth(doc);
	table(
		doc,
		[],
		theme.answers.map((entry) => [entry.question, entry.answer]),
		[width * 0.62, width * 0.38]
	);

	heading(doc, theme.recommendationsHeading, 13);
	if (theme.recommendations.length === 0) paragraph(doc, theme.noRecommendations);
	for (const item of theme.recommendations) recommendation(doc, item, model.resourcesLabel);
}

function appendix(doc: Doc, model: ReportModel) {
	doc.addPage();
	heading(doc, model.appendix.heading, 18);
	for (const text of model.appendix.paragraphs) paragraph(doc, text);
	heading(doc, model.appendix.levelsHeading, 13);
	const width = contentWidth(doc);
	table(doc, [], model.appendix.levels, [width * 0.6, width * 0.4], true);
}

/** Writes the footer and `page X of Y` on every page, once the page count is known. */
function footers(doc: Doc, model: ReportModel, format: (value: number) => string) {
	const range = doc.bufferedPageRange();
	for (let index = range.start; index < range.start + range.count; index++) {
		doc.switchToPage(index);
		// Writing inside the bottom margin would otherwise make pdfkit start yet another page.
		const bottom = doc.page.margins.bottom;
		doc.page.margins.bottom = 0;
		const y = doc.page.height - FOOTER_SPACE + 8;
		const width = contentWidth(doc);
		doc
			.moveTo(MARGIN, y - 6)
			.lineTo(MARGIN + width, y - 6)
			.lineWidth(0.5)
			.strokeColor(RULE)
			.stroke();
		doc.font('regular').fontSize(8).fillColor(MUTED);
		doc.text(model.footer, MARGIN, y, { width: width * 0.7, lineBreak: false, ellipsis: true });
		const page = model.pageOf
			.replace('{{page}}', format(index + 1))
			.replace('{{pages}}', format(range.count));
		doc.text(page, MARGIN + width * 0.7, y, {
			width: width * 0.3,
			align: 'right',
			lineBreak: false
		});
		doc.page.margins.bottom = bottom;
	}
}

/** The whole report as PDF bytes. */
export async function renderPdf(model: ReportModel): Promise<Uint8Array<ArrayBuffer>> {
	const doc = new PDFDocument({
		size: 'A4',
		margins: { top: MARGIN, left: MARGIN, right: MARGIN, bottom: MARGIN + FOOTER_SPACE / 2 },
		bufferPages: true,
		lang: model.locale,
		displayTitle: true,
		info: {
			Title: model.company ? `${model.title}: ${model.company}` : model.title,
			Author: 'Yeşil Hazırlık',
			Creator: 'Yeşil Hazırlık'
		}
	});
	doc.registerFont('regular', FONTS.regular);
	doc.registerFont('bold', FONTS.bold);
	doc.font('regular');
	const chunks: Buffer[] = [];
	doc.on('data', (chunk: Buffer) => chunks.push(chunk));
	const ended = new Promise<void>((resolve, reject) => {
		doc.on('end', resolve);
		doc.on('error', reject);
	});

	const numbers = new Intl.NumberFormat(intlTags[model.locale], { maximumFractionDigits: 1 });
	const format = (value: number) => numbers.format(value);
	cover(doc, model);
	summary(doc, model, format);
	for (const theme of model.themes) themePage(doc, model, theme, format);
	appendix(doc, model);
	footers(doc, model, format);
	doc.end();
	await ended;
	return new Uint8Array(Buffer.concat(chunks));
}

/** Where this module lives: the file the report worker threads load. */
export const rendererUrl = import.meta.url;
