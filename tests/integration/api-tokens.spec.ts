import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addToChamber, createAccount } from '$lib/server/auth/accounts';
import { requireChamberApi, type ChamberApiAccess } from '$lib/server/auth/api-guard';
import { issueApiToken } from '$lib/server/auth/api-tokens';
import { EDITOR_ROLES } from '$lib/server/auth/options';
import type { SignedIn } from '$lib/server/auth/session';
import * as apiTokens from '$lib/server/db/api-tokens';
import * as auditLog from '$lib/server/db/audit-log';
import * as chambers from '$lib/server/db/chambers';
import type { Chamber } from '$lib/server/db/chambers';
import type { Db } from '$lib/server/db/connect';
import { hashToken } from '$lib/server/assessment/tokens';
import { authFor } from '../fixtures/auth';
import { testDatabases } from '../fixtures/databases';

const NOW = new Date('2026-11-26T09:00:00Z');

/** A request to the chamber API as the guard sees it, with an optional Authorization header and session. */
function apiRequest(slug: string, options: { authorization?: string; user?: SignedIn } = {}) {
	const url = new URL(`http://localhost/api/v1/chambers/${slug}/aggregates`);
	const headers: Record<string, string> = options.authorization
		? { authorization: options.authorization }
		: {};
	return {
		request: new Request(url, { headers }),
		url,
		locals: { locale: 'en' as const, user: options.user },
		params: { slug }
	};
}

/** The status and error code of a refusal, or the access granted. */
async function outcome(result: ChamberApiAccess | Response) {
	if (!(result instanceof Response)) return result;
	const body = (await result.json()) as { error: { code: string; message: string } };
	return { status: result.status, code: body.error.code, message: body.error.message };
}

