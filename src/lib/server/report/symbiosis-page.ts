import type { ReportSymbiosis } from './symbiosis-model';
import { contentWidth, heading, MUTED, paragraph, table, type Doc } from './pdf-document';

/**
 * Draws the firm's symbiosis listing on a page of its own. Loaded in the report worker threads, so it imports only
 * relative modules (and the model's type).
 */
export function symbiosisPage(doc: Doc, symbiosis: ReportSymbiosis | null) {
	if (!symbiosis) return;
	doc.addPage();
	heading(doc, symbiosis.heading, { size: 18 });
	paragraph(doc, symbiosis.intro, { size: 9.5, colour: MUTED });
	const width = contentWidth(doc);
	table(
		doc,
		symbiosis.table.head,
		symbiosis.table.rows,
		[0.12, 0.22, 0.16, 0.22, 0.28].map((share) => share * width)
	);
	for (const note of symbiosis.notes) paragraph(doc, note, { size: 9.5 });
}
