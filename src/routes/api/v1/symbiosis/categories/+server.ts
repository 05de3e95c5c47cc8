import { json } from '@sveltejs/kit';
import { apiError } from '$lib/server/http/api';
import * as symbiosis from '$lib/server/assessment/symbiosis';

/** The symbiosis exchange's categories, public: ids, waste-list codes, suggested unit and names in every language. */
export async function GET({ locals }) {
	if (!symbiosis.offered()) return apiError(404, 'symbiosis_not_offered', locals.locale);
	return json(symbiosis.publicCategories(), { headers: { 'cache-control': 'no-cache' } });
}
