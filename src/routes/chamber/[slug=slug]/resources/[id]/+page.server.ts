import { error, redirect } from '@sveltejs/kit';
import { requireChamber } from '$lib/server/auth/guards';
import * as resources from '$lib/server/chamber/chamber-resource-service';
import { parseResourceForm } from '$lib/server/chamber/chamber-resource-form';
import { readForm } from '$lib/server/http/form';

/** An administrator and an active resource of the chamber (a retired one is not edited), else 403 or 404. */
async function editable(locals: App.Locals, url: URL, slug: string, id: string) {
	const access = await requireChamber(locals, url, slug);
	if (!access.canEdit) error(403, { message: 'Forbidden', kind: 'admins_only' });
	const resource = await resources.resourceOf(access.chamber.id, id);
	if (!resource || resource.state === 'retired') error(404, 'Not Found');
	return { ...access, resource };
}

export const load = async ({ locals, url, params }) => {
	const { resource } = await editable(locals, url, params.slug, params.id);
	return { resource, choices: resources.resourceChoices(locals.locale) };
};

export const actions = {
	/** Saves the changes and goes back to the list; a refused form comes back as typed. */
	edit: async ({ locals, url, params, request }) => {
		const { user, chamber, resource } = await editable(locals, url, params.slug, params.id);
		const parsed = parseResourceForm(await readForm(request));
		if (!parsed.ok) return parsed.failure;
		await resources.editResource(user.id, chamber.id, resource.id, parsed.data);
		redirect(303, `/chamber/${chamber.slug}/resources?saved=1`);
	}
};
