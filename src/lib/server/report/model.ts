import type { ChartConfiguration } from 'chart.js';
import { emissionsChart } from '$lib/charts/carbon';
import { radarChart, themeBarChart } from '$lib/charts/results';
import { createTranslator, type Locale, type Translate } from '$lib/i18n';
import { formatDate, formatNumber, formatTonnes } from '$lib/i18n/format';
import { answerText } from '$lib/questionnaire/answer-text';
import { localize } from '$lib/questionnaire/localize';
import { profileFacts } from '$lib/questionnaire/profile';
import { visibleQuestionIds } from '$lib/questionnaire/visibility';
import type { Opened } from '../assessment/assessment-service';
import type { CarbonView } from '../assessment/carbon-view';
import { catalogue } from '../content';
import { resultsView } from '../assessment/results-view';

/** A recommendation as printed: title, text, impact and effort in words, and its resources as links. */
export interface ReportRecommendation {
	title: string;
	text: string;
	/** Impact and effort in words; null where there are none (the CBAM screen's actions). */
	grades: string | null;
	resources: { title: string; provider: string; url: string }[];
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
		level: string;
		levelText: string;
		reasonsHeading: string;
		reasons: string[];
		actionsHeading: string;
		actions: ReportRecommendation[];
		note: string;
	} | null;
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

/** The carbon estimate as the report prints it, the same figures and words as the results page. */
function carbonSection(
	carbon: CarbonView | null,
	locale: Locale,
	t: Translate
): ReportModel['carbon'] {
	const heading = t('carbon.title');
	const referencesHeading = t('carbon.references_title');
	if (!carbon) {
		return {
			heading,
			lines: [t('carbon.none')],
			chart: null,
			table: null,
			referencesHeading,
			references: [],
			notes: []
		};
	}
	const tonnes = (value: number) => t('carbon.tonnes', { value: formatTonnes(locale, value) });
	const number = (value: number) => formatNumber(locale, value, { maximumFractionDigits: 2 });
	const lines = [
		`${t('carbon.total')}: ${tonnes(carbon.total)}`,
		`${t('carbon.scope1')}: ${tonnes(carbon.scope1)}`,
		`${t('carbon.scope2')}: ${tonnes(carbon.scope2)}`
	];
	if (carbon.perEmployee !== null)
		lines.push(t('carbon.per_employee', { value: tonnes(carbon.perEmployee) }));
	if (carbon.perMillionTl !== null)
		lines.push(t('carbon.per_turnover', { value: tonnes(carbon.perMillionTl) }));
	if (carbon.scope2MarketBased !== null)
		lines.push(t('carbon.market_based', { value: tonnes(carbon.scope2MarketBased) }));
	if (carbon.solar)
		lines.push(
			carbon.solar.share === null
				? t('carbon.solar_no_share', { kwh: number(carbon.solar.kwh) })
				: t('carbon.solar', {
						kwh: number(carbon.solar.kwh),
						share: formatNumber(locale, carbon.solar.share, { style: 'percent' })
					})
		);
	const bars = carbon.sources.map((source) => ({
		label: t('carbon.source_scope', { source: source.label, scope: source.scope }),
		scope: source.scope,
		tonnes: source.tonnes
	}));
	return {
		heading,
		lines,
		chart: carbon.total > 0 ? emissionsChart(bars, t('carbon.col_tonnes')) : null,
		table: {
			head: [
				t('carbon.col_source'),
				t('carbon.col_scope'),
				t('carbon.col_amount'),
				t('carbon.col_factor'),
				t('carbon.col_tonnes')
			],
			rows: carbon.sources.map((source) => [
				source.label,
				String(source.scope),
				`${number(source.amount)} ${source.unit}`,
				formatNumber(locale, source.factor),
				formatTonnes(locale, source.tonnes)
			])
		},
		referencesHeading,
		references: carbon.references.map((reference) => ({
			label: reference.labels.join(', '),
			title: t('carbon.reference_year', { title: reference.title, year: reference.year }),
			url: reference.url
		})),
		notes: [
			...carbon.sources.flatMap((source) =>
				source.convertedFrom
					? [
							t('carbon.converted', {
								amount: number(source.convertedFrom.amount),
								unit: source.convertedFrom.unit,
								factor: formatNumber(locale, source.convertedFrom.factor),
								reference: source.convertedFrom.reference?.title ?? source.convertedFrom.year
							})
						]
					: []
			),
			...carbon.ignored.map((unit) => t('carbon.ignored', { unit })),
			t('carbon.disclaimer'),
			t('carbon.factors_version', { version: carbon.factorsVersion })
		]
	};
}

