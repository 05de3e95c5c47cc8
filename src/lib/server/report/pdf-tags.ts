/**
 * The structure of a tagged PDF: what a screen reader reads (headings, paragraphs, lists, tables, figures with their
 * text equivalent) and what it skips (rules, bands, page footers). Every block a document helper draws goes into the
 * element that is open at the time, so a page drawn only with the helpers of pdf-document.ts is tagged as a whole.
 *
 * pdfkit closes any open marked content when new marked content starts, so marked content never nests: a block's
 * drawing must not open another block, and structure that nests (a list, a table) is built with `group`, whose own
 * element holds no content.
 */

type Doc = PDFKit.PDFDocument;
type Element = PDFKit.PDFStructureElement;

/** A standard structure type (PDF 1.7, 14.8.4) this product uses. */
export type BlockType = 'H1' | 'H2' | 'H3' | 'H4' | 'P' | 'Lbl' | 'LBody' | 'TH' | 'TD' | 'Figure';
export type GroupType = 'Sect' | 'L' | 'LI' | 'Table' | 'TR';

/** The open elements of each document, innermost last; a document is drawn by one call at a time. */
const open = new WeakMap<Doc, Element[]>();

/**
 * Starts the structure tree of a document made with `tagged: true`: one Document element holding every block (pdfkit
 * ends it with the document).
 */
export function startStructure(doc: Doc) {
	const root = doc.struct('Document');
	doc.addStructure(root);
	open.set(doc, [root]);
}

function current(doc: Doc): Element {
	const element = open.get(doc)?.at(-1);
	if (!element) throw new Error('The document has no structure: start it with startStructure');
	return element;
}

/** Draws one block (a heading, a paragraph, a cell, a figure with its `alt` text) as an element of its type. */
export function block(doc: Doc, type: BlockType, draw: () => void, options: { alt?: string } = {}) {
	current(doc).add(doc.struct(type, options, draw));
}

/** Puts the blocks `fill` draws into one element (a list and its items, a table and its rows). */
export function group(doc: Doc, type: GroupType, fill: () => void) {
	const element = doc.struct(type);
	current(doc).add(element);
	const stack = open.get(doc)!;
	stack.push(element);
	try {
		fill();
	} finally {
		stack.pop();
		element.end();
	}
}

/** Draws what carries no content of its own (rules, colour bands, page footers) so that readers skip it. */
export function artifact(doc: Doc, draw: () => void, type: 'Layout' | 'Pagination' = 'Layout') {
	doc.markContent('Artifact', { type });
	draw();
	doc.endMarkedContent();
}
