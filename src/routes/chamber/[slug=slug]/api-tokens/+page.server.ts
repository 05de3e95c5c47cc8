import { error } from '@sveltejs/kit';
import { z } from 'zod';
import { issueApiToken } from '$lib/server/auth/api-tokens';
import { requireChamber } from '$lib/server/auth/guards';
import { apiTokenInput } from '$lib/server/chamber/chamber-input';
import { db } from '$lib/server/db';
import * as apiTokens from '$lib/server/db/api-tokens';
import * as auditLog from '$lib/server/db/audit-log';
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
	const now = new Date().toISOString();
	const list = await apiTokens.listForChamber(db(), chamber.id);
	return {
		/** The chamber's tokens, newest first, each with whether it still works; never a token or its hash. */
		tokens: list.map((token) => ({
			...token,
			state: token.revokedAt
				? ('revoked' as const)
				: token.expiresAt && token.expiresAt <= now
					? ('expired' as const)
					: ('active' as const)
		})),
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
		const { id, token } = await issueApiToken(db(), {
			chamberId: chamber.id,
			name: parsed.data.name,
			role: parsed.data.role,
			createdBy: user.id,
			expiresAt: parsed.data.expiresAt
		});
		await auditLog.record(db(), { actor: user.id, action: 'api_token.create', target: id });
		return { created: { name: parsed.data.name, token } };
	},

	/** Revokes a token of this chamber at once; an id of another chamber's token answers 404. */
	revoke: async ({ locals, url, params, request }) => {
		const { user, chamber } = await requireAdministrator(locals, url, params.slug);
		const parsed = await parseForm(request, revokeForm);
		if (!parsed.ok) return parsed.failure;
		if (!(await apiTokens.revoke(db(), chamber.id, parsed.data.id))) error(404, 'Not Found');
		await auditLog.record(db(), {
			actor: user.id,
			action: 'api_token.revoke',
			target: parsed.data.id
		});
		return { revoked: true };
	}
};
