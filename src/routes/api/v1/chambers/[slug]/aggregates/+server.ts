import { json } from '@sveltejs/kit';
import { createTranslator } from '$lib/i18n';
import { apiError } from '$lib/server/api';
import { logDenial } from '$lib/server/auth/guards';
import { chamberDashboard } from '$lib/server/chamber-dashboard';
import { readFilters } from '$lib/server/chamber-filters';
import { db } from '$lib/server/db';
import * as chambers from '$lib/server/db/chambers';
import * as members from '$lib/server/db/members';

/**
 * A chamber's statistics as JSON for the filters in the query (`campaign`, `sector`, `size`, `province`, `from`,
 * `to`), with the same suppression as the dashboard, carbon totals' dominance rule included. Needs a session of one of the chamber's users (or a platform
 * administrator); another chamber answers 404 like an unknown one (and is logged).
 */
export async function GET({ locals, url, params }) {
	const user = locals.user;
	if (!user) return apiError(401, 'unauthorized', locals.locale);
	const chamber = await chambers.findBySlug(db(), params.slug);
	const allowed =
		chamber && (user.platformAdmin || (await members.roleIn(db(), chamber.id, user.id)));
	if (!chamber || !allowed) {
		await logDenial(locals, user, params.slug);
		return apiError(404, 'chamber_not_found', locals.locale);
	}
	const { filters, compare, problems } = readFilters(url);
	if (Object.keys(problems).length > 0) {
		const t = await createTranslator(locals.locale);
		return apiError(
			400,
			'invalid_filters',
			locals.locale,
			Object.entries(problems).map(([path, key]) => ({ path, message: t(key) }))
		);
	}
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
