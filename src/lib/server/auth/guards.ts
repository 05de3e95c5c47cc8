import { error, redirect } from '@sveltejs/kit';
import { db } from '../db';
import * as auditLog from '../db/audit-log';
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

/** What the audit log calls a signed-in user refused a chamber or the admin area. */
export const ACCESS_DENIED = 'access.denied';

/**
 * Logs that a signed-in user was refused `target` (a chamber's slug, or `admin`), once per request however many of
 * its loads refuse it (the JSON API logs its refusals with it too).
 */
export async function logDenial(locals: App.Locals, user: SignedIn, target: string): Promise<void> {
	locals.denial ??= auditLog.record(db(), { actor: user.id, action: ACCESS_DENIED, target });
	await locals.denial;
}

/** Logs the refusal, then answers 404 as if the page did not exist: the log shows probing, the answer tells nothing. */
async function denyAccess(locals: App.Locals, user: SignedIn, target: string): Promise<never> {
	await logDenial(locals, user, target);
	error(404, 'Not Found');
}

/** Platform administrators only; anyone else signed in gets a 404, as if the page did not exist (and is logged). */
export async function requirePlatformAdmin(locals: App.Locals, url: URL): Promise<SignedIn> {
	const user = requireSignedIn(locals, url);
	if (!user.platformAdmin) await denyAccess(locals, user, 'admin');
	return user;
}

/**
 * The chamber in the URL and the user's role in it. The chamber is looked up from the stored record and access is
 * checked against the user's own memberships, so no id in a path, query or body can reach another chamber: a chamber
 * the user does not belong to answers 404, exactly like one that does not exist (both are logged). Platform
 * administrators may open every chamber.
 */
export async function requireChamber(locals: App.Locals, url: URL, slug: string) {
	const user = requireSignedIn(locals, url);
	const chamber = await chambers.findBySlug(db(), slug);
	if (!chamber) return denyAccess(locals, user, slug);
	const role = user.platformAdmin ? 'admin' : await members.roleIn(db(), chamber.id, user.id);
	if (!role) return denyAccess(locals, user, chamber.slug);
	return { user, chamber, role, canEdit: EDITOR_ROLES.includes(role) };
}

/** Where to go after signing in: only pages of this site's account area, never another origin. */
export function safeNext(next: string | null): string {
	return next && /^\/(chamber|admin)(\/|$|\?)/.test(next) ? next : '/chamber';
}
