import { error, redirect } from '@sveltejs/kit';
import * as assessmentService from '$lib/server/assessment/assessment-service';
import { resultsView } from '$lib/server/assessment/results-view';

/**
 * Older results of the firm's chain, read-only: the link itself now opens the newest assessment, so this page says
 * so and links there. The newest's own entry is the results page.
 */
export const load = async ({ params, locals }) => {
	const entry = await assessmentService.openEntry(params.token, Number(params.n));
	if (!entry) error(404, 'Not Found');
	if (entry.newest) redirect(303, `/assessment/${params.token}/results`);
	return {
		...(await resultsView(entry.opened, locals.locale)),
		/** Named on the newest results page only, where the firm decides what it shares with it. */
		chamber: null
	};
};