/** Builds the report of a submitted assessment in `locale`. */
export async function reportModel(opened: Opened, locale: Locale): Promise<ReportModel> {
	const t = await createTranslator(locale);
	const view = await resultsView(opened, locale);
	const { assessment, questionnaire } = opened;
	const number = (value: number) => formatNumber(locale, value, { maximumFractionDigits: 1 });
	const signed = (value: number) =>
		formatNumber(locale, value, { maximumFractionDigits: 1, signDisplay: 'exceptZero' });
	const company = profileFacts(questionnaire, assessment.answers).companyName?.trim() || null;
	const date = assessment.submittedAt ?? assessment.updatedAt;
	const grade = (value: string) => t(`results.grade_${value}`);

	const recommendation = (item: (typeof view.recommendations)[number]): ReportRecommendation => ({
		title: item.title,
		text: item.text,
		grades: t('results.impact_effort', { impact: grade(item.impact), effort: grade(item.effort) }),
		resources: item.resources.map(({ title, provider, url }) => ({ title, provider, url }))
	});

	const scored = view.themes.filter((theme) => theme.score !== null);
	const chartLabels = { you: t('results.your_score'), peers: t('results.peers') };
	const visible = visibleQuestionIds(questionnaire, assessment.answers);
	const answerContext = {
		locale,
		words: {
			yes: t('question.yes'),
			no: t('question.no'),
			notApplicable: t('question.not_applicable')
		},
		provinces: catalogue().provinces
	};
	const benchmark = view.peers
		? t('results.peers_caption', { firms: number(view.peers.firms) })
		: t('results.no_peers', { min: number(view.minGroupSize) });

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
			overallLabel: t('results.overall_title'),
			overall: `${number(view.overall)} / 100`,
			level: t('results.level', { level: view.level.name }),
			levelDescription: view.level.description,
			change: view.previous
				? t('results.change_overall', {
						change: signed(view.overall - view.previous.overall),
						previous: number(view.previous.overall)
					})
				: null,
			radar: radarChart(scored, chartLabels),
			radarCaption: t('results.radar_caption'),
			table: {
				caption: benchmark,
				head: [
					t('results.col_theme'),
					t('results.your_score'),
					...(view.peers ? [t('results.peers')] : [])
				],
				rows: view.themes.map((theme) => [
					theme.title,
					theme.score === null ? t('results.not_applicable') : number(theme.score),
					...(view.peers ? [theme.peers === null ? '–' : number(theme.peers)] : [])
				])
			},
			prioritiesHeading: t('results.priorities_title'),
			priorities: view.priorities.map(recommendation),
			noRecommendations: t('results.no_recommendations')
		},
		themes: view.themes.map((theme) => {
			const definition = questionnaire.themes.find((candidate) => candidate.id === theme.id)!;
			return {
				title: theme.title,
				colour: theme.colour,
				score:
					theme.score === null
						? t('results.not_applicable')
						: t('report.theme_score', { score: number(theme.score) }),
				bar: themeBarChart([theme], chartLabels),
				benchmark,
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
				recommendations: view.recommendations
					.filter((item) => item.theme === theme.id)
					.map(recommendation),
				noRecommendations: t('report.no_theme_recommendations')
			};
		}),
		carbon: carbonSection(view.carbon, locale, t),
		cbam: view.cbam && {
			heading: t('cbam.title'),
			level: `${t('cbam.level_label')}: ${t(`cbam.level.${view.cbam.level}`)}`,
			levelText: t(`cbam.level_text.${view.cbam.level}`),
			reasonsHeading: t('cbam.reasons_title'),
			reasons: view.cbam.reasons.map((reason) => t(`cbam.reason.${reason}`)),
			actionsHeading: t('cbam.actions_title'),
			actions: view.cbam.actions.map((action) => ({
				title: t(`cbam.action.${action.id}.title`),
				text: t(`cbam.action.${action.id}.text`),
				grades: null,
				resources: action.resources.map(({ title, provider, url }) => ({ title, provider, url }))
			})),
			note: t('cbam.note')
		},
		resourcesLabel: t('results.resources'),
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
