import { z } from 'zod';
import { apiError, handleApi, readJson } from '$lib/server/http/api';
import { requireChamberApi } from '$lib/server/auth/api-guard';
import { EDITOR_ROLES } from '$lib/server/auth/options';
import * as resources from '$lib/server/chamber/chamber-resource-service';
import {
	privateJson,
	resourceFromBody,
	resourceJson
} from '$lib/server/chamber/chamber-resource-api';

/**
 * The chamber's own resources, shown first to the firms of its campaigns. Viewers (and viewer tokens) read the
 * active ones; administrators also see expired and retired ones, with their state. Authorised like the aggregates
 * (`requireChamberApi`): another chamber answers 404.
 */
export async function GET(event) {
	const access = await requireChamberApi(event);
	if (access instanceof Response) return access;
	const all = EDITOR_ROLES.includes(access.role);
	const list = await resources.resourcesOf(access.chamber.id, { all });
	return privateJson({ chamber: access.chamber.slug, resources: list.map(resourceJson) });
}

/** Adds a resource (administrators and administrator tokens only); 400 naming each refused field, nothing stored. */
export async function POST(event) {
	const { locale } = event.locals;
	const access = await requireChamberApi(event);
	if (access instanceof Response) return access;
	if (!EDITOR_ROLES.includes(access.role)) return apiError(403, 'read_only', locale);
	return handleApi(locale, async () => {
		const input = await resourceFromBody(
			await readJson(event.request, z.unknown(), locale),
			locale
		);
		const id = await resources.addResource(access.actor, access.chamber.id, input);
		return privateJson(resourceJson((await resources.resourceOf(access.chamber.id, id))!), 201);
	});
}
