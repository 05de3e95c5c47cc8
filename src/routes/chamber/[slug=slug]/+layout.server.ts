import { requireChamber } from '$lib/server/auth/guards';

export const load = async ({ locals, url, params }) => {
	const { user, chamber, role, canEdit } = await requireChamber(locals, url, params.slug);
	return {
		user: { name: user.name },
		/** The chamber of these pages; its logo is a small data: URL. */
		chamber: { slug: chamber.slug, name: chamber.name, logo: chamber.logo },
		role,
		/** Owners and admins manage campaigns and API tokens and see the consenting firms' contacts; viewers only read. */
		canEdit
	};
};
