import { json } from '@sveltejs/kit';
import { requireChamberApi } from '$lib/server/auth/api-guard';
import { chamberDashboard } from '$lib/server/chamber/chamber-dashboard';
import { apiFilters } from '$lib/server/http/api-filters';

/**
 * A chamber's statistics as JSON for at most one filter in the query (`campaign`, `sector`, `size` or `province`),
 * with the same disclosure control as the dashboard, carbon totals' dominance rule included. Needs a session of one
 * of the chamber's users (or a platform administrator) or an API token of the chamber, viewers' included
 * (`requireChamberApi`); another chamber answers 404 (and is logged).
 */
export async function GET(event) {
	const { locals, url } = event;
	const access = await requireChamberApi(event);
	if (access instanceof Response) return access;
	const { chamber } = access;
	const read = await apiFilters(url, locals.locale);
	if (read instanceof Response) return read;
	const { filters, compare } = read;
	const dashboard = await chamberDashboard(chamber, filters, locals.locale, compare);
	return json(
		{
			chamber: chamber.slug,
			minGroupSize: dashboard.minGroupSize,
			dominanceShare: dashboard.dominanceShare,
			...dashboard.statistics
		},
		{ headers: { 'cache-control': 'private, no-store' } }
	);
}
