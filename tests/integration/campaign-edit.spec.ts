import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { campaignEdit } from '$lib/server/chamber/campaign-input';
import * as auditLog from '$lib/server/db/audit-log';
import * as chamberRows from '$lib/server/db/chambers';
import type { Db } from '$lib/server/db/connect';
import { testDatabases } from '../fixtures/databases';

// The services use the process-wide database; point it at each real database in turn.
let current: Db;
vi.mock('$lib/server/db', () => ({ db: () => current }));
const campaigns = await import('$lib/server/chamber/campaign-service');
const chambers = await import('$lib/server/chamber/chamber-service');
const progress = await import('$lib/server/chamber/progress-service');

async function audited(target: string) {
	const entries = await auditLog.listRecent(current, { target });
	return entries.reverse().map(({ actor, action }) => ({ actor, action }));
}

describe('the campaign edit form', () => {
	it('reads days as Türkiye calendar days and refuses a closing before the opening', () => {
		const parsed = campaignEdit.parse({
			name: 'Bahar 2027',
			opensAt: '2027-03-01',
			closesAt: '2027-03-31',
			targetFirms: '120'
		});
		expect(parsed.opensAt?.toISOString()).toBe('2027-02-28T21:00:00.000Z');
		expect(parsed.closesAt?.toISOString()).toBe('2027-03-30T21:00:00.000Z');
		expect(parsed.targetFirms).toBe(120);
		const refused = campaignEdit.safeParse({
			name: 'Bahar 2027',
			opensAt: '2027-03-31',
			closesAt: '2027-03-01',
			targetFirms: '0'
		});
		expect(refused.error?.issues.map((issue) => [issue.path.join('.'), issue.message])).toEqual([
			['targetFirms', 'campaign.error_target'],
			['closesAt', 'campaign.error_dates']
		]);
		expect(
			campaignEdit.safeParse({ name: 'Bahar', opensAt: '2027-03-31', closesAt: '2027-03-01' }).error
				?.issues[0]
		).toMatchObject({ path: ['closesAt'], message: 'campaign.error_dates' });
		expect(campaignEdit.safeParse({ name: 'Bahar', opensAt: '' }).error?.issues[0]).toMatchObject({
			path: ['opensAt'],
			message: 'campaign.error_date'
		});
	});
});

describe.each(testDatabases())('editing and closing campaigns on $name', (target) => {
	beforeAll(async () => {
		current = await target.open();
	});
	afterAll(() => target.close());

	async function chamber(slug: string) {
		const created = await chambers.registerChamber('admin-1', { slug, name: slug });
		if (created === 'slug_taken') throw new Error('refused');
		return created;
	}

	it("changes a campaign's name, days and target within its chamber only, audited", async () => {
		const [own, other] = [await chamber('sakarya-tso'), await chamber('kocaeli-tso')];
		const id = await campaigns.createCampaign('owner-1', own.id, {
			name: 'Bahar',
			targetFirms: 40
		});
		expect(await campaigns.campaignOf(own.id, id)).toMatchObject({ targetFirms: 40 });
		const changes = {
			name: 'Bahar 2027',
			opensAt: new Date('2026-02-28T21:00:00.000Z'),
			closesAt: new Date('2099-03-30T21:00:00.000Z'),
			targetFirms: 120
		};
		expect(await campaigns.editCampaign('owner-2', other.id, id, changes)).toBe(false);
		expect(await campaigns.editCampaign('owner-1', own.id, id, changes)).toBe(true);
		expect(await campaigns.campaignOf(own.id, id)).toMatchObject({
			name: 'Bahar 2027',
			opensAt: '2026-02-28T21:00:00.000Z',
			closesAt: '2099-03-30T21:00:00.000Z',
			targetFirms: 120,
			state: 'open'
		});
		// An empty closing day and target remove them.
		await campaigns.editCampaign('owner-1', own.id, id, {
			name: 'Bahar 2027',
			opensAt: changes.opensAt
		});
		expect(await campaigns.campaignOf(own.id, id)).toMatchObject({
			closesAt: null,
			targetFirms: null
		});
		expect(await audited(id)).toEqual([
			{ actor: 'owner-1', action: 'campaign.create' },
			{ actor: 'owner-1', action: 'campaign.update' },
			{ actor: 'owner-1', action: 'campaign.update' }
		]);
	});

	it('closes an open campaign now, once, and never another chamber’s or one not yet open', async () => {
		const [own, other] = [await chamber('bolu-tso'), await chamber('duzce-tso')];
		const id = await campaigns.createCampaign('owner-1', own.id, { name: 'Yaz' });
		const future = await campaigns.createCampaign('owner-1', own.id, {
			name: 'Güz',
			opensAt: new Date(Date.now() + 86_400_000)
		});
		expect(await campaigns.closeCampaign('owner-2', other.id, id)).toBe(false);
		expect(await campaigns.closeCampaign('owner-1', own.id, future)).toBe(false);
		const before = Date.now();
		expect(await campaigns.closeCampaign('owner-1', own.id, id)).toBe(true);
		const closed = await campaigns.campaignOf(own.id, id);
		expect(closed?.state).toBe('closed');
		expect(Date.parse(closed!.closesAt!)).toBeGreaterThanOrEqual(before - 1000);
		expect(await campaigns.closeCampaign('owner-1', own.id, id)).toBe(false);
		expect(await audited(id)).toEqual([
			{ actor: 'owner-1', action: 'campaign.create' },
			{ actor: 'owner-1', action: 'campaign.close' }
		]);
		expect(await audited(future)).toEqual([{ actor: 'owner-1', action: 'campaign.create' }]);
	});

	it("sets and removes the chamber's target, audited", async () => {
		const own = await chamber('zonguldak-tso');
		await progress.setChamberTarget('owner-1', own.id, 150);
		expect(await chamberRows.targetFirms(current, own.id)).toBe(150);
		await progress.setChamberTarget('owner-1', own.id, undefined);
		expect(await chamberRows.targetFirms(current, own.id)).toBeNull();
		expect(await audited(own.id)).toEqual([
			{ actor: 'owner-1', action: 'chamber.target' },
			{ actor: 'owner-1', action: 'chamber.target' }
		]);
	});
});