describe.each(testDatabases())('API tokens on $name', (target) => {
	let db: Db;
	let tekirdag: Chamber;
	let edirne: Chamber;
	beforeAll(async () => {
		db = await target.open();
		tekirdag = await chambers.create(db, { slug: 'tekirdag-tso', name: 'Tekirdağ TSO' });
		edirne = await chambers.create(db, { slug: 'edirne-tso', name: 'Edirne TSO' });
	});
	afterAll(() => target.close());

	const bearer = (token: string) => `Bearer ${token}`;

	it('stores only the hash, lists tokens without it, and revokes only within the chamber', async () => {
		const { id, token } = await issueApiToken(
			db,
			{ chamberId: tekirdag.id, name: 'CRM eşitleme', role: 'admin', createdBy: 'u1' },
			NOW
		);
		expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
		const stored = await db
			.selectFrom('api_token')
			.selectAll()
			.where('id', '=', id)
			.executeTakeFirstOrThrow();
		expect(stored.token_hash).toBe(hashToken(token));
		expect(JSON.stringify(stored)).not.toContain(token);

		const listed = await apiTokens.listForChamber(db, tekirdag.id);
		expect(listed).toEqual([
			{
				id,
				name: 'CRM eşitleme',
				role: 'admin',
				createdAt: NOW.toISOString(),
				expiresAt: null,
				revokedAt: null,
				lastUsedAt: null
			}
		]);
		expect(await apiTokens.listForChamber(db, edirne.id)).toEqual([]);

		// Another chamber cannot revoke it; its own can, and doing so twice keeps the first time.
		expect(await apiTokens.revoke(db, edirne.id, id, NOW)).toBe(false);
		expect(await apiTokens.findUsable(db, hashToken(token), NOW)).toMatchObject({ id });
		const later = new Date(NOW.getTime() + 60_000);
		expect(await apiTokens.revoke(db, tekirdag.id, id, NOW)).toBe(true);
		expect(await apiTokens.revoke(db, tekirdag.id, id, later)).toBe(true);
		expect((await apiTokens.listForChamber(db, tekirdag.id))[0].revokedAt).toBe(NOW.toISOString());
		expect(await apiTokens.findUsable(db, hashToken(token), NOW)).toBeUndefined();
	});

	it('lets a valid token of the chamber in, records each use by token id, and refuses other chambers with 404', async () => {
		const { id, token } = await issueApiToken(
			db,
			{ chamberId: tekirdag.id, name: 'Rapor betiği', role: 'member', createdBy: 'u1' },
			NOW
		);
		const access = await outcome(
			await requireChamberApi(apiRequest('tekirdag-tso', { authorization: bearer(token) }), db, NOW)
		);
		expect(access).toEqual({ chamber: tekirdag, role: 'member', actor: `api_token:${id}` });
		// A viewer token acts as a viewer: it is not one of the roles that may change anything.
		expect(EDITOR_ROLES).not.toContain((access as ChamberApiAccess).role);

		const entries = await auditLog.listRecent(db, {
			target: 'GET /api/v1/chambers/tekirdag-tso/aggregates'
		});
		expect(entries).toMatchObject([{ actor: `api_token:${id}`, action: 'api_token.use' }]);
		const everything = await db.selectFrom('audit_log').selectAll().execute();
		expect(JSON.stringify(everything)).not.toContain(token);
		expect(
			(await apiTokens.listForChamber(db, tekirdag.id)).find((t) => t.id === id)
		).toMatchObject({ lastUsedAt: NOW.toISOString() });

		for (const slug of ['edirne-tso', 'no-such-chamber']) {
			expect(
				await outcome(
					await requireChamberApi(apiRequest(slug, { authorization: bearer(token) }), db, NOW)
				)
			).toMatchObject({ status: 404, code: 'chamber_not_found' });
		}
	});

	it('answers 401 for a revoked, expired, unknown or malformed token, whatever the session', async () => {
		const revoked = await issueApiToken(
			db,
			{ chamberId: tekirdag.id, name: 'Eski', role: 'admin', createdBy: 'u1' },
			NOW
		);
		await apiTokens.revoke(db, tekirdag.id, revoked.id, NOW);
		const expiring = await issueApiToken(
			db,
			{
				chamberId: tekirdag.id,
				name: 'Süreli',
				role: 'admin',
				createdBy: 'u1',
				expiresAt: new Date('2026-12-01T00:00:00Z')
			},
			NOW
		);
		const check = async (authorization: string, now = NOW) =>
			outcome(await requireChamberApi(apiRequest('tekirdag-tso', { authorization }), db, now));

		expect(await check(bearer(expiring.token))).toMatchObject({ role: 'admin' });
		const afterExpiry = new Date('2026-12-01T00:00:00Z');
		for (const [authorization, now] of [
			[bearer(expiring.token), afterExpiry],
			[bearer(revoked.token), NOW],
			[bearer('A'.repeat(43)), NOW],
			['Bearer not-a-token', NOW],
			[`Basic ${Buffer.from('a:b').toString('base64')}`, NOW]
		] as const) {
			expect(await check(authorization, now), authorization).toEqual({
				status: 401,
				code: 'invalid_token',
				message: 'The API token is not valid: it is wrong, revoked or expired.'
			});
		}
		// A header with a bad token is refused even when a platform administrator's session comes with it.
		const admin: SignedIn = {
			id: 'root',
			name: 'Kök',
			email: 'kok@example.org',
			platformAdmin: true,
			twoFactor: true,
			mustEnrol: false
		};
		const withSession = apiRequest('tekirdag-tso', {
			authorization: bearer(revoked.token),
			user: admin
		});
		expect(await outcome(await requireChamberApi(withSession, db, NOW))).toMatchObject({
			status: 401
		});
	});

	it('without a token, lets members and platform administrators in by their session', async () => {
		const auth = authFor(target, db);
		const userId = await createAccount(auth, {
			email: 'izleyici@example.org',
			name: 'İzleyici',
			password: 'Meriç nehri kıyısında'
		});
		await addToChamber(auth, { userId, chamberId: tekirdag.id, role: 'member' });
		const viewer: SignedIn = {
			id: userId,
			name: 'İzleyici',
			email: 'izleyici@example.org',
			platformAdmin: false,
			twoFactor: false,
			mustEnrol: false
		};
		const as = async (slug: string, user?: SignedIn) =>
			outcome(await requireChamberApi(apiRequest(slug, { user }), db, NOW));

		expect(await as('tekirdag-tso', viewer)).toEqual({
			chamber: tekirdag,
			role: 'member',
			actor: userId
		});
		expect(await as('edirne-tso', viewer)).toMatchObject({ status: 404 });
		expect(await as('tekirdag-tso')).toMatchObject({ status: 401, code: 'unauthorized' });
		expect(await as('edirne-tso', { ...viewer, id: 'root', platformAdmin: true })).toMatchObject({
			role: 'admin',
			actor: 'root'
		});

		// A token stops when the account that made it is disabled, like that account's sessions.
		const { token } = await issueApiToken(
			db,
			{ chamberId: tekirdag.id, name: 'Kişisel', role: 'member', createdBy: userId },
			NOW
		);
		const cli = await issueApiToken(
			db,
			{ chamberId: tekirdag.id, name: 'Sunucu', role: 'member', createdBy: 'cli' },
			NOW
		);
		expect(await apiTokens.findUsable(db, hashToken(token), NOW)).toBeDefined();
		await db
			.updateTable('user')
			.set({ banned: sql<boolean>`true` })
			.where('id', '=', userId)
			.execute();
		expect(await apiTokens.findUsable(db, hashToken(token), NOW)).toBeUndefined();
		expect(await apiTokens.findUsable(db, hashToken(cli.token), NOW)).toBeDefined();
	});
});
