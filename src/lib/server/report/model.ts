import type { ChartConfiguration } from 'chart.js';
import { createTranslator, type Locale } from '$lib/i18n';
import { formatDate, formatNumber } from '$lib/i18n/format';
import { presentCarbon, type CarbonPresentation } from '$lib/presenters/carbon';
import { presentCbam } from '$lib/presenters/cbam';
import type { PresentedRecommendation } from '$lib/presenters/recommendation';
import { presentResults } from '$lib/presenters/results';
import { answerText, answerWords } from '$lib/questionnaire/answer-text';
import { localize } from '$lib/questionnaire/localize';
import { profileFacts } from '$lib/questionnaire/profile';
import { visibleQuestionIds } from '$lib/questionnaire/visibility';
import type { Opened } from '../assessment/assessment-service';
import { catalogue } from '../content';
import { resultsView } from '../assessment/results-view';
import { planView } from '../assessment/action-plan';
import { planModel, type ReportPlan } from './plan-model';
import { symbiosisView } from '../assessment/symbiosis';
import { symbiosisModel, type ReportSymbiosis } from './symbiosis-model';
import { vsmeModel, type ReportVsme } from './vsme-model';
import { storedVsme } from '../assessment/vsme-view';

/** A recommendation as printed: title, text, impact and effort in words, and its resources as links. */
export interface ReportRecommendation {
	title: string;
	text: string;
	/** Impact and effort in words; null where there are none (the CBAM screen's actions). */
	grades: string | null;
	/** "Because: …" and the cost class with its payback, where the recommendation has them. */
	why: string | null;
	cost: string | null;
	resources: { title: string; note: string; url?: string }[];
}

/**
 * Everything the PDF prints, already in the report's language and formatted. It is plain data so that it can be sent
 * to the worker thread that draws the PDF, which then needs neither the database nor i18next.
 */
export interface ReportModel {
	locale: Locale;
	/** The document's metadata title and its cover title. */
	title: string;
	company: string | null;
	chamber: { name: string; logo: string | null } | null;
	cover: string[];
	summary: {
		heading: string;
		overallLabel: string;
		overall: string;
		level: string;
		levelDescription: string;
		change: string | null;
		radar: ChartConfiguration<'radar'>;
		radarCaption: string;
		table: { head: string[]; rows: string[][]; caption: string };
		prioritiesHeading: string;
		priorities: ReportRecommendation[];
		noRecommendations: string;
	};
	themes: {
		title: string;
		colour: string;
		score: string;
		/** The theme's bars (the SME and, where a group is large enough, its peers), from the results bar chart. */
		bar: ChartConfiguration<'bar'>;
		benchmark: string;
		answersHeading: string;
		answers: { question: string; answer: string }[];
		recommendationsHeading: string;
		recommendations: ReportRecommendation[];
		noRecommendations: string;
	}[];
	/** The Scope 1 and 2 estimate: the lines to print, the chart, the table and where the factors come from. */
	carbon: {
		heading: string;
		lines: string[];
		chart: ChartConfiguration<'bar'> | null;
		table: { head: string[]; rows: string[][] } | null;
		referencesHeading: string;
		references: { label: string; title: string; url: string }[];
		notes: string[];
	};
	/** The CBAM screen; null for results from before it existed. */
	cbam: {
		heading: string;
		legacyNote: string | null;
		/** Each finding (exposure and readiness, or a 1.x result's level) as `label: value`, its text and reasons. */
		findings: { title: string; text: string; reasonsHeading: string; reasons: string[] }[];
		actionsHeading: string;
		actions: ReportRecommendation[];
		datesHeading: string;
		dates: string[];
		note: string;
	} | null;
	/** The firm's action plan; null when it has none. */
	plan: ReportPlan | null;
	/** The VSME data sheet (B3, B6, B7); null when no emission factors are loaded. */
	vsme: ReportVsme | null;
	/** The firm's symbiosis listing; null when the exchange is not offered or nothing is listed. */
	symbiosis: ReportSymbiosis | null;
	resourcesLabel: string;
	appendix: { heading: string; paragraphs: string[]; levelsHeading: string; levels: string[][] };
	disclaimer: string;
	footer: string;
	/** `Page {{page}} of {{pages}}`, filled in once the page count is known. */
	pageOf: string;
	/** The download's file name, without a path. */
	fileName: string;
}

/** `Örnek Çağ Tekstil A.Ş.` -> `ornek-cag-tekstil-a-s`: the company name as a safe, readable file name part. */
export function fileNamePart(text: string): string {
	return text
		.toLocaleLowerCase('tr-TR')
		.replace(/ı/g, 'i')
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '')
		.slice(0, 40)
		.replace(/-+$/, '');
}

/** The carbon estimate as the report prints it, from the same presentation as the results page. */
function carbonSection({
	heading,
	none,
	referencesHeading,
	estimate
}: CarbonPresentation): ReportModel['carbon'] {
	if (!estimate) {
		return {
			heading,
			lines: [none],
			chart: null,
			table: null,
			referencesHeading,
			references: [],
			notes: []
		};
	}
	const named = ({ name, value }: { name: string; value: string }) => `${name}: ${value}`;
	return {
		heading,
		lines: [
			named(estimate.total),
			...estimate.scopes.map(named),
			...(estimate.biogenic ? [named(estimate.biogenic)] : []),
			...(estimate.intensity?.lines ?? []),
			...(estimate.intensity?.notes ?? []),
			...(estimate.gridFactor ? [estimate.gridFactor] : []),
			...(estimate.marketBased ? [estimate.marketBased] : []),
			...(estimate.solar ? [estimate.solar] : [])
		],
		chart: estimate.chart?.config ?? null,
		table: { head: estimate.table.head, rows: estimate.table.rows },
		referencesHeading,
		references: estimate.references,
		notes: [
			...estimate.conversions,
			...estimate.ignored,
			estimate.disclaimer,
			estimate.factorsVersion
		]
	};
}

