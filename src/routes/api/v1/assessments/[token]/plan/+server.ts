import { json } from '@sveltejs/kit';
import { z } from 'zod';
import { apiError, handleApi, readJson, validateBody } from '$lib/server/http/api';
import { openOr404 } from '$lib/server/http/api-assessments';
import * as actionPlan from '$lib/server/assessment/action-plan';
import type { Opened } from '$lib/server/assessment/assessment-service';

const noStore = { 'cache-control': 'no-store' };

/** The plan as the API shows it; `recommended` is null on a draft, which has no recommendations yet. */
async function planBody(opened: Opened) {
	return { actions: await actionPlan.planOf(opened) };
}

/** The firm's action plan; a re-assessment's draft shows the plan it carried over. */
export async function GET({ params, locals }) {
	return handleApi(locals.locale, async () => {
		const found = await openOr404(params.token, locals.locale);
		if ('response' in found) return found.response;
		return json(await planBody(found.opened), { headers: noStore });
	});
}

/** Replaces the whole plan of a submitted assessment: every action is checked, and nothing changes on a refusal. */
export async function PUT({ params, request, locals }) {
	return handleApi(locals.locale, async () => {
		const found = await openOr404(params.token, locals.locale);
		if ('response' in found) return found.response;
		const { opened } = found;
		if (opened.assessment.status !== 'submitted')
			return apiError(409, 'plan_not_submitted', locals.locale);
		const body = await readJson(request, z.unknown(), locals.locale);
		const plan = await validateBody(body, await actionPlan.planSchema(opened), locals.locale);
		const changed = await actionPlan.replacePlan(opened, plan.actions);
		if (!changed.ok) return apiError(409, 'plan_not_submitted', locals.locale);
		return json(await planBody(opened), { headers: noStore });
	});
}
