import { z } from 'zod';
import { apiError, handleApi, readJson } from '$lib/server/http/api';
import { requireChamberApi } from '$lib/server/auth/api-guard';
import { EDITOR_ROLES } from '$lib/server/auth/options';
import * as resources from '$lib/server/chamber/chamber-resource-service';
import {
	editableFields,
	privateJson,
	resourceFromBody,
	resourceJson
} from '$lib/server/chamber/chamber-resource-api';
import type { RequestEvent } from './$types';

/** The guard for a change: an administrator of the chamber, and one of its active resources. */
async function editable(event: RequestEvent) {
	const { locale } = event.locals;
	const access = await requireChamberApi(event);
	if (access instanceof Response) return access;
	if (!EDITOR_ROLES.includes(access.role)) return apiError(403, 'read_only', locale);
	const resource = await resources.resourceOf(access.chamber.id, event.params.id);
	if (!resource || resource.state === 'retired') return apiError(404, 'resource_not_found', locale);
	return { access, resource };
}

/**
 * Changes a resource: only the fields sent change, null clears an optional one. The whole result is checked as a new
 * resource would be; 400 naming each refused field, nothing stored.
 */
export async function PATCH(event) {
	const { locale } = event.locals;
	const found = await editable(event);
	if (found instanceof Response) return found;
	const { access, resource } = found;
	return handleApi(locale, async () => {
		const input = await resourceFromBody(
			await readJson(event.request, z.unknown(), locale),
			locale,
			editableFields(resource)
		);
		await resources.editResource(access.actor, access.chamber.id, resource.id, input);
		return privateJson(resourceJson((await resources.resourceOf(access.chamber.id, resource.id))!));
	});
}

/** Retires a resource: firms no longer see it; it stays in the administrators' list and the audit log. */
export async function DELETE(event) {
	const found = await editable(event);
	if (found instanceof Response) return found;
	const { access, resource } = found;
	await resources.retireResource(access.actor, access.chamber.id, resource.id);
	return new Response(null, { status: 204 });
}
