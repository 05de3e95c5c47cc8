import { json } from '@sveltejs/kit';
import type { Locale } from '$lib/i18n';
import { BadRequest, validateBody } from '../http/api';
import type { ChamberResourceInput } from './chamber-resource-input';
import { resourceSchema, type ChamberResourceWithState } from './chamber-resource-service';

/*
 * The JSON side of a chamber's resources: how a body becomes a resource (or a 400 naming each field in the caller's
 * language) and how a resource is written out.
 */

/**
 * Validates a resource sent as JSON, over `base` for a change (PATCH sends only what changes; null clears an
 * optional field). Throws a 400 `invalid_body` listing every refused field.
 */
export async function resourceFromBody(
	body: unknown,
	locale: Locale,
	base: Partial<ChamberResourceInput> = {}
): Promise<ChamberResourceInput> {
	if (body === null || typeof body !== 'object' || Array.isArray(body))
		throw new BadRequest(400, 'invalid_body');
	return validateBody({ ...base, ...body }, resourceSchema(), locale);
}

/** What a resource says, as a change is merged over. */
export function editableFields(resource: ChamberResourceInput): ChamberResourceInput {
	const { titleTr, titleEn, descriptionTr, descriptionEn, url, themes, sectors, sizeClasses } =
		resource;
	return {
		titleTr,
		titleEn,
		descriptionTr,
		descriptionEn,
		url,
		themes,
		sectors,
		sizeClasses,
		validUntil: resource.validUntil
	};
}

/** A resource as the API answers it: its fields, whether firms see it now, and when it was made and changed. */
export function resourceJson(resource: ChamberResourceWithState) {
	return {
		id: resource.id,
		...editableFields(resource),
		state: resource.state,
		createdAt: resource.createdAt,
		updatedAt: resource.updatedAt,
		retiredAt: resource.retiredAt
	};
}

/** An answer that no cache keeps: resources change, and a chamber's list is not public. */
export const privateJson = (body: unknown, status = 200) =>
	json(body, { status, headers: { 'cache-control': 'private, no-store' } });
