import { renderChamberPdf } from './chamber-document';
import { formatTonnes } from '../../i18n/format';
import { chartText, drawRadar, drawSourceBars, drawThemeBars } from './draw-charts';
import type { ReportModel, ReportRecommendation } from './model';
import { planPage } from './plan-page';
import { symbiosisPage } from './symbiosis-page';
import { vsmePage } from './vsme-page';
import {
	contentWidth,
	ensureSpace,
	figure,
	footers,
	heading,
	headline,
	INK,
	list,
	MARGIN,
	masthead,
	MUTED,
	newDocument,
	pageSpace,
	paragraph,
	PRIMARY,
	table,
	type Doc,
	type TextRun
} from './pdf-document';
import { artifact } from './pdf-tags';

/**
 * Draws an SME's report as an A4 PDF from its ready, localised model. This module is what the report worker threads
 * load (see index.ts), so it imports only pdfkit and relative modules: no database, no i18next, no `$lib` alias. It
 * also hands the workers the chamber report.
 */

/** A recommendation's resources as list items: the title linking to the resource, then what it is. */
function resourceItems(item: ReportRecommendation): TextRun[][] {
	return item.resources.map((resource) => [
		{ text: resource.title, link: resource.url, colour: resource.url ? undefined : INK },
		{ text: ` · ${resource.note}`, colour: MUTED }
	]);
}

/**
 * The height a recommendation takes: it is kept on one page when it fits one, so that no page holds only the tail of
 * its list of resources.
 */
function recommendationHeight(doc: Doc, item: ReportRecommendation, resourcesLabel: string) {
	const width = contentWidth(doc);
	const height = (text: string | null, font: 'regular' | 'bold', size: number) =>
		text ? doc.font(font).fontSize(size).heightOfString(text, { width, lineGap: 2 }) + 4 : 0;
	const resources = item.resources.length
		? height(resourcesLabel, 'regular', 9) +
			item.resources.reduce(
				(sum, resource) => sum + height(`${resource.title} · ${resource.note}`, 'regular', 9),
				0
			)
		: 0;
	const total =
		height(item.title, 'bold', 10.5) +
		height(item.grades, 'regular', 8.5) +
		height(item.cost, 'regular', 8.5) +
		height(item.why, 'regular', 9.5) +
		height(item.text, 'regular', 9.5) +
		resources +
		20;
	return Math.min(total, pageSpace(doc) / 2);
}

/** A recommendation: title, impact and effort, text, and its resources as clickable links. */
function recommendation(doc: Doc, item: ReportRecommendation, resourcesLabel: string) {
	ensureSpace(doc, recommendationHeight(doc, item, resourcesLabel));
	heading(doc, item.title, { size: 10.5, level: 4, keep: 30 });
	for (const note of [item.grades, item.cost]) {
		if (note) paragraph(doc, note, { size: 8.5, colour: MUTED });
	}
	if (item.why) paragraph(doc, item.why, { size: 9.5 });
	paragraph(doc, item.text, { size: 9.5 });
	if (item.resources.length > 0) {
		paragraph(doc, resourcesLabel, { size: 9, colour: MUTED });
		list(doc, resourceItems(item), { size: 9, indent: 8 });
	}
	doc.moveDown(0.4);
}

function cover(doc: Doc, model: ReportModel) {
	masthead(doc, model.chamber, 72);
	doc.x = MARGIN;
	doc.y = 260;
	headline(doc, model.title, 26, PRIMARY, 'H1');
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
	heading(doc, summary.heading, { size: 20 });
	paragraph(doc, summary.overallLabel, { colour: MUTED });
	headline(doc, summary.overall, 30);
	headline(doc, summary.level, 13, INK);
	doc.moveDown(0.2);
	paragraph(doc, summary.levelDescription);
	if (summary.change) paragraph(doc, summary.change, { colour: MUTED });

	figure(doc, chartText(summary.radar, format), 184, (top) =>
		drawRadar(
			doc,
			summary.radar,
			{ x: MARGIN, y: top, width: contentWidth(doc), height: 180 },
			format
		)
	);
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

	heading(doc, summary.prioritiesHeading, { size: 14, level: 3 });
	if (summary.priorities.length === 0) paragraph(doc, summary.noRecommendations);
	// A priority on the one-page summary: its rank, title, grades and cost; the details are on its theme's page.
	list(
		doc,
		summary.priorities.map((item) => [
			{ text: `${item.title}\n` },
			{ text: [item.grades, item.cost].filter(Boolean).join(' · '), colour: MUTED }
		]),
		{ size: 10, label: (index) => `${index + 1}.` }
	);
}

