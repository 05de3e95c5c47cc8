import { requireChamber } from '$lib/server/auth/guards';
import { chamberDashboard, respondentPage } from '$lib/server/chamber/chamber-dashboard';
import { readFilters } from '$lib/server/chamber/chamber-filters';

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
		/** The filters as the form shows them, and an i18n key per refused one. */
		query,
		problems,
		respondents: respondents.lines,
		moreRespondents: respondents.next !== undefined,
		/** The same filters for the export links. */
		search: url.search
	};
};
