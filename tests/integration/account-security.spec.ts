import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { APIError } from 'better-auth/api';
import { addToChamber, createAccount } from '$lib/server/auth/accounts';
import { createAuth } from '$lib/server/auth/instance';
import { platformSetupLink, setupLinkUsable } from '$lib/server/auth/one-time';
import type { SignedIn } from '$lib/server/auth/session';
import {
	PASSWORD_CONFIRM_FAILED,
	PASSWORD_THROTTLED,
	SIGN_IN_FAILED,
	THROTTLE,
	addressActor,
	checkPassword
} from '$lib/server/auth/throttle';
import { claimCode } from '$lib/server/auth/two-factor';
import * as auditLog from '$lib/server/db/audit-log';
import * as chambers from '$lib/server/db/chambers';
import type { Db } from '$lib/server/db/connect';
import * as members from '$lib/server/db/members';
import { authFor } from '../fixtures/auth';
import { testDatabases } from '../fixtures/databases';

// The guards read the process-wide database; point it at each case's real database.
let current: Db;
vi.mock('$lib/server/db', () => ({ db: () => current }));
const { ACCESS_DENIED, requireChamber, requirePlatformAdmin } =
	await import('$lib/server/auth/guards');
const aggregates = await import('../../src/routes/api/v1/chambers/[slug]/aggregates/+server');

const PASSWORD = 'Trakya rüzgârı esiyor 2026';

