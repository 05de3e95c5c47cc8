import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addToChamber, createAccount } from '$lib/server/auth/accounts';
import { createAuth } from '$lib/server/auth/instance';
import {
	SIGN_IN_FAILED,
	THROTTLE,
	addressActor,
	signInRetryAfter
} from '$lib/server/auth/throttle';
import * as auditLog from '$lib/server/db/audit-log';
import * as chambers from '$lib/server/db/chambers';
import type { Db } from '$lib/server/db/connect';
import * as members from '$lib/server/db/members';
import * as links from '$lib/server/db/one-time-links';
import { authFor } from '../fixtures/auth';
import { testDatabases } from '../fixtures/databases';

describe.each(testDatabases())('accounts on $name', (target) => {
	let db: Db;
	let auth: ReturnType<typeof createAuth>;
	beforeAll(async () => {
		db = await target.open();
		auth = authFor(target, db);
	});
	afterAll(() => target.close());

	it('creates accounts whose passwords are stored as argon2id and who sign in with them', async () => {
		expect(await members.hasPlatformAdmin(db)).toBe(false);
		const id = await createAccount(auth, {
			email: 'kok@example.org',
			name: 'Kök',
			password: 'Edirne lalesi açtı 2026',
			platformAdmin: true
		});
		expect(await members.hasPlatformAdmin(db)).toBe(true);
		const stored = await db
			.selectFrom('account' as never)
			.select('password' as never)
			.where('userId' as never, '=', id as never)
			.executeTakeFirstOrThrow();
		expect((stored as { password: string }).password).toMatch(/^\$argon2id\$/);
		const signedIn = await auth.api.signInEmail({
			body: { email: 'KOK@example.org', password: 'Edirne lalesi açtı 2026' }
		});
		expect(signedIn.user.id).toBe(id);
		await expect(
			auth.api.signInEmail({ body: { email: 'kok@example.org', password: 'yanlış parola' } })
		).rejects.toThrow();
	});

	it('gives members a role in their chamber only', async () => {
		const tekirdag = await chambers.create(db, { slug: 'tekirdag', name: 'Tekirdağ TSO' });
		const edirne = await chambers.create(db, { slug: 'edirne', name: 'Edirne TSO' });
		const userId = await createAccount(auth, {
			email: 'uye@example.org',
			name: 'Üye',
			password: 'Meriç nehri kıyısında'
		});
		await addToChamber(auth, { userId, chamberId: tekirdag.id, role: 'member' });
		expect(await members.roleIn(db, tekirdag.id, userId)).toBe('member');
		expect(await members.roleIn(db, edirne.id, userId)).toBeUndefined();
		expect(await members.chambersOf(db, userId)).toEqual([
			{ slug: 'tekirdag', name: 'Tekirdağ TSO', role: 'member' }
		]);
		expect((await members.usersOf(db, tekirdag.id)).map((user) => user.email)).toEqual([
			'uye@example.org'
		]);
	});

	it('uses a one-time link once, and never after it expires', async () => {
		const now = new Date('2026-11-23T10:00:00Z');
		await links.create(
			db,
			{ tokenHash: 'h1', purpose: 'chamber_invitation', payload: { email: 'a@b.c' }, hours: 72 },
			now
		);
		expect(await links.findUsable(db, 'h1', 'platform_setup', now)).toBeUndefined();
		expect(await links.findUsable(db, 'h1', 'chamber_invitation', now)).toEqual({ email: 'a@b.c' });
		const results = await Promise.all([links.use(db, 'h1', now), links.use(db, 'h1', now)]);
		expect(results.filter(Boolean)).toHaveLength(1);
		expect(await links.findUsable(db, 'h1', 'chamber_invitation', now)).toBeUndefined();

		await links.create(
			db,
			{ tokenHash: 'h2', purpose: 'platform_setup', payload: {}, hours: 24 },
			now
		);
		const later = new Date(now.getTime() + 25 * 3_600_000);
		expect(await links.findUsable(db, 'h2', 'platform_setup', later)).toBeUndefined();
		expect(await links.use(db, 'h2', later)).toBe(false);
	});

	it('lists the unused, unexpired links of a purpose, soonest to expire first', async () => {
		const now = new Date('2026-12-01T10:00:00Z');
		const invite = (tokenHash: string, email: string, at: Date) =>
			links.create(
				db,
				{ tokenHash, purpose: 'chamber_invitation', payload: { email }, hours: 72 },
				at
			);
		await invite('l1', 'later@b.c', new Date(now.getTime() - 3_600_000));
		await invite('l2', 'sooner@b.c', new Date(now.getTime() - 2 * 3_600_000));
		await invite('l3', 'used@b.c', now);
		await invite('l4', 'expired@b.c', new Date(now.getTime() - 73 * 3_600_000));
		await links.use(db, 'l3', now);
		const listed = (await links.listUsable(db, 'chamber_invitation', now)).filter((link) =>
			['later@b.c', 'sooner@b.c', 'used@b.c', 'expired@b.c'].includes(
				(link.payload as { email: string }).email
			)
		);
		expect(listed).toEqual([
			{ payload: { email: 'sooner@b.c' }, expiresAt: '2026-12-04T08:00:00.000Z' },
			{ payload: { email: 'later@b.c' }, expiresAt: '2026-12-04T09:00:00.000Z' }
		]);
		expect(await links.listUsable(db, 'platform_setup', now)).toEqual([]);
	});

	it('throttles sign-ins per e-mail after a few failures, and lets them in again after the window', async () => {
		const now = new Date('2026-11-23T12:00:00Z');
		const attempt = { email: 'hedef@example.org', address: '203.0.113.9' };
		for (let minute = 0; minute < THROTTLE.perAccount; minute++) {
			expect(await signInRetryAfter(db, attempt, now)).toBe(0);
			await auditLog.record(
				db,
				{
					actor: addressActor(`198.51.100.${minute}`),
					action: SIGN_IN_FAILED,
					target: attempt.email
				},
				new Date(now.getTime() - (10 - minute) * 60_000)
			);
		}
		// The oldest failure, ten minutes ago, leaves the 15-minute window in five minutes.
		expect(await signInRetryAfter(db, attempt, now)).toBe(5 * 60);
		expect(await signInRetryAfter(db, { ...attempt, email: 'baska@example.org' }, now)).toBe(0);
		expect(await signInRetryAfter(db, attempt, new Date(now.getTime() + 5 * 60_000))).toBe(0);
	});
});