function themePage(
	doc: Doc,
	model: ReportModel,
	theme: ReportModel['themes'][number],
	format: (value: number) => string
) {
	doc.addPage();
	const top = heading(doc, theme.title, { size: 18, indent: 14 });
	artifact(doc, () => doc.rect(MARGIN, top - 1, 6, 22).fill(theme.colour));
	headline(doc, theme.score, 12);
	doc.moveDown(0.5);
	if (typeof theme.bar.data.datasets[0]?.data[0] === 'number') {
		const height = theme.bar.data.datasets.length * 20 + 16;
		figure(doc, chartText(theme.bar, format), height, (y) =>
			drawThemeBars(doc, theme.bar, { x: MARGIN, y, width: contentWidth(doc), height }, format)
		);
		paragraph(doc, theme.benchmark, { size: 8.5, colour: MUTED });
	}

	heading(doc, theme.answersHeading, { size: 13, level: 3 });
	const width = contentWidth(doc);
	table(
		doc,
		[],
		theme.answers.map((entry) => [entry.question, entry.answer]),
		[width * 0.62, width * 0.38]
	);

	const [first] = theme.recommendations;
	heading(doc, theme.recommendationsHeading, {
		size: 13,
		level: 3,
		keep: first ? recommendationHeight(doc, first, model.resourcesLabel) : undefined
	});
	if (theme.recommendations.length === 0) paragraph(doc, theme.noRecommendations);
	for (const item of theme.recommendations) recommendation(doc, item, model.resourcesLabel);
}

/** The carbon estimate and the CBAM screen on a page of their own, after the themes. */
function carbonPage(doc: Doc, model: ReportModel) {
	const { carbon, cbam } = model;
	// Tonnes as the table and the lines above print them, so the chart cannot round a figure differently.
	const tonnes = (value: number) => formatTonnes(model.locale, value);
	doc.addPage();
	heading(doc, carbon.heading, { size: 18 });
	for (const line of carbon.lines) paragraph(doc, line);
	const width = contentWidth(doc);
	if (carbon.chart) {
		const chart = carbon.chart;
		const height = (chart.data.labels?.length ?? 0) * 20 + 8;
		figure(doc, chartText(chart, tonnes), height, (y) =>
			drawSourceBars(doc, chart, { x: MARGIN, y, width, height }, tonnes)
		);
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
		heading(doc, carbon.referencesHeading, { size: 11, level: 3 });
		list(
			doc,
			carbon.references.map((reference) => [
				{ text: reference.title, link: reference.url },
				{ text: ` (${reference.label})`, colour: MUTED }
			]),
			{ size: 8.5 }
		);
	}
	for (const note of carbon.notes) paragraph(doc, note, { size: 8.5, colour: MUTED });

	if (!cbam) return;
	heading(doc, cbam.heading, { size: 16 });
	if (cbam.legacyNote) paragraph(doc, cbam.legacyNote, { size: 9.5, colour: MUTED });
	for (const finding of cbam.findings) {
		heading(doc, finding.title, { size: 12, level: 3 });
		paragraph(doc, finding.text);
		heading(doc, finding.reasonsHeading, { size: 11, level: 4 });
		list(
			doc,
			finding.reasons.map((reason) => [{ text: reason }])
		);
	}
	const [first] = cbam.actions;
	heading(doc, cbam.actionsHeading, {
		size: 12,
		level: 3,
		keep: first ? recommendationHeight(doc, first, model.resourcesLabel) : undefined
	});
	for (const action of cbam.actions) recommendation(doc, action, model.resourcesLabel);
	if (cbam.dates.length > 0) {
		heading(doc, cbam.datesHeading, { size: 12, level: 3 });
		list(
			doc,
			cbam.dates.map((entry) => [{ text: entry }])
		);
	}
	paragraph(doc, cbam.note, { size: 8.5, colour: MUTED });
}

function appendix(doc: Doc, model: ReportModel) {
	doc.addPage();
	heading(doc, model.appendix.heading, { size: 18 });
	for (const text of model.appendix.paragraphs) paragraph(doc, text);
	heading(doc, model.appendix.levelsHeading, { size: 13, level: 3 });
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
	carbonPage(doc, model);
	vsmePage(doc, model.vsme);
	symbiosisPage(doc, model.symbiosis);
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
