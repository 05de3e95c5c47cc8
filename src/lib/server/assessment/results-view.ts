import { palette } from '$lib/charts/palette';
import { createTranslator } from '$lib/i18n';
import type { Locale } from '$lib/i18n/locales';
import { localize } from '$lib/questionnaire/localize';
import { priorities, type RankedRecommendation } from '$lib/scoring/recommend';
import { levelFor } from '$lib/scoring/score';
import type { Opened } from './assessment-service';
import { config } from '../config';
import { db } from '../db';
import * as assessments from '../db/assessments';
import * as chambers from '../db/chambers';
import * as peerBenchmarks from '../db/peer-benchmarks';
import { bandsUsed } from '$lib/carbon/answers';
import { carbonView, cbamView } from './carbon-view';
import { firmPlace, recommendationLinks } from './resource-links';
import { chamberFirst, chamberResourceLinks } from './chamber-resource-links';
import { triggerView } from './trigger-view';
import { storedVsme } from './vsme-view';

/**
 * A submitted assessment's results in one language, as both the results page and the PDF report show them, so the
 * two can never disagree. Throws for a draft: callers check the status first.
 */
export async function resultsView(opened: Opened, locale: Locale) {
	const { assessment, questionnaire } = opened;
	const result = assessment.result;
	if (!result) throw new Error(`assessment ${assessment.id} has no result`);
	const peers =
		assessment.sector && assessment.sizeClass
			? await peerBenchmarks.find(
					db(),
					{
						questionnaireId: questionnaire.id,
						sector: assessment.sector,
						sizeClass: assessment.sizeClass,
						excludeId: assessment.id
					},
					config().minGroupSize
				)
			: undefined;

	const previous = assessment.previousId
		? await assessments.findById(db(), assessment.previousId)
		: undefined;
	const previousScores = new Map(
		previous?.result?.themes.map((theme) => [theme.id, theme.score]) ?? []
	);
	const chamber = assessment.chamberId
		? await chambers.findById(db(), assessment.chamberId)
		: undefined;
	const chamberLinks = await chamberResourceLinks(opened, chamber, locale);
	const firm = firmPlace(opened);

	const level = levelFor(questionnaire.levels, result.overall);
	const t = await createTranslator(locale);
	const triggerContext = {
		questionnaire,
		answers: assessment.answers,
		themes: result.themes,
		locale,
		t
	};
	const recommendations = result.recommendations.map((recommendation) => {
		const definition = questionnaire.recommendations.find(
			(candidate) => candidate.id === recommendation.id
		);
		// Results stored before cost classes and triggers existed take them from today's questionnaire.
		const stored: Partial<Pick<RankedRecommendation, 'cost' | 'payback' | 'trigger'>> =
			recommendation;
		return {
			id: recommendation.id,
			theme: recommendation.theme,
			impact: recommendation.impact,
			effort: recommendation.effort,
			cost: stored.cost ?? definition?.cost ?? null,
			payback: stored.payback ?? definition?.payback ?? null,
			/** Why it is there: the answer or theme score that fired it; null when that cannot be told. */
			trigger: triggerView(stored.trigger, definition, triggerContext),
			title: localize(definition?.title, locale) ?? recommendation.id,
			text: localize(definition?.text, locale) ?? '',
			// A resource removed from the catalogue since submission is simply left out; the chamber's own come first,
			// then the firm's region's, then national ones; never one scoped elsewhere.
			resources: chamberFirst(
				chamberLinks(recommendation.theme),
				recommendationLinks(recommendation.resources, recommendation.theme, firm, locale)
			)
		};
	});

	return {
		overall: result.overall,
		level: {
			id: level.id,
			name: localize(level.name, locale),
			description: localize(level.description, locale)
		},
		levels: questionnaire.levels.map((band) => ({
			id: band.id,
			name: localize(band.name, locale),
			min: band.min,
			max: band.max
		})),
		/** Each theme's score, its peers' mean where a large enough group exists, and the change since last time. */
		themes: result.themes.map((theme) => {
			const definition = questionnaire.themes.find((candidate) => candidate.id === theme.id);
			const before = previousScores.get(theme.id);
			return {
				id: theme.id,
				title: localize(definition?.title, locale) ?? theme.id,
				colour: definition?.colour ?? palette.primary,
				score: theme.score,
				peers: peers?.themes.get(theme.id) ?? null,
				change:
					theme.score !== null && before !== undefined && before !== null
						? theme.score - before
						: null
			};
		}),
		peers: peers ? { firms: peers.firms, overall: peers.overall } : null,
		minGroupSize: config().minGroupSize,
		previous: previous?.result
			? { overall: previous.result.overall, submittedAt: previous.submittedAt }
			: null,
		priorities: priorities(recommendations),
		recommendations,
		questionnaire: { title: localize(questionnaire.title, locale), version: questionnaire.version },
		submittedAt: assessment.submittedAt,
		/** The Scope 1 and 2 estimate, null without energy figures. */
		carbon: carbonView(result.carbon, locale, bandsUsed(questionnaire, assessment.answers)),
		/** The CBAM screen, null for results from before it existed; 1.x results in their own shape. */
		cbam: cbamView(result.cbam, firm, locale, assessment.questionnaireVersion),
		/** The VSME Basic Module environmental figures (B3, B6, B7); null when no emission factors are loaded. */
		vsme: storedVsme(opened),
		/** The chamber whose campaign the assessment came through, if any. */
		chamber: chamber ? { name: chamber.name, logo: chamber.logo } : null
	};
}

export type ResultsView = Awaited<ReturnType<typeof resultsView>>;
