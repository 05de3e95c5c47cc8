import { error, redirect } from '@sveltejs/kit';
import { db } from '../db';
import * as chambers from '../db/chambers';
import * as members from '../db/members';
import { EDITOR_ROLES } from './options';
import type { SignedIn } from './session';

/** The signed-in user, or a redirect to the sign-in page that comes back here afterwards. */
export function requireSignedIn(locals: App.Locals, url: URL): SignedIn {
	if (!locals.user) {
		redirect(303, `/chamber/login?next=${encodeURIComponent(url.pathname + url.search)}`);
	}
	return locals.user;
}

/** Platform administrators only; anyone else signed in gets a 404, as if the page did not exist. */
export function requirePlatformAdmin(locals: App.Locals, url: URL): SignedIn {
	const user = requireSignedIn(locals, url);
	if (!user.platformAdmin) error(404, 'Not Found');
	return user;
}

/**
 * The chamber in the URL and the user's role in it. The chamber is looked up from the stored record and access is
 * checked against the user's own memberships, so no id in a path, query or body can reach another chamber: a chamber
 * the user does not belong to answers 404, exactly like one that does not exist. Platform administrators may open
 * every chamber.
 */
export async function requireChamber(locals: App.Locals, url: URL, slug: string) {
	const user = requireSignedIn(locals, url);
	const chamber = await chambers.findBySlug(db(), slug);
	if (!chamber) error(404, 'Not Found');
	const role = user.platformAdmin ? 'admin' : await members.roleIn(db(), chamber.id, user.id);
	if (!role) error(404, 'Not Found');
	return { user, chamber, role, canEdit: EDITOR_ROLES.includes(role) };
}

/** Where to go after signing in: only pages of this site's account area, never another origin. */
export function safeNext(next: string | null): string {
	return next && /^\/(chamber|admin)(\/|$|\?)/.test(next) ? next : '/chamber';
}
