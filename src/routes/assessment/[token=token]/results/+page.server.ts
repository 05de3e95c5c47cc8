import { error, fail, redirect } from '@sveltejs/kit';
import * as auditLog from '$lib/server/db/audit-log';
import { PROFILE_STEP } from '$lib/questionnaire/steps';
import { localize } from '$lib/questionnaire/localize';
import { config } from '$lib/server/config';
import { db } from '$lib/server/db';
import * as assessments from '$lib/server/db/assessments';
import * as chambers from '$lib/server/db/chambers';
import * as assessmentService from '$lib/server/assessment-service';
import { catalogue } from '$lib/server/questionnaires';
import { levelFor } from '$lib/scoring/score';

/** How many recommendations lead the page as the SME's priorities. */
const PRIORITIES = 3;

export const load = async ({ params, locals }) => {
	const opened = await assessmentService.openForRequest(locals, params.token);
	if (!opened) error(404, 'Not Found');
	const { assessment, questionnaire } = opened;
	if (assessment.status !== 'submitted' || !assessment.result) {
		redirect(303, `/assessment/${params.token}/review`);
	}
	const { locale } = locals;
	const result = assessment.result;
	const peers =
		assessment.sector && assessment.sizeClass
			? await assessments.peerBenchmark(
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

	const level = levelFor(questionnaire.levels, result.overall);
	const resources = catalogue().resources;
	const recommendations = result.recommendations.map((recommendation) => {
		const definition = questionnaire.recommendations.find(
			(candidate) => candidate.id === recommendation.id
		);
		return {
			id: recommendation.id,
			theme: recommendation.theme,
			impact: recommendation.impact,
			effort: recommendation.effort,
			title: localize(definition?.title, locale) ?? recommendation.id,
			text: localize(definition?.text, locale) ?? '',
			// A resource removed from the catalogue since submission is simply left out.
			resources: recommendation.resources.flatMap((id) => {
				const resource = resources.get(id);
				return resource
					? [
							{
								id,
								title: localize(resource.title, locale),
								provider: localize(resource.provider, locale),
								url: resource.url,
								type: resource.type
							}
						]
					: [];
			})
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
				colour: definition?.colour ?? '#15703a',
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
		priorities: recommendations.slice(0, PRIORITIES),
		recommendations,
		questionnaire: { title: localize(questionnaire.title, locale), version: questionnaire.version },
		submittedAt: assessment.submittedAt,
		/** The campaign's chamber and whether the SME agreed to share its identity with it. */
		sharing: chamber
			? {
					chamberName: chamber.name,
					consented: assessment.consentShareIdentity,
					consentAt: assessment.consentAt
				}
			: null
	};
};

export const actions = {
	/** Starts a new assessment pre-filled with these answers; its results will show the change since this one. */
	reassess: async ({ params, locals }) => {
		const opened = await assessmentService.open(params.token);
		if (!opened) error(404, 'Not Found');
		const { assessment } = opened;
		const token = await assessmentService.start({
			locale: locals.locale,
			questionnaireId: assessment.questionnaireId,
			answers: assessment.answers,
			campaignId: assessment.campaignId,
			chamberId: assessment.chamberId,
			previousId: assessment.id
		});
		redirect(303, `/assessment/${token}/${PROFILE_STEP}`);
	},

	/** Withdraws the consent to share the firm's identity with the campaign's chamber. */
	withdrawConsent: async ({ params }) => {
		const opened = await assessmentService.open(params.token);
		if (!opened) error(404, 'Not Found');
		await assessments.withdrawConsent(db(), opened.assessment.id);
		return { consentWithdrawn: true };
	},

	/** Erases the assessment for good, after an explicit confirmation. */
	delete: async ({ params, request }) => {
		const opened = await assessmentService.open(params.token);
		if (!opened) error(404, 'Not Found');
		const form = await request.formData();
		if (form.get('confirm') !== 'yes') return fail(400, { deleteUnconfirmed: true });
		await assessments.remove(db(), opened.assessment.id);
		await auditLog.record(db(), {
			actor: 'anonymous',
			action: 'assessment.delete',
			target: opened.assessment.id
		});
		redirect(303, '/?deleted=1');
	}
};