describe.each(testDatabases())('account security on $name', (target) => {
	let db: Db;
	let auth: ReturnType<typeof createAuth>;
	beforeAll(async () => {
		db = await target.open();
		current = db;
		auth = authFor(target, db);
	});
	afterAll(() => target.close());

	it('spends the set-up link once any platform administrator exists, even one made on the command line', async () => {
		const link = await platformSetupLink(db, 'http://localhost');
		const token = link!.split('/setup/')[1];
		expect(await setupLinkUsable(db, token)).toBe(true);
		// What `npm run admin -- create-user --role platform_admin` does.
		await createAccount(auth, {
			email: 'kurucu@example.org',
			name: 'Kurucu',
			password: PASSWORD,
			platformAdmin: true
		});
		expect(await setupLinkUsable(db, token)).toBe(false);
	});

	it('counts parallel wrong passwords before checking them: at most perAccount real checks, each logged', async () => {
		const email = 'hedef@example.org';
		await createAccount(auth, { email, name: 'Hedef', password: PASSWORD });
		let checks = 0;
		const attempts = Array.from({ length: 40 }, (_, index) =>
			checkPassword(
				db,
				{
					email,
					address: `198.51.100.${index}`,
					actor: addressActor(`198.51.100.${index}`),
					failure: SIGN_IN_FAILED
				},
				() => {
					checks++;
					return auth.api.signInEmail({ body: { email, password: 'yanlış parola 123' } });
				}
			)
		);
		const outcomes = (await Promise.all(attempts)).map((attempt) => attempt.outcome);
		expect(checks).toBeLessThanOrEqual(THROTTLE.perAccount);
		expect(outcomes.filter((outcome) => outcome === 'refused')).toHaveLength(checks);
		expect(outcomes.filter((outcome) => outcome === 'throttled')).toHaveLength(40 - checks);

		const logged = await auditLog.listRecent(db, { target: email });
		expect(logged.filter((entry) => entry.action === SIGN_IN_FAILED)).toHaveLength(checks);
		expect(logged.filter((entry) => entry.action === PASSWORD_THROTTLED)).toHaveLength(40 - checks);
		for (const entry of logged) {
			expect(entry.at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
			expect(JSON.stringify(entry)).not.toContain('yanlış');
		}
	});

	it('throttles the account page’s password confirmations per account, and relabels an accepted one', async () => {
		const email = 'onay@example.org';
		const userId = await createAccount(auth, { email, name: 'Onay', password: PASSWORD });
		const attempt = {
			email,
			address: '203.0.113.7',
			actor: userId,
			failure: PASSWORD_CONFIRM_FAILED
		};
		const wrong = () =>
			Promise.reject(new APIError('BAD_REQUEST', { message: 'Invalid password' }));
		const outcomes = [];
		for (let tries = 0; tries < 12; tries++) {
			outcomes.push((await checkPassword(db, attempt, wrong)).outcome);
		}
		expect(outcomes).toEqual([
			...Array<string>(THROTTLE.perAccount).fill('refused'),
			...Array<string>(12 - THROTTLE.perAccount).fill('throttled')
		]);
		// Even the right password is not checked while throttled.
		expect((await checkPassword(db, attempt, () => Promise.resolve('ok'))).outcome).toBe(
			'throttled'
		);

		const other = { ...attempt, email: 'baska@example.org' };
		const accepted = await checkPassword(db, other, () => Promise.resolve('ok'));
		if (accepted.outcome !== 'accepted') throw new Error('expected the password to be accepted');
		await accepted.settle({ actor: userId, action: 'auth.two_factor_disabled' });
		const [entry] = await auditLog.listRecent(db, { target: other.email });
		expect(entry).toMatchObject({ actor: userId, action: 'auth.two_factor_disabled' });
	});

	it('requires two-step verification of administrators, and of viewers where the chamber asks', async () => {
		const chamber = await chambers.create(db, { slug: 'kirklareli', name: 'Kırklareli TSO' });
		const [owner, viewer, outsider] = await Promise.all(
			['sahip', 'izleyici', 'disarida'].map((name) =>
				createAccount(auth, { email: `${name}@example.org`, name, password: PASSWORD })
			)
		);
		await addToChamber(auth, { userId: owner, chamberId: chamber.id, role: 'owner' });
		await addToChamber(auth, { userId: viewer, chamberId: chamber.id, role: 'member' });
		const [admin] = await db.selectFrom('user').select('id').where('role', '=', 'admin').execute();

		expect(await members.needsTwoFactor(db, admin.id)).toBe(true);
		expect(await members.needsTwoFactor(db, owner)).toBe(true);
		expect(await members.needsTwoFactor(db, viewer)).toBe(false);
		expect(await members.needsTwoFactor(db, outsider)).toBe(false);

		await chambers.setViewersTwoFactor(db, chamber.id, true);
		expect(await chambers.viewersNeedTwoFactor(db, chamber.id)).toBe(true);
		expect(await members.needsTwoFactor(db, viewer)).toBe(true);
		expect(await members.needsTwoFactor(db, outsider)).toBe(false);
	});

	it('accepts an authenticator code once, not again while it is valid (parallel uses included)', async () => {
		const now = new Date('2026-11-26T03:00:00Z');
		const uses = await Promise.all([
			claimCode(db, 'user-1', '123456', now),
			claimCode(db, 'user-1', '123456', now)
		]);
		expect(uses.filter(Boolean)).toHaveLength(1);
		expect(await claimCode(db, 'user-1', '123456', new Date(now.getTime() + 60_000))).toBe(false);
		expect(await claimCode(db, 'user-2', '123456', now)).toBe(true);
		expect(await claimCode(db, 'user-1', '123456', new Date(now.getTime() + 91_000))).toBe(true);
	});

	it('logs a signed-in user refused a chamber or the admin area, and still answers 404', async () => {
		const tekirdag = await chambers.create(db, { slug: 'tekirdag', name: 'Tekirdağ TSO' });
		const user: SignedIn = {
			id: 'izinsiz-kullanici',
			name: 'İzinsiz',
			email: 'izinsiz@example.org',
			platformAdmin: false,
			twoFactor: true,
			mustEnrol: false
		};
		const url = new URL('http://localhost/chamber/tekirdag');
		const locals = () => ({ locale: 'tr' as const, user });
		await expect(requireChamber(locals(), url, tekirdag.slug)).rejects.toMatchObject({
			status: 404
		});
		await expect(requireChamber(locals(), url, 'yok-boyle-oda')).rejects.toMatchObject({
			status: 404
		});
		await expect(requirePlatformAdmin(locals(), url)).rejects.toMatchObject({ status: 404 });
		// A layout and its page refusing the same request log it once.
		const shared = locals();
		await Promise.all(
			[1, 2].map(() => requireChamber(shared, url, tekirdag.slug).catch(() => undefined))
		);

		// The JSON API answers in its own shape, and logs the same way.
		const apiUrl = new URL('http://localhost/api/v1/chambers/tekirdag/aggregates');
		const api = await aggregates.GET({
			locals: locals(),
			request: new Request(apiUrl),
			url: apiUrl,
			params: { slug: 'tekirdag' }
		} as unknown as Parameters<typeof aggregates.GET>[0]);
		expect(api.status).toBe(404);

		const denials = (await auditLog.listRecent(db))
			.filter((entry) => entry.action === ACCESS_DENIED)
			.map((entry) => [entry.actor, entry.target]);
		expect(denials.sort()).toEqual(
			[
				[user.id, 'tekirdag'],
				[user.id, 'yok-boyle-oda'],
				[user.id, 'admin'],
				[user.id, 'tekirdag'],
				[user.id, 'tekirdag']
			].sort()
		);
	});

	it('names the session cookie __Host- on https: Secure, Path=/ and no Domain', async () => {
		const https = authFor(target, db, 'https://yesil.example.org');
		const { headers } = await https.api.signInEmail({
			body: { email: 'onay@example.org', password: PASSWORD },
			returnHeaders: true
		});
		const session = headers.getSetCookie().find((cookie) => cookie.includes('.session_token='));
		expect(session).toMatch(/^__Host-yh\.session_token=/);
		expect(session).toMatch(/;\s*Secure/i);
		expect(session).toMatch(/;\s*Path=\/(;|$)/i);
		expect(session).not.toMatch(/Domain=/i);
		const cookie = session!.split(';')[0];
		const found = await https.api.getSession({ headers: new Headers({ cookie }) });
		expect(found?.user.email).toBe('onay@example.org');
	});
});
