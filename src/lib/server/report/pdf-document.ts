import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as fontkit from 'fontkit';
import type { Font } from 'fontkit';
import PDFDocument from 'pdfkit';
import { palette } from '../../charts/palette';
import { intlTags, type Locale } from '../../i18n/locales';
import { shareLayouts, withGlyphsInContext } from './glyph-cache';
import { packObjects } from './object-streams';
import { artifact, block, group, startStructure, type BlockType } from './pdf-tags';

/**
 * What every PDF of the product shares: A4 pages with the embedded fonts, the house colours, headings, paragraphs,
 * lists, tables, figures, the chamber's logo and the footer with page numbers. Each helper tags what it draws (see
 * pdf-tags.ts), so a page drawn with them reads in order in a screen reader. Loaded in the report worker threads, so
 * it imports only pdfkit and relative modules.
 */

const require = createRequire(import.meta.url);
/**
 * Noto Sans covers every Turkish letter; the TrueType files are embedded (as subsets), so the PDF needs no installed
 * font and its text stays searchable and copyable. Parsed once per thread and shared by every report, with the words
 * laid out in them shared too (see glyph-cache.ts).
 */
function loadFont(file: string) {
	const font = fontkit.create(
		readFileSync(require.resolve(`@expo-google-fonts/noto-sans/${file}`))
	) as Font;
	// pdfkit takes a parsed fontkit font (its changelog: "Accept already-parsed fontkit Font instances"); the
	// community typings only list file sources.
	return withGlyphsInContext(font) as unknown as Buffer;
}
const FONTS = {
	regular: loadFont('400Regular/NotoSans_400Regular.ttf'),
	bold: loadFont('700Bold/NotoSans_700Bold.ttf')
};

/** The house colours by their role in a report; the values are the page charts' (one palette). */
export const INK = palette.ink;
export const MUTED = palette.muted;
export const PRIMARY = palette.primary;
export const LINK = palette.link;
export const RULE = palette.rule;
export const MARGIN = 56;
export const FOOTER_SPACE = 40;

export type Doc = PDFKit.PDFDocument;

export function contentWidth(doc: Doc) {
	return doc.page.width - 2 * MARGIN;
}

/** Starts a new page when fewer than `height` points are left, so a block is not split from its heading. */
export function ensureSpace(doc: Doc, height: number) {
	if (doc.y + height > doc.page.height - doc.page.margins.bottom) doc.addPage();
}

/** The height a page holds between its margins: a block taller than this cannot be kept on one page. */
export function pageSpace(doc: Doc) {
	return doc.page.height - doc.page.margins.top - doc.page.margins.bottom;
}

/** A line of large bold type across the content width, where the text flows: a title, or the firm under it. */
export function headline(
	doc: Doc,
	text: string,
	size: number,
	colour: string = PRIMARY,
	type: BlockType = 'P'
) {
	doc.font('bold').fontSize(size);
	ensureSpace(doc, doc.heightOfString(text, { width: contentWidth(doc) }));
	block(doc, type, () => doc.fillColor(colour).text(text, { width: contentWidth(doc) }));
}

/** A heading's level in the document's outline: 1 the report, 2 a page's subject, 3 its parts, 4 an item. */
export type HeadingLevel = 1 | 2 | 3 | 4;

/**
 * A heading, kept on one page with the first `keep` points of what follows it (three lines of text unless the caller
 * knows better), so that no page ends on a heading. Returns where its text starts, for a mark drawn beside it.
 */
export function heading(
	doc: Doc,
	text: string,
	options: { size?: number; level?: HeadingLevel; keep?: number; indent?: number } = {}
) {
	const size = options.size ?? 16;
	const indent = options.indent ?? 0;
	const width = contentWidth(doc) - indent;
	doc.font('bold').fontSize(size);
	const height = doc.heightOfString(text, { width }) + size * 0.9;
	ensureSpace(doc, height + (options.keep ?? 42));
	doc.moveDown(0.6);
	const top = doc.y;
	block(doc, `H${options.level ?? 2}`, () =>
		doc.fillColor(INK).text(text, MARGIN + indent, top, { width })
	);
	doc.x = MARGIN;
	doc.moveDown(0.3);
	return top;
}

