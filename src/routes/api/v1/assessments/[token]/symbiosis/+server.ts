import { json } from '@sveltejs/kit';
import { z } from 'zod';
import { apiError, handleApi, readJson, validateBody } from '$lib/server/http/api';
import { openOr404 } from '$lib/server/http/api-assessments';
import * as symbiosis from '$lib/server/assessment/symbiosis';

const noStore = { 'cache-control': 'no-store' };

/** The firm's listing in the symbiosis exchange: what it offers, what it needs, whether it may be introduced. */
export async function GET({ params, locals }) {
	return handleApi(locals.locale, async () => {
		if (!symbiosis.offered()) return apiError(404, 'symbiosis_not_offered', locals.locale);
		const found = await openOr404(params.token, locals.locale);
		if ('response' in found) return found.response;
		return json(await symbiosis.listingOf(found.opened), { headers: noStore });
	});
}

/** Replaces the whole listing, draft or submitted: every item is checked, and nothing changes on a refusal. */
export async function PUT({ params, request, locals }) {
	return handleApi(locals.locale, async () => {
		if (!symbiosis.offered()) return apiError(404, 'symbiosis_not_offered', locals.locale);
		const found = await openOr404(params.token, locals.locale);
		if ('response' in found) return found.response;
		const body = await readJson(request, z.unknown(), locals.locale);
		const listing = await validateBody(body, symbiosis.schema(), locals.locale);
		await symbiosis.save(found.opened, listing);
		return json(await symbiosis.listingOf(found.opened), { headers: noStore });
	});
}
