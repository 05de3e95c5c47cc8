import type { ReportVsme } from './vsme-model';
import { contentWidth, heading, MUTED, paragraph, table, type Doc } from './pdf-document';

/**
 * Draws the VSME data sheet on a page of its own, with the report's heading and table helpers. Loaded in the report
 * worker threads, so it imports only relative modules (and the model's type).
 */
export function vsmePage(doc: Doc, vsme: ReportVsme | null) {
	if (!vsme) return;
	doc.addPage();
	heading(doc, vsme.heading, { size: 18 });
	paragraph(doc, vsme.intro, { size: 9.5, colour: MUTED });
	const width = contentWidth(doc);
	table(
		doc,
		vsme.table.head,
		vsme.table.rows,
		[0.55, 0.2, 0.08, 0.17].map((share) => share * width)
	);
	paragraph(doc, vsme.missing, { size: 9.5 });
	for (const note of vsme.notes) paragraph(doc, note, { size: 9.5, colour: MUTED });
	paragraph(doc, vsme.notCovered, { size: 9.5 });
}
