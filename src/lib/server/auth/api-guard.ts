import { apiError } from '../http/api';
import { db } from '../db';
import * as apiTokens from '../db/api-tokens';
import * as auditLog from '../db/audit-log';
import * as chambers from '../db/chambers';
import type { Chamber } from '../db/chambers';
import type { Db } from '../db/connect';
import * as members from '../db/members';
import { hashToken, isTokenShaped } from '../assessment/tokens';
import { ACCESS_DENIED } from './guards';

/** Who may call a chamber's API endpoint, and as whom it is recorded. */
export interface ChamberApiAccess {
	chamber: Chamber;
	/** The chamber role: `owner`, `admin` or `member` (viewer); a platform administrator counts as `admin`. */
	role: string;
	/** For the audit log: the user id, or `api_token:<id>` (never the token). */
	actor: string;
}

/** What the guard reads of a request; a SvelteKit `RequestEvent` of `/api/v1/chambers/[slug]/…` has it. */
interface ApiRequest {
	request: Request;
	url: URL;
	locals: App.Locals;
	params: { slug: string };
}

/**
 * The one guard of `/api/v1/chambers/<slug>/…`. A request with an `Authorization` header is decided by that header
 * alone: a usable Bearer token of this very chamber (each use audit-logged by token id and its `last_used_at` set).
 * Without one, the session of a member of the chamber or a platform administrator. Missing, unknown, revoked or
 * expired credentials answer 401; another or an unknown chamber answers 404, so no slug reveals whether it exists
 * (and the refusal is audit-logged, as on the pages).
 * Refusals come back as a Response in the API error shape, to be returned as is. Pages and form actions never call
 * this: a token opens the JSON API only.
 */
export async function requireChamberApi(
	event: ApiRequest,
	database: Db = db(),
	now = new Date()
): Promise<ChamberApiAccess | Response> {
	const { locale } = event.locals;
	// Another chamber is logged, as on the pages, and answers like an unknown one.
	const deny = async (actor: string) => {
		await auditLog.record(
			database,
			{ actor, action: ACCESS_DENIED, target: event.params.slug },
			now
		);
		return apiError(404, 'chamber_not_found', locale);
	};
	const authorization = event.request.headers.get('authorization');
	if (authorization !== null) {
		const presented = /^Bearer +(\S+)$/i.exec(authorization.trim())?.[1] ?? '';
		const token = isTokenShaped(presented)
			? await apiTokens.findUsable(database, hashToken(presented), now)
			: undefined;
		if (!token) return apiError(401, 'invalid_token', locale, [], { 'www-authenticate': 'Bearer' });
		await apiTokens.markUsed(database, token.id, now);
		const actor = `api_token:${token.id}`;
		await auditLog.record(
			database,
			{ actor, action: 'api_token.use', target: `${event.request.method} ${event.url.pathname}` },
			now
		);
		const chamber = await chambers.findBySlug(database, event.params.slug);
		if (!chamber || chamber.id !== token.chamberId) return deny(actor);
		return { chamber, role: token.role, actor };
	}

	const user = event.locals.user;
	if (!user) return apiError(401, 'unauthorized', locale);
	const chamber = await chambers.findBySlug(database, event.params.slug);
	const role =
		chamber && (user.platformAdmin ? 'admin' : await members.roleIn(database, chamber.id, user.id));
	if (!chamber || !role) return deny(user.id);
	return { chamber, role, actor: user.id };
}
