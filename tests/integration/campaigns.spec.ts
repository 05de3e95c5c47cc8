import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as assessments from '$lib/server/db/assessments';
import * as campaigns from '$lib/server/db/campaigns';
import * as chambers from '$lib/server/db/chambers';
import * as consent from '$lib/server/db/consent';
import type { Db } from '$lib/server/db/connect';
import { hashToken, newToken } from '$lib/server/assessment/tokens';
import { scoreAnswers } from '$lib/scoring/score';
import { miniCatalogue } from '../fixtures/catalogue';
import { testDatabases } from '../fixtures/databases';

const mini = miniCatalogue().questionnaires.get('mini')!;

describe.each(testDatabases())('chambers and campaigns on $name', (target) => {
	let db: Db;
	beforeAll(async () => {
		db = await target.open();
	});
	afterAll(() => target.close());

	it('finds a campaign by its share code, with the chamber that runs it', async () => {
		const chamber = await chambers.create(db, {
			slug: 'kirklareli-tso',
			name: 'Kırklareli Ticaret ve Sanayi Odası',
			province: '39'
		});
		const { code } = await campaigns.create(db, {
			chamberId: chamber.id,
			name: 'Yeşil Dönüşüm – İlkbahar',
			questionnaireId: 'mini',
			opensAt: new Date('2026-01-01T00:00:00Z'),
			closesAt: new Date('2026-06-30T00:00:00Z')
		});
		expect(code).toMatch(/^[A-Za-z0-9_-]{22}$/);
		const found = await campaigns.findByCode(db, code);
		expect(found).toMatchObject({
			code,
			name: 'Yeşil Dönüşüm – İlkbahar',
			questionnaireId: 'mini',
			opensAt: '2026-01-01T00:00:00.000Z',
			closesAt: '2026-06-30T00:00:00.000Z',
			chamber: { slug: 'kirklareli-tso', name: 'Kırklareli Ticaret ve Sanayi Odası' }
		});
		expect(await campaigns.findByCode(db, campaigns.newCampaignCode())).toBeUndefined();
	});

	it('refuses a second chamber with the same slug', async () => {
		await chambers.create(db, { slug: 'tekirdag-tso', name: 'Tekirdağ TSO' });
		await expect(chambers.create(db, { slug: 'tekirdag-tso', name: 'Başka' })).rejects.toThrow();
	});

	it("stores a campaign SME's consent with the notice version and time, and its withdrawal", async () => {
		const chamber = await chambers.create(db, { slug: 'kesan-tso', name: 'Keşan TSO' });
		const id = await assessments.create(db, {
			tokenHash: hashToken(newToken()),
			questionnaireId: 'mini',
			questionnaireVersion: '1.0.0',
			locale: 'tr',
			chamberId: chamber.id
		});
		const answers = { q1: 'top' };
		await assessments.submit(
			db,
			id,
			{
				answers,
				result: scoreAnswers(mini, answers),
				facts: {},
				consent: { shareIdentity: true, version: '2026-11-23' }
			},
			new Date('2026-11-23T10:00:00Z')
		);
		expect(await assessments.findById(db, id)).toMatchObject({
			consentShareIdentity: true,
			consentVersion: '2026-11-23',
			consentAt: '2026-11-23T10:00:00.000Z'
		});
		await consent.withdraw(db, [id]);
		expect(await assessments.findById(db, id)).toMatchObject({
			consentShareIdentity: false,
			consentVersion: null,
			consentAt: null
		});
	});

	it('erases the campaigns of a removed chamber', async () => {
		const chamber = await chambers.create(db, { slug: 'gone-tso', name: 'Gone' });
		const { code } = await campaigns.create(db, {
			chamberId: chamber.id,
			name: 'Short',
			questionnaireId: 'mini',
			opensAt: new Date()
		});
		await db.deleteFrom('chamber').where('id', '=', chamber.id).execute();
		expect(await campaigns.findByCode(db, code)).toBeUndefined();
	});
});
