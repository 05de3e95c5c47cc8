import { PDFDocument, PDFHeader, PDFStreamWriter } from 'pdf-lib';

/**
 * Packs a finished PDF's objects into a compressed object stream (PDF 1.5, 7.5.7), with a compressed cross-reference
 * stream in place of the table, leaving every object as it was.
 *
 * A tagged report is mostly small dictionaries: one structure element for each heading, paragraph, list item and
 * table cell (about 700 in an SME report), each written by pdfkit as an object of its own with a 20-byte entry in
 * the cross-reference table, which together made half the file. pdfkit writes only the classic layout, so pdf-lib
 * rewrites the file: content streams and fonts are copied byte for byte; the dictionaries and the cross-reference
 * table are compressed.
 */
export async function packObjects(bytes: Uint8Array): Promise<Uint8Array<ArrayBuffer>> {
	// Parsed in one go: pdf-lib otherwise waits for the event loop every 100 objects, which a worker thread drawing
	// one report need not do; the title, author and dates stay as pdfkit wrote them.
	const pdf = await PDFDocument.load(bytes, { parseSpeed: Infinity, updateMetadata: false });
	// pdfkit declares 1.3; object streams came with 1.5, and tagged PDF for accessibility (PDF/UA) is based on 1.7.
	pdf.context.header = PDFHeader.forVersion(1, 7);
	// All in one stream (pdf-lib's save makes one per 50 objects): the structure elements repeat the same few keys
	// and types, which compress best together, and a report is small enough for a reader to inflate at once.
	const writer = PDFStreamWriter.forContext(pdf.context, Infinity, true, Infinity);
	return new Uint8Array(await writer.serializeToBuffer());
}
