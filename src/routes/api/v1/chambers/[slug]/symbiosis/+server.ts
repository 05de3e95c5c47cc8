import { json } from '@sveltejs/kit';
import { audit } from '$lib/server/audit';
import { requireChamberApi } from '$lib/server/auth/api-guard';
import { EDITOR_ROLES } from '$lib/server/auth/options';
import { supplyDemandOf } from '$lib/server/chamber/supply-demand';
import { chamberMatches } from '$lib/server/chamber/symbiosis-matches';
import { apiFilters } from '$lib/server/http/api-filters';

/**
 * The chamber's symbiosis exchange as JSON: `supplyDemand`, per category the firms offering and needing it in the
 * view the query's filter selects (as the aggregates take them), withheld counts null under the dashboard's rules;
 * and `matches`, the potential matches between firms that consented to be
 * introduced, closest first, each with `introduced: { at, by } | null`. Authorised like the aggregates (a session of
 * one of the chamber's users or an API token of the chamber; another chamber answers 404). The firms' names and
 * contacts are personal data, as in the respondents' list: only owners, administrators and administrator tokens
 * get them (each such read audit-logged); for a viewer they are null. The assessment ids that the dashboard's form
 * posts are never sent.
 */
export async function GET(event) {
	const access = await requireChamberApi(event);
	if (access instanceof Response) return access;
	const { chamber, role, actor } = access;
	const read = await apiFilters(event.url, event.locals.locale);
	if (read instanceof Response) return read;
	const withNames = EDITOR_ROLES.includes(role);
	const matches = await chamberMatches(chamber, event.locals.locale, withNames);
	// Names read through the API are logged like the respondents' list.
	if (withNames) await audit({ actor, action: 'chamber.export_matches', target: chamber.slug });
	return json(
		{
			chamber: chamber.slug,
			supplyDemand: await supplyDemandOf(chamber, read.filters),
			// JSON leaves out an undefined field.
			matches: matches.map((match) => ({ ...match, key: undefined }))
		},
		{ headers: { 'cache-control': 'private, no-store' } }
	);
}
