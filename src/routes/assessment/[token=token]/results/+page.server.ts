import { error, fail, redirect } from '@sveltejs/kit';
import { PROFILE_STEP } from '$lib/questionnaire/steps';
import * as actionPlan from '$lib/server/assessment/action-plan';
import * as assessmentService from '$lib/server/assessment/assessment-service';
import { resultsView } from '$lib/server/assessment/results-view';
import * as symbiosis from '$lib/server/assessment/symbiosis';
import { parseForm, readForm } from '$lib/server/http/form';

export const load = async ({ params, locals }) => {
	const opened = await assessmentService.openForRequest(locals, params.token);
	if (!opened) error(404, 'Not Found');
	const { assessment } = opened;
	if (assessment.status !== 'submitted' || !assessment.result) {
		redirect(303, `/assessment/${params.token}/review`);
	}
	// The chamber's logo is for the printed report; the page only names the chamber.
	const { chamber, ...view } = await resultsView(opened, locals.locale);
	const detached = assessment.detachedCampaignId
		? (await assessmentService.campaignOf(assessment))?.campaign
		: undefined;
	return {
		...view,
		/** The campaign's chamber, whether the SME agreed to share its identity with it, and when it gave and withdrew. */
		sharing: chamber
			? {
					chamberName: chamber.name,
					consented: assessment.consentShareIdentity,
					consentAt: assessment.consentAt,
					history: await assessmentService.consentHistory(opened)
				}
			: null,
		/** The campaign this was started in but that had closed by submission: no chamber counts the result. */
		closedCampaign: detached?.closesAt
			? { name: detached.name, chamberName: detached.chamber.name, closedAt: detached.closesAt }
			: null,
		/** How many assessments the firm's re-assessment chain holds; erasing proposes all of them when several. */
		chainSize: await assessmentService.chainSize(opened),
		/** The firm's action plan, which recommendations a card may add to it, and the months its form offers. */
		plan: await actionPlan.planView(opened, locals.locale),
		/** The firm's symbiosis listing, each item saying whether its chamber has a match; null when not offered. */
		symbiosis: await symbiosis.symbiosisView(opened, locals.locale),
		/** The firm's submitted assessments, oldest first (this one last), for the history section. */
		history: await assessmentService.history(opened)
	};
};

export const actions = {
	/**
	 * Starts a new assessment pre-filled with these answers (or reopens the one in progress) under the same link,
	 * which now opens it; its results will show the change since this one.
	 */
	reassess: async ({ params, locals }) => {
		const opened = await assessmentService.open(params.token);
		if (!opened) error(404, 'Not Found');
		await assessmentService.reassess(opened, locals.locale);
		redirect(303, `/assessment/${params.token}/${PROFILE_STEP}`);
	},

	/** Adds a recommendation's action to the firm's plan, or changes it; back to the plan, or the form's problems. */
	savePlanAction: async ({ params, request }) => {
		const opened = await assessmentService.open(params.token);
		if (!opened) error(404, 'Not Found');
		const parsed = await parseForm(request, await actionPlan.planActionSchema(opened));
		// Named apart from the page's other forms: the plan's forms pick out theirs by its recommendation.
		if (!parsed.ok) return fail(400, { plan: parsed.failure.data });
		planChanged(params.token, await actionPlan.saveAction(opened, parsed.data));
	},

	/** Takes an action off the firm's plan. */
	removePlanAction: async ({ params, request }) => {
		const opened = await assessmentService.open(params.token);
		if (!opened) error(404, 'Not Found');
		const id = (await readForm(request)).get('recommendationId');
		planChanged(params.token, await actionPlan.removeAction(opened, String(id ?? '')));
	},

	/** Withdraws the consent to share the firm's identity with the campaign's chamber; the history keeps both. */
	withdrawConsent: async ({ params }) => {
		const opened = await assessmentService.open(params.token);
		if (!opened) error(404, 'Not Found');
		await assessmentService.withdrawConsent(opened);
		return { consentWithdrawn: true };
	},

	/** Erases this assessment, or all of the firm's re-assessment chain, for good, after an explicit confirmation. */
	delete: async ({ params, request }) => {
		const opened = await assessmentService.open(params.token);
		if (!opened) error(404, 'Not Found');
		const form = await readForm(request);
		if (form.get('confirm') !== 'yes') return fail(400, { deleteUnconfirmed: true });
		await assessmentService.erase(opened, form.get('scope') === 'all' ? 'all' : 'this');
		redirect(303, '/?deleted=1');
	}
};

/** After a change to the plan, back to it (303); a draft has no results page, so its review instead. */
function planChanged(token: string, change: actionPlan.PlanChange): never {
	redirect(303, change.ok ? `/assessment/${token}/results#plan` : `/assessment/${token}/review`);
}
