import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import * as auditLog from '$lib/server/db/audit-log';
import type { Db } from '$lib/server/db/connect';
import { testDatabases } from '../fixtures/databases';

// The services use the process-wide database; point it at each real database in turn.
let current: Db;
vi.mock('$lib/server/db', () => ({ db: () => current }));
const { audit } = await import('$lib/server/audit');
const accounts = await import('$lib/server/auth/account-service');
const apiTokens = await import('$lib/server/chamber/api-token-service');
const campaigns = await import('$lib/server/chamber/campaign-service');
const chambers = await import('$lib/server/chamber/chamber-service');

/** The audit entries about one target, oldest first, as actor and action. */
async function audited(target: string) {
	const entries = await auditLog.listRecent(current, { target });
	return entries.reverse().map(({ actor, action }) => ({ actor, action }));
}

describe.each(testDatabases())('the chamber services on $name', (target) => {
	beforeAll(async () => {
		current = await target.open();
	});
	afterAll(() => target.close());

	it('registers a chamber once per address, audited', async () => {
		const chamber = await chambers.registerChamber('admin-1', {
			slug: 'tekirdag-tso',
			name: 'Tekirdağ TSO'
		});
		if (chamber === 'slug_taken') throw new Error('the first registration was refused');
		expect(await chambers.chamberById(chamber.id)).toEqual(chamber);
		expect(await chambers.registerChamber('admin-1', { slug: 'tekirdag-tso', name: 'Başka' })).toBe(
			'slug_taken'
		);
		expect(await audited('tekirdag-tso')).toEqual([{ actor: 'admin-1', action: 'chamber.create' }]);
		expect(await chambers.chambersWithUsers()).toEqual([
			{
				id: chamber.id,
				slug: 'tekirdag-tso',
				name: 'Tekirdağ TSO',
				province: null,
				logo: null,
				users: [],
				invitations: []
			}
		]);
	});

	it('renames a chamber and replaces its logo, keeping its address, each change audited', async () => {
		const chamber = await chambers.registerChamber('admin-1', {
			slug: 'luleburgaz-tso',
			name: 'Lüleburgaz',
			province: '39'
		});
		if (chamber === 'slug_taken') throw new Error('refused');
		await chambers.updateChamber('admin-1', chamber, { name: 'Lüleburgaz' });
		expect(await audited('luleburgaz-tso')).toEqual([
			{ actor: 'admin-1', action: 'chamber.create' }
		]);

		const logo = 'data:image/png;base64,iVBORw0KGgo=';
		await chambers.updateChamber('admin-2', chamber, { name: 'Lüleburgaz TSO', logo });
		expect(await chambers.chamberById(chamber.id)).toEqual({
			...chamber,
			name: 'Lüleburgaz TSO',
			logo
		});
		expect(await audited('luleburgaz-tso')).toEqual([
			{ actor: 'admin-1', action: 'chamber.create' },
			{ actor: 'admin-2', action: 'chamber.rename' },
			{ actor: 'admin-2', action: 'chamber.logo_change' }
		]);
	});

	it('lists the pending invitations of each chamber until they are used', async () => {
		const [own, other] = await Promise.all(
			['kesan-tso', 'malkara-tso'].map((slug) =>
				chambers.registerChamber('admin-1', { slug, name: slug })
			)
		);
		if (own === 'slug_taken' || other === 'slug_taken') throw new Error('refused');
		const used = await chambers.invite('admin-1', own, { email: 'used@kesan.tr', role: 'admin' });
		await chambers.invite('admin-1', own, { email: 'bekliyor@kesan.tr', role: 'member' });
		await chambers.invite('admin-1', other, { email: 'baska@malkara.tr', role: 'owner' });
		expect(await accounts.spendLink(used)).toBe(true);

		const cards = new Map(
			(await chambers.chambersWithUsers()).map((card) => [card.slug, card.invitations])
		);
		expect(cards.get('kesan-tso')).toEqual([
			{ email: 'bekliyor@kesan.tr', role: 'member', expiresAt: expect.any(String) }
		]);
		expect(cards.get('malkara-tso')).toEqual([
			{ email: 'baska@malkara.tr', role: 'owner', expiresAt: expect.any(String) }
		]);
		// Valid for 72 hours from now.
		const expires = Date.parse(cards.get('kesan-tso')![0].expiresAt);
		expect(expires - Date.now()).toBeGreaterThan(71 * 3_600_000);
		expect(expires - Date.now()).toBeLessThanOrEqual(72 * 3_600_000);
	});

	it('sets the viewers’ two-step rule and invites by a one-time link, each audited', async () => {
		const chamber = await chambers.registerChamber('admin-1', {
			slug: 'edirne-tso',
			name: 'Edirne'
		});
		if (chamber === 'slug_taken') throw new Error('refused');
		await chambers.setViewersTwoFactor('owner-1', chamber, true);
		expect(await chambers.viewersNeedTwoFactor(chamber.id)).toBe(true);
		await chambers.setViewersTwoFactor('owner-1', chamber, false);
		expect(await chambers.viewersNeedTwoFactor(chamber.id)).toBe(false);

		const token = await chambers.invite('admin-1', chamber, { email: 'a@b.tr', role: 'member' });
		expect(await accounts.invitation(token)).toEqual({
			chamberId: chamber.id,
			email: 'a@b.tr',
			role: 'member'
		});
		expect(await accounts.spendLink(token)).toBe(true);
		expect(await accounts.spendLink(token)).toBe(false);
		expect(await accounts.invitation(token)).toBeUndefined();
		expect(await audited('edirne-tso')).toEqual([
			{ actor: 'admin-1', action: 'chamber.create' },
			{ actor: 'owner-1', action: 'chamber.viewers_two_factor_required' },
			{ actor: 'owner-1', action: 'chamber.viewers_two_factor_optional' },
			{ actor: 'admin-1', action: 'chamber.invite' }
		]);
	});

	it('creates campaigns with their state and finds them only within their chamber', async () => {
		const [own, other] = await Promise.all(
			['kirklareli-tso', 'canakkale-tso'].map((slug) =>
				chambers.registerChamber('admin-1', { slug, name: slug })
			)
		);
		if (own === 'slug_taken' || other === 'slug_taken') throw new Error('refused');
		const later = new Date(Date.now() + 86_400_000);
		const id = await campaigns.createCampaign('owner-1', own.id, { name: 'Bahar 2027' });
		const future = await campaigns.createCampaign('owner-1', own.id, {
			name: 'Yaz 2027',
			opensAt: later
		});
		expect((await campaigns.campaignsOf(own.id)).map(({ id, state }) => ({ id, state }))).toEqual(
			expect.arrayContaining([
				{ id, state: 'open' },
				{ id: future, state: 'not_yet_open' }
			])
		);
		const campaign = await campaigns.campaignOf(own.id, id);
		expect(campaign?.state).toBe('open');
		expect(await campaigns.campaignOf(other.id, id)).toBeUndefined();
		const shared = await campaigns.campaignByCode(campaign!.code);
		expect(shared).toMatchObject({ id, state: 'open', chamber: { id: own.id } });
		expect(await audited(id)).toEqual([{ actor: 'owner-1', action: 'campaign.create' }]);
	});

	it('issues, lists and revokes API tokens within their chamber, each audited', async () => {
		const [own, other] = await Promise.all(
			['bursa-tso', 'izmir-tso'].map((slug) =>
				chambers.registerChamber('admin-1', { slug, name: slug })
			)
		);
		if (own === 'slug_taken' || other === 'slug_taken') throw new Error('refused');
		const token = await apiTokens.createToken('owner-1', own.id, { name: 'CRM', role: 'member' });
		expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
		const [listed] = await apiTokens.tokensOf(own.id);
		expect(listed).toMatchObject({ name: 'CRM', role: 'member', state: 'active' });
		expect(JSON.stringify(listed)).not.toContain(token);
		expect(await apiTokens.revokeToken('owner-2', other.id, listed.id)).toBe(false);
		expect(await apiTokens.revokeToken('owner-1', own.id, listed.id)).toBe(true);
		expect((await apiTokens.tokensOf(own.id))[0].state).toBe('revoked');
		expect(await audited(listed.id)).toEqual([
			{ actor: 'owner-1', action: 'api_token.create' },
			{ actor: 'owner-1', action: 'api_token.revoke' }
		]);
	});

	it('accepts an authenticator code once, in the process-wide database', async () => {
		expect(await accounts.claimCode('user-1', '123456')).toBe(true);
		expect(await accounts.claimCode('user-1', '123456')).toBe(false);
		expect(await accounts.needsTwoFactor('nobody')).toBe(false);
		expect(await accounts.chambersOf('nobody')).toEqual([]);
	});

	it('writes an audit entry without a database argument', async () => {
		await audit({ actor: 'user-1', action: 'auth.sign_out', target: 'audit-target' });
		expect(await audited('audit-target')).toEqual([{ actor: 'user-1', action: 'auth.sign_out' }]);
	});
});
