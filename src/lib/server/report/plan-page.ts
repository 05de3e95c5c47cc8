import type { ReportPlan } from './plan-model';
import { contentWidth, heading, MUTED, paragraph, table, type Doc } from './pdf-document';

/**
 * Draws the firm's action plan on a page of its own, with the report's heading and table helpers. Loaded in the
 * report worker threads, so it imports only relative modules (and the model's type).
 */
export function planPage(doc: Doc, plan: ReportPlan | null) {
	if (!plan) return;
	doc.addPage();
	heading(doc, plan.heading, { size: 18 });
	paragraph(doc, plan.summary, { size: 11 });
	paragraph(doc, plan.intro, { size: 9.5, colour: MUTED });
	const width = contentWidth(doc);
	table(
		doc,
		plan.table.head,
		plan.table.rows,
		[0.42, 0.24, 0.17, 0.17].map((share) => share * width)
	);
}
