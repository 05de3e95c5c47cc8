import { error, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { requireChamber } from '$lib/server/auth/guards';
import * as resources from '$lib/server/chamber/chamber-resource-service';
import { parseResourceForm } from '$lib/server/chamber/chamber-resource-form';
import { parseForm, readForm } from '$lib/server/http/form';

const retireForm = z.object({ id: z.string().min(1).max(100) });

export const load = async ({ locals, url, params }) => {
	const { chamber, canEdit } = await requireChamber(locals, url, params.slug);
	return {
		/** Administrators see expired and retired resources too; viewers only what firms see now. */
		resources: await resources.resourcesOf(chamber.id, { all: canEdit }),
		choices: resources.resourceChoices(locals.locale)
	};
};

/** The chamber and its administrator, or a 403 for a viewer: only administrators change resources. */
async function requireAdministrator(locals: App.Locals, url: URL, slug: string) {
	const access = await requireChamber(locals, url, slug);
	if (!access.canEdit) error(403, { message: 'Forbidden', kind: 'admins_only' });
	return access;
}

export const actions = {
	/** Adds a resource; a refused form comes back with every field as typed and each problem beside its field. */
	add: async ({ locals, url, params, request }) => {
		const { user, chamber } = await requireAdministrator(locals, url, params.slug);
		const parsed = parseResourceForm(await readForm(request));
		if (!parsed.ok) return parsed.failure;
		await resources.addResource(user.id, chamber.id, parsed.data);
		redirect(303, `/chamber/${chamber.slug}/resources?added=1`);
	},

	/** Retires a resource: firms no longer see it; another chamber's id answers 404. */
	retire: async ({ locals, url, params, request }) => {
		const { user, chamber } = await requireAdministrator(locals, url, params.slug);
		const parsed = await parseForm(request, retireForm);
		if (!parsed.ok) return parsed.failure;
		if (!(await resources.retireResource(user.id, chamber.id, parsed.data.id)))
			error(404, 'Not Found');
		return { retired: true };
	}
};
