import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as fontkit from 'fontkit';
import type { Font } from 'fontkit';
import PDFDocument from 'pdfkit';
import { palette } from '../../charts/palette';
import { intlTags, type Locale } from '../../i18n/locales';
import { sharedFont } from './glyph-cache';

/**
 * What every PDF of the product shares: A4 pages with the embedded fonts, the house colours, headings, paragraphs,
 * tables, the chamber's logo and the footer with page numbers. Loaded in the report worker threads, so it imports
 * only pdfkit and relative modules.
 */

const require = createRequire(import.meta.url);
/**
 * Noto Sans covers every Turkish letter; the TrueType files are embedded (as subsets), so the PDF needs no installed
 * font and its text stays searchable and copyable. Parsed once per thread and shared by every report, with the shaping
 * of words shared too (see glyph-cache.ts).
 */
function loadFont(file: string) {
	const font = fontkit.create(
		readFileSync(require.resolve(`@expo-google-fonts/noto-sans/${file}`))
	) as Font;
	// pdfkit takes a parsed fontkit font (its changelog: "Accept already-parsed fontkit Font instances"); the
	// community typings only list file sources.
	return sharedFont(font) as unknown as Buffer;
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

/** A line of large bold type across the content width, where the text flows: a title, or the firm under it. */
export function headline(doc: Doc, text: string, size: number, colour: string = PRIMARY) {
	doc
		.font('bold')
		.fontSize(size)
		.fillColor(colour)
		.text(text, { width: contentWidth(doc) });
}

export function heading(doc: Doc, text: string, size = 16) {
	ensureSpace(doc, size * 4);
	doc.moveDown(0.6).font('bold').fontSize(size).fillColor(INK).text(text, MARGIN);
	doc.moveDown(0.3);
}

export function paragraph(
	doc: Doc,
	text: string,
	options: { size?: number; colour?: string } = {}
) {
	doc
		.font('regular')
		.fontSize(options.size ?? 10)
		.fillColor(options.colour ?? INK)
		.text(text, MARGIN, undefined, { width: contentWidth(doc), lineGap: 2 });
	doc.moveDown(0.4);
}

/** A simple table: bold header row and rules between rows; `numeric` right-aligns every column but the first. */
export function table(
	doc: Doc,
	head: string[],
	rows: string[][],
	widths: number[],
	numeric = false
) {
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

/** The chamber's logo, when it is an image pdfkit can read; a damaged logo is left out rather than failing. */
export function logo(doc: Doc, dataUrl: string, x: number, y: number) {
	try {
		const image = Buffer.from(dataUrl.slice(dataUrl.indexOf(',') + 1), 'base64');
		doc.image(image, x, y, { fit: [150, 60] });
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
	doc.rect(0, 0, doc.page.width, 10).fill(PRIMARY);
	if (!chamber) return;
	doc.y = top;
	if (chamber.logo) doc.y += logo(doc, chamber.logo, MARGIN, doc.y);
	doc.font('bold').fontSize(11).fillColor(MUTED).text(chamber.name, MARGIN, doc.y);
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
		doc
			.moveTo(MARGIN, y - 6)
			.lineTo(MARGIN + width, y - 6)
			.lineWidth(0.5)
			.strokeColor(RULE)
			.stroke();
		doc.font('regular').fontSize(8).fillColor(MUTED);
		doc.text(text.footer, MARGIN, y, { width: width * 0.7, lineBreak: false, ellipsis: true });
		const page = text.pageOf
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

/** Starts an A4 document in the product's fonts; `finish` turns it into bytes. */
export function newDocument(options: { locale: Locale; title: string }) {
	const doc = new PDFDocument({
		size: 'A4',
		margins: { top: MARGIN, left: MARGIN, right: MARGIN, bottom: MARGIN + FOOTER_SPACE / 2 },
		bufferPages: true,
		lang: options.locale,
		displayTitle: true,
		info: { Title: options.title, Author: 'Yeşil Hazırlık', Creator: 'Yeşil Hazırlık' }
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
	const numbers = new Intl.NumberFormat(intlTags[options.locale], { maximumFractionDigits: 1 });
	return {
		doc,
		/** Numbers the locale's way, one decimal at most. */
		format: (value: number) => numbers.format(value),
		async finish(): Promise<Uint8Array<ArrayBuffer>> {
			doc.end();
			await ended;
			return new Uint8Array(Buffer.concat(chunks));
		}
	};
}