/** Builds the report of a submitted assessment in `locale`. */
export async function reportModel(opened: Opened, locale: Locale): Promise<ReportModel> {
	const t = await createTranslator(locale);
	const view = await resultsView(opened, locale);
	const { assessment, questionnaire } = opened;
	const number = (value: number) => formatNumber(locale, value, { maximumFractionDigits: 1 });
	const company = profileFacts(questionnaire, assessment.answers).companyName?.trim() || null;
	const date = assessment.submittedAt ?? assessment.updatedAt;
	const results = presentResults(view, t, locale);
	const cbam = view.cbam && presentCbam(view.cbam, t, locale);
	const printed = ({ title, text, grades, why, cost, resources }: PresentedRecommendation) => ({
		title,
		text,
		grades,
		why: why ?? null,
		cost: cost ?? null,
		resources: resources.map(({ title, note, url }) => ({ title, note, url }))
	});
	const visible = visibleQuestionIds(questionnaire, assessment.answers);
	const answerContext = {
		locale,
		words: answerWords(t),
		provinces: catalogue().provinces
	};
	return {
		locale,
		title: t('report.title'),
		company,
		chamber: view.chamber,
		cover: [
			t('report.assessed_on', { date: formatDate(locale, date) }),
			t('report.questionnaire', {
				title: view.questionnaire.title,
				version: view.questionnaire.version
			}),
			...(view.chamber ? [t('report.invited_by', { chamber: view.chamber.name })] : [])
		],
		summary: {
			heading: t('report.summary_title'),
			overallLabel: results.overall.heading,
			overall: `${results.overall.score} ${results.overall.of}`,
			level: results.overall.level,
			levelDescription: results.overall.levelDescription,
			change: results.overall.change,
			radar: results.charts.radar,
			radarCaption: results.charts.radarCaption,
			table: results.summaryTable,
			prioritiesHeading: results.prioritiesHeading,
			priorities: results.priorities.map(printed),
			noRecommendations: results.noRecommendations
		},
		themes: results.themes.map((theme) => {
			const definition = questionnaire.themes.find((candidate) => candidate.id === theme.id)!;
			return {
				title: theme.title,
				colour: theme.colour,
				score: theme.score,
				bar: theme.bar,
				benchmark: results.charts.benchmark,
				answersHeading: t('report.answers_title'),
				answers: definition.questions
					.filter((question) => visible.has(question.id))
					.map((question) => ({
						question: localize(question.text, locale),
						answer:
							answerText(question, assessment.answers[question.id], answerContext) ??
							t('report.not_answered')
					})),
				recommendationsHeading: t('report.recommendations_title'),
				recommendations: theme.recommendations.map(printed),
				noRecommendations: t('report.no_theme_recommendations')
			};
		}),
		carbon: carbonSection(presentCarbon(view.carbon, t, locale)),
		cbam: cbam && {
			heading: cbam.heading,
			legacyNote: cbam.legacyNote,
			findings: cbam.findings.map((finding) => ({
				title: `${finding.label}: ${finding.value}`,
				text: finding.text,
				reasonsHeading: finding.reasonsHeading,
				reasons: finding.reasons
			})),
			actionsHeading: cbam.actionsHeading,
			actions: cbam.actions.map(printed),
			datesHeading: cbam.datesHeading,
			dates: cbam.dates.map((entry) => `${entry.when}: ${entry.text}`),
			note: cbam.note
		},
		plan: planModel((await planView(opened, locale)).actions, t, locale),
		vsme: vsmeModel(storedVsme(opened), t, locale),
		symbiosis: symbiosisModel(await symbiosisView(opened, locale), t, locale),
		resourcesLabel: results.resourcesLabel,
		appendix: {
			heading: t('report.appendix_title'),
			paragraphs: [
				t('methodology.scoring_answers'),
				t('methodology.scoring_theme'),
				t('methodology.scoring_overall'),
				t('methodology.scoring_level'),
				t('methodology.na_text'),
				t('methodology.conditional_text'),
				t('methodology.recommendations_text', {
					count: number(questionnaire.recommendations.length)
				})
			],
			levelsHeading: t('methodology.levels_title'),
			levels: view.levels.map((band, index) => [
				band.name,
				t(index === view.levels.length - 1 ? 'methodology.band_last' : 'methodology.band', {
					min: number(band.min),
					max: number(band.max)
				})
			])
		},
		disclaimer: t('report.disclaimer'),
		footer: `${t('app.name')} · ${company ?? t('report.company_unnamed')}`,
		// The renderer fills in the numbers once it knows how many pages there are.
		pageOf: t('report.page_of', { skipInterpolation: true }),
		fileName: `${fileNamePart(company ?? '') || t('report.file_name')}-${date.slice(0, 10)}.pdf`
	};
}
