import { error } from '@sveltejs/kit';
import { z } from 'zod';
import { requireChamber } from '$lib/server/auth/guards';
import * as apiTokens from '$lib/server/chamber/api-token-service';
import { apiTokenInput } from '$lib/server/chamber/chamber-input';
import { parseForm } from '$lib/server/http/form';

const revokeForm = z.object({ id: z.string().min(1).max(100) });

/** The chamber and its administrator, or a 403 for a viewer: tokens are managed by administrators only. */
async function requireAdministrator(locals: App.Locals, url: URL, slug: string) {
	const access = await requireChamber(locals, url, slug);
	if (!access.canEdit) error(403, { message: 'Forbidden', kind: 'admins_only' });
	return access;
}

export const load = async ({ locals, url, params }) => {
	const { chamber } = await requireAdministrator(locals, url, params.slug);
	return {
		/** The chamber's tokens, newest first, each with whether it still works; never a token or its hash. */
		tokens: await apiTokens.tokensOf(chamber.id),
		/** The API's address for this chamber, for the page's explanation. */
		apiPath: `/api/v1/chambers/${chamber.slug}/…`
	};
};

export const actions = {
	/** Creates a token and shows it once; it cannot be shown again, only revoked and replaced. */
	create: async ({ locals, url, params, request }) => {
		const { user, chamber } = await requireAdministrator(locals, url, params.slug);
		const parsed = await parseForm(request, apiTokenInput);
		if (!parsed.ok) return parsed.failure;
		const token = await apiTokens.createToken(user.id, chamber.id, parsed.data);
		return { created: { name: parsed.data.name, token } };
	},

	/** Revokes a token of this chamber at once; an id of another chamber's token answers 404. */
	revoke: async ({ locals, url, params, request }) => {
		const { user, chamber } = await requireAdministrator(locals, url, params.slug);
		const parsed = await parseForm(request, revokeForm);
		if (!parsed.ok) return parsed.failure;
		if (!(await apiTokens.revokeToken(user.id, chamber.id, parsed.data.id)))
			error(404, 'Not Found');
		return { revoked: true };
	}
};
