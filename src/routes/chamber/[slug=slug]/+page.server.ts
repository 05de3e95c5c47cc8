import { error, fail, redirect } from '@sveltejs/kit';
import { requireChamber } from '$lib/server/auth/guards';
import { chamberTargetInput } from '$lib/server/chamber/campaign-input';
import { chamberDashboard, respondentPage } from '$lib/server/chamber/chamber-dashboard';
import { needNames } from '$lib/server/chamber/chamber-needs';
import { readFilters } from '$lib/server/chamber/chamber-filters';
import { setChamberTarget } from '$lib/server/chamber/progress-service';
import {
	setSupplyDemandSharing,
	sharingInput,
	supplyDemandSharing
} from '$lib/server/chamber/supply-demand';
import { dashboardMatches, introduce } from '$lib/server/chamber/symbiosis-matches';
import { introduceInput } from '$lib/symbiosis/match-key';
import { parseForm } from '$lib/server/http/form';

/** How many consenting firms the page lists; the exports have them all. */
const RESPONDENTS_SHOWN = 50;

export const load = async ({ locals, url, params }) => {
	const { chamber, canEdit } = await requireChamber(locals, url, params.slug);
	const { query, filters, compare, problems } = readFilters(url);
	// Personal data (the consenting firms' names and contacts) reaches administrators only, never a viewer's page.
	const [dashboard, respondents] = await Promise.all([
		chamberDashboard(chamber, filters, locals.locale, compare),
		canEdit
			? respondentPage(chamber, locals.locale, { limit: RESPONDENTS_SHOWN })
			: { lines: [], next: undefined }
	]);
	return {
		...dashboard,
		/** The consenting firms behind each need count, for administrators only (personal data). */
		needNames: canEdit ? await needNames(chamber, filters, dashboard.statistics.needs) : null,
		/** The symbiosis exchange's regional sharing (null when the exchange is not offered). */
		supplyDemandSharing: await supplyDemandSharing(chamber, locals.locale),
		/** The filters as the form shows them, and an i18n key per refused one. */
		query,
		problems,
		respondents: respondents.lines,
		moreRespondents: respondents.next !== undefined,
		/** The same filters for the export links. */
		search: url.search,
		/** The symbiosis matches (firms' names for administrators only); null when the exchange is not offered. */
		symbiosisMatches: await dashboardMatches(chamber, locals.locale, canEdit)
	};
};

export const actions = {
	/** Sets or (empty) removes the chamber's target number of firms: owners and administrators only. */
	target: async ({ locals, url, params, request }) => {
		const { user, chamber, canEdit } = await requireChamber(locals, url, params.slug);
		if (!canEdit) error(403, 'Forbidden');
		const parsed = await parseForm(request, chamberTargetInput);
		if (!parsed.ok) return parsed.failure;
		await setChamberTarget(user.id, chamber.id, parsed.data.targetFirms);
		redirect(303, `/chamber/${chamber.slug}#progress-title`);
	},
	/** Shares the supply–demand counts with the region, or stops: owners and administrators only; audited. */
	supplyDemandSharing: async ({ locals, url, params, request }) => {
		const { user, chamber, canEdit } = await requireChamber(locals, url, params.slug);
		if (!canEdit) error(403, 'Forbidden');
		const parsed = await parseForm(request, sharingInput);
		if (!parsed.ok) return parsed.failure;
		await setSupplyDemandSharing(user.id, chamber, parsed.data.shares);
		redirect(303, `/chamber/${chamber.slug}#supply-title`);
	},
	/** Records that the chamber introduced the two firms of a symbiosis match: owners and administrators only. */
	introduce: async ({ locals, url, params, request }) => {
		const { user, chamber, canEdit } = await requireChamber(locals, url, params.slug);
		if (!canEdit) error(403, 'Forbidden');
		const parsed = await parseForm(request, introduceInput);
		if (!parsed.ok) return parsed.failure;
		const outcome = await introduce(user.id, chamber, parsed.data.match);
		if (outcome === 'gone')
			return fail(409, { values: {}, errors: { match: 'matches.error_gone' } });
		redirect(303, `/chamber/${chamber.slug}#matches-title`);
	}
};