export function paragraph(
	doc: Doc,
	text: string,
	options: { size?: number; colour?: string } = {}
) {
	doc
		.font('regular')
		.fontSize(options.size ?? 10)
		.fillColor(options.colour ?? INK);
	// A paragraph of two lines or fewer is not split; a longer one may be, leaving two lines on each page.
	const line = doc.currentLineHeight(true) + 2;
	ensureSpace(doc, Math.min(paragraphHeight(doc, text), 2 * line));
	block(doc, 'P', () =>
		doc.text(text, MARGIN, undefined, { width: contentWidth(doc), lineGap: 2 })
	);
	doc.moveDown(0.4);
}

function paragraphHeight(doc: Doc, text: string) {
	return doc.heightOfString(text, { width: contentWidth(doc), lineGap: 2 });
}

/** A piece of a list item's text, with a link where it names something to open. */
export interface TextRun {
	text: string;
	link?: string;
	colour?: string;
}

/**
 * A list (L, LI, Lbl, LBody): each item's label (a bullet or a number) hangs left of its text, and an item is never
 * split across pages.
 */
export function list(
	doc: Doc,
	items: TextRun[][],
	options: { size?: number; indent?: number; label?: (index: number) => string } = {}
) {
	const size = options.size ?? 9.5;
	const left = MARGIN + (options.indent ?? 0);
	const labelWidth = 14;
	const width = MARGIN + contentWidth(doc) - left - labelWidth;
	group(doc, 'L', () =>
		items.forEach((runs, index) => {
			doc.font('regular').fontSize(size);
			const text = runs.map((run) => run.text).join('');
			ensureSpace(doc, doc.heightOfString(text, { width, lineGap: 1.5 }));
			const top = doc.y;
			group(doc, 'LI', () => {
				block(doc, 'Lbl', () =>
					doc
						.fillColor(MUTED)
						.text(options.label?.(index) ?? '•', left, top, { width: labelWidth, lineBreak: false })
				);
				block(doc, 'LBody', () => {
					doc.x = left + labelWidth;
					doc.y = top;
					runs.forEach((run, at) => {
						const options = {
							width,
							lineGap: 1.5,
							link: run.link ?? null,
							underline: run.link !== undefined,
							continued: at < runs.length - 1
						};
						doc.fillColor(run.colour ?? (run.link ? LINK : INK));
						// The first run sets the place; the others continue the line where it stopped.
						if (at === 0) doc.text(run.text, left + labelWidth, top, options);
						else doc.text(run.text, options);
					});
				});
			});
			doc.x = MARGIN;
			doc.moveDown(0.15);
		})
	);
	doc.moveDown(0.4);
}

/**
 * A chart drawn by `draw` in a box `height` points tall, tagged as a figure whose alternative text is `alt`: the same
 * figures in words, as a screen reader will say them.
 */
export function figure(doc: Doc, alt: string, height: number, draw: (top: number) => void) {
	ensureSpace(doc, height);
	const top = doc.y;
	block(doc, 'Figure', () => draw(top), { alt });
	doc.x = MARGIN;
	doc.y = top + height;
}

/**
 * A table (Table, TR, TH, TD): bold header row and rules between rows; `numeric` right-aligns every column but the
 * first. A row is never split across pages.
 */
export function table(
	doc: Doc,
	head: string[],
	rows: string[][],
	widths: number[],
	numeric = false
) {
	const row = (cells: string[], header: boolean) => {
		doc.font(header ? 'bold' : 'regular').fontSize(9.5);
		const height =
			Math.max(...cells.map((cell, i) => doc.heightOfString(cell, { width: widths[i] - 8 }))) + 8;
		ensureSpace(doc, height);
		const top = doc.y;
		group(doc, 'TR', () => {
			let x = MARGIN;
			cells.forEach((cell, i) => {
				const left = x;
				block(doc, header ? 'TH' : 'TD', () =>
					doc.fillColor(INK).text(cell, left + 4, top + 4, {
						width: widths[i] - 8,
						align: numeric && i > 0 ? 'right' : 'left'
					})
				);
				x += widths[i];
			});
		});
		artifact(doc, () =>
			doc
				.moveTo(MARGIN, top + height)
				.lineTo(MARGIN + widths.reduce((a, b) => a + b, 0), top + height)
				.lineWidth(0.5)
				.strokeColor(RULE)
				.stroke()
		);
		doc.x = MARGIN;
		doc.y = top + height;
	};
	group(doc, 'Table', () => {
		if (head.length > 0) row(head, true);
		for (const cells of rows) row(cells, false);
	});
	doc.moveDown(0.6);
}

