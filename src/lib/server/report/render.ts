import { renderChamberPdf } from './chamber-document';
import { drawRadar, drawSourceBars, flowThemeBars } from './draw-charts';
import type { ReportModel, ReportRecommendation } from './model';
import { planPage } from './plan-page';
import {
	contentWidth,
	ensureSpace,
	footers,
	heading,
	headline,
	INK,
	LINK,
	MARGIN,
	masthead,
	MUTED,
	newDocument,
	paragraph,
	PRIMARY,
	table,
	type Doc
} from './pdf-document';

/**
 * Draws an SME's report as an A4 PDF from its ready, localised model. This module is what the report worker threads
 * load (see index.ts), so it imports only pdfkit and relative modules: no database, no i18next, no `$lib` alias. It
 * also hands the workers the chamber report.
 */

/** A recommendation: title, impact and effort, text, and its resources as clickable links. */
function recommendation(doc: Doc, item: ReportRecommendation, resourcesLabel: string) {
	const width = contentWidth(doc);
	doc.font('bold').fontSize(10.5);
	ensureSpace(doc, doc.heightOfString(item.title, { width }) + 60);
	doc.fillColor(INK).text(item.title, MARGIN, undefined, { width });
	const note = (words: string | null) => {
		if (words) doc.font('regular').fontSize(8.5).fillColor(MUTED).text(words, { width });
	};
	note(item.grades);
	note(item.cost);
	doc.font('regular').moveDown(0.2);
	if (item.why) doc.fontSize(9.5).fillColor(INK).text(item.why, { width, lineGap: 1.5 });
	doc.fontSize(9.5).fillColor(INK).text(item.text, { width, lineGap: 1.5 });
	if (item.resources.length > 0) {
		doc.moveDown(0.2).fontSize(9).fillColor(MUTED).text(resourcesLabel, { width });
		for (const resource of item.resources) {
			doc
				.fillColor(MUTED)
				.text('•  ', MARGIN + 8, undefined, { continued: true, width: width - 8 })
				.fillColor(resource.url ? LINK : INK)
				.text(resource.title, {
					link: resource.url,
					underline: resource.url !== undefined,
					continued: true
				})
				.fillColor(MUTED)
				.text(` · ${resource.note}`, { link: undefined, underline: false });
		}
	}
	doc.x = MARGIN;
	doc.moveDown(0.8);
}

function cover(doc: Doc, model: ReportModel) {
	masthead(doc, model.chamber, 72);
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
		headline(doc, model.company, 18, INK);
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

/** A priority on the one-page summary: its rank, title, grades and cost; the details are on its theme's page. */
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
		.text([item.grades, item.cost].filter(Boolean).join(' · '), MARGIN + 18, undefined, {
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
		flowThemeBars(doc, theme.bar, { x: MARGIN, y: doc.y, width: contentWidth(doc) }, format);
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

/** The carbon estimate and the CBAM screen on a page of their own, after the themes. */
function carbonPage(doc: Doc, model: ReportModel, format: (value: number) => string) {
	const { carbon, cbam } = model;
	doc.addPage();
	heading(doc, carbon.heading, 18);
	for (const line of carbon.lines) paragraph(doc, line);
	const width = contentWidth(doc);
	if (carbon.chart) {
		const rows = carbon.chart.data.labels?.length ?? 0;
		ensureSpace(doc, rows * 20 + 24);
		const box = { x: MARGIN, y: doc.y, width, height: 0 };
		drawSourceBars(doc, carbon.chart, box, format);
		doc.x = MARGIN;
		doc.y = box.y + rows * 20 + 8;
	}
	if (carbon.table) {
		table(
			doc,
			carbon.table.head,
			carbon.table.rows,
			[0.36, 0.1, 0.2, 0.17, 0.17].map((share) => share * width),
			true
		);
	}
	if (carbon.references.length > 0) {
		heading(doc, carbon.referencesHeading, 11);
		doc.font('regular').fontSize(8.5);
		for (const reference of carbon.references) {
			doc
				.fillColor(MUTED)
				.text('•  ', MARGIN, undefined, { continued: true, width })
				.fillColor(LINK)
				.text(reference.title, { link: reference.url, underline: true, continued: true })
				.fillColor(MUTED)
				.text(` (${reference.label})`, { link: undefined, underline: false });
		}
		doc.moveDown(0.6);
	}
	for (const note of carbon.notes) paragraph(doc, note, { size: 8.5, colour: MUTED });

	if (!cbam) return;
	heading(doc, cbam.heading, 16);
	if (cbam.legacyNote) paragraph(doc, cbam.legacyNote, { size: 9.5, colour: MUTED });
	for (const finding of cbam.findings) {
		doc
			.font('bold')
			.fontSize(12)
			.fillColor(PRIMARY)
			.text(finding.title, MARGIN, undefined, { width });
		doc.moveDown(0.3);
		paragraph(doc, finding.text);
		heading(doc, finding.reasonsHeading, 11);
		for (const reason of finding.reasons) paragraph(doc, `•  ${reason}`, { size: 9.5 });
	}
	heading(doc, cbam.actionsHeading, 12);
	for (const action of cbam.actions) recommendation(doc, action, model.resourcesLabel);
	if (cbam.dates.length > 0) {
		heading(doc, cbam.datesHeading, 12);
		for (const entry of cbam.dates) paragraph(doc, `•  ${entry}`, { size: 9.5 });
	}
	paragraph(doc, cbam.note, { size: 8.5, colour: MUTED });
}

function appendix(doc: Doc, model: ReportModel) {
	doc.addPage();
	heading(doc, model.appendix.heading, 18);
	for (const text of model.appendix.paragraphs) paragraph(doc, text);
	heading(doc, model.appendix.levelsHeading, 13);
	const width = contentWidth(doc);
	table(doc, [], model.appendix.levels, [width * 0.6, width * 0.4], true);
}

/** The whole report as PDF bytes. */
export async function renderPdf(model: ReportModel): Promise<Uint8Array<ArrayBuffer>> {
	const { doc, format, finish } = newDocument({
		locale: model.locale,
		title: model.company ? `${model.title}: ${model.company}` : model.title
	});
	cover(doc, model);
	summary(doc, model, format);
	planPage(doc, model.plan);
	for (const theme of model.themes) themePage(doc, model, theme, format);
	carbonPage(doc, model, format);
	appendix(doc, model);
	footers(doc, model, format);
	return finish();
}

/** A report for the worker threads to draw: an SME's or a chamber's. */
export type ReportJob =
	| { kind: 'sme'; model: ReportModel }
	| { kind: 'chamber'; model: Parameters<typeof renderChamberPdf>[0] };

/** The one function the worker threads call. */
export function renderDocument(job: ReportJob): Promise<Uint8Array<ArrayBuffer>> {
	return job.kind === 'sme' ? renderPdf(job.model) : renderChamberPdf(job.model);
}

/** Where this module lives: the file the report worker threads load. */
export const rendererUrl = import.meta.url;