/** The chamber's logo, when it is an image pdfkit can read; a damaged logo is left out rather than failing. */
export function logo(doc: Doc, dataUrl: string, x: number, y: number) {
	try {
		const image = Buffer.from(dataUrl.slice(dataUrl.indexOf(',') + 1), 'base64');
		// Beside the chamber's printed name, the logo adds nothing a reader would miss.
		artifact(doc, () => doc.image(image, x, y, { fit: [150, 60] }));
		return 70;
	} catch {
		return 0;
	}
}

/**
 * The band across the top of a report's first page and, for a report made for a chamber, its logo and name from
 * `top` down: the SME report and the chamber report open alike, so a chamber's members recognise both.
 */
export function masthead(
	doc: Doc,
	chamber: { name: string; logo: string | null } | null,
	top: number
) {
	artifact(doc, () => doc.rect(0, 0, doc.page.width, 10).fill(PRIMARY));
	if (!chamber) return;
	doc.y = top;
	if (chamber.logo) doc.y += logo(doc, chamber.logo, MARGIN, doc.y);
	doc.font('bold').fontSize(11);
	block(doc, 'P', () => doc.fillColor(MUTED).text(chamber.name, MARGIN, doc.y));
}

/** Writes the footer and `page X of Y` on every page, once the page count is known. */
export function footers(
	doc: Doc,
	text: { footer: string; pageOf: string },
	format: (value: number) => string
) {
	const range = doc.bufferedPageRange();
	for (let index = range.start; index < range.start + range.count; index++) {
		doc.switchToPage(index);
		// Writing inside the bottom margin would otherwise make pdfkit start yet another page.
		const bottom = doc.page.margins.bottom;
		doc.page.margins.bottom = 0;
		const y = doc.page.height - FOOTER_SPACE + 8;
		const width = contentWidth(doc);
		const page = text.pageOf
			.replace('{{page}}', format(index + 1))
			.replace('{{pages}}', format(range.count));
		artifact(
			doc,
			() => {
				doc
					.moveTo(MARGIN, y - 6)
					.lineTo(MARGIN + width, y - 6)
					.lineWidth(0.5)
					.strokeColor(RULE)
					.stroke();
				doc.font('regular').fontSize(8).fillColor(MUTED);
				doc.text(text.footer, MARGIN, y, { width: width * 0.7, lineBreak: false, ellipsis: true });
				doc.text(page, MARGIN + width * 0.7, y, {
					width: width * 0.3,
					align: 'right',
					lineBreak: false
				});
			},
			'Pagination'
		);
		doc.page.margins.bottom = bottom;
	}
}

/** Starts an A4 document in the product's fonts; `finish` turns it into bytes. */
export function newDocument(options: { locale: Locale; title: string }) {
	const doc = new PDFDocument({
		size: 'A4',
		margins: { top: MARGIN, left: MARGIN, right: MARGIN, bottom: MARGIN + FOOTER_SPACE / 2 },
		bufferPages: true,
		tagged: true,
		lang: options.locale,
		displayTitle: true,
		info: { Title: options.title, Author: 'Yeşil Hazırlık', Creator: 'Yeşil Hazırlık' }
	});
	doc.registerFont('regular', FONTS.regular);
	doc.registerFont('bold', FONTS.bold);
	// Regular first, as pdfkit names the fonts in the order they are first used.
	shareLayouts(doc, 'regular');
	shareLayouts(doc, 'bold');
	doc.font('regular');
	startStructure(doc);
	const chunks: Buffer[] = [];
	doc.on('data', (chunk: Buffer) => chunks.push(chunk));
	const ended = new Promise<void>((resolve, reject) => {
		doc.on('end', resolve);
		doc.on('error', reject);
	});
	const numbers = new Intl.NumberFormat(intlTags[options.locale], { maximumFractionDigits: 1 });
	return {
		doc,
		/** Numbers the locale's way, one decimal at most. */
		format: (value: number) => numbers.format(value),
		async finish(): Promise<Uint8Array<ArrayBuffer>> {
			doc.end();
			await ended;
			return packObjects(Buffer.concat(chunks));
		}
	};
}
