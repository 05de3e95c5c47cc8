import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTranslator } from '$lib/i18n';
import { matchesSummary } from '$lib/presenters/symbiosis-matches';
import { createAccount } from '$lib/server/auth/accounts';
import { issueApiToken } from '$lib/server/auth/api-tokens';
import * as assessments from '$lib/server/db/assessments';
import * as auditLog from '$lib/server/db/audit-log';
import * as chambers from '$lib/server/db/chambers';
import type { Chamber } from '$lib/server/db/chambers';
import type { Db } from '$lib/server/db/connect';
import * as reassessments from '$lib/server/db/reassessments';
import * as symbiosis from '$lib/server/db/symbiosis';
import type { SymbiosisItem } from '$lib/symbiosis/listing';
import { authFor } from '../fixtures/auth';
import { testDatabases } from '../fixtures/databases';
import { insertCampaign, insertChamber, insertDraft, insertSubmitted } from '../fixtures/submitted';

// The services, the guard and the audit log read the process-wide database; point it at each case's.
let current: Db;
vi.mock('$lib/server/db', () => ({ db: () => current }));
const { chamberMatches, introduce } = await import('$lib/server/chamber/symbiosis-matches');
const api = await import('../../src/routes/api/v1/chambers/[slug]/symbiosis/+server');
const exportsRoute =
	await import('../../src/routes/api/v1/chambers/[slug]/exports/[kind=export_kind].[format=export_format]/+server');

const EVIL = '=HYPERLINK("http://evil.example","Tıkla")';
const NOW = new Date('2026-05-04T07:30:00Z');

const wood = (quantityPerYear: number, more: Partial<SymbiosisItem> = {}): SymbiosisItem => ({
	category: 'wood',
	quantityPerYear,
	unit: 't',
	...more
});

/** A GET of a chamber endpoint as the route sees it, with a bearer token or none. */
function request(path: string, params: Record<string, string>, token?: string, query = '') {
	const url = new URL(`http://localhost/api/v1/chambers/${path}${query}`);
	return {
		locals: { locale: 'en' },
		request: new Request(url, { headers: token ? { authorization: `Bearer ${token}` } : {} }),
		url,
		params
	} as never;
}

describe.each(testDatabases())('symbiosis matches on $name', (target) => {
	let db: Db;
	let chamber: Chamber;
	let campaignId: string;
	let userId: string;
	let second = 0;

	/** A firm of a chamber with a submitted assessment, a name and contact, and this listing. */
	async function firm(
		chamberId: string,
		name: string,
		province: string,
		listing: { offers?: SymbiosisItem[]; needs?: SymbiosisItem[]; consent: boolean }
	): Promise<string> {
		second += 1;
		const id = await insertSubmitted(db, {
			chamberId,
			campaignId: chamberId === chamber.id ? campaignId : null,
			province,
			overall: 50,
			submittedAt: `2026-03-02T10:00:${String(second).padStart(2, '0')}.000Z`
		});
		await db
			.updateTable('assessment')
			.set({
				answers: JSON.stringify({ company_name: name, contact_email: `firma${second}@example.org` })
			})
			.where('id', '=', id)
			.execute();
		await symbiosis.replace(db, id, {
			offers: listing.offers ?? [],
			needs: listing.needs ?? [],
			consentIntroduce: listing.consent
		});
		return id;
	}

	let furniture: string;
	let briquette: string;
	let istanbul: string;
	let outsider: string;
	let tokens: { viewer: string; admin: string; stranger: string };

	beforeAll(async () => {
		db = await target.open();
		current = db;
		await insertChamber(db, 'trakya-tso');
		chamber = (await chambers.findBySlug(db, 'trakya-tso'))!;
		campaignId = await insertCampaign(db, chamber.id);
		const otherId = await insertChamber(db, 'edirne-tso');
		// A furniture maker in Tekirdağ offers sawdust; a briquette maker in Kırklareli and a firm in İstanbul need it.
		furniture = await firm(chamber.id, 'Trakya Mobilya', '59', {
			offers: [wood(120)],
			consent: true
		});
		briquette = await firm(chamber.id, 'Kırklareli Briket', '39', {
			needs: [wood(100)],
			consent: true
		});
		istanbul = await firm(chamber.id, EVIL, '34', {
			needs: [wood(30, { province: '34' })],
			consent: true
		});
		// Needs sawdust too, in the offering firm's own province, but lets nobody introduce it: only counted elsewhere.
		await firm(chamber.id, 'Sessiz Palet', '59', { needs: [wood(50)], consent: false });
		// Another chamber's consenting firm next door never appears.
		outsider = await firm(otherId, 'Edirne Briket', '59', { needs: [wood(10)], consent: true });
		const auth = authFor(target, db);
		userId = await createAccount(auth, {
			email: 'yonetici@example.org',
			name: 'Ayşe Yönetici',
			password: 'Meriç nehri kıyısında'
		});
		const issue = async (chamberId: string, role: string) =>
			(await issueApiToken(db, { chamberId, name: role, role, createdBy: userId })).token;
		tokens = {
			viewer: await issue(chamber.id, 'member'),
			admin: await issue(chamber.id, 'admin'),
			stranger: await issue(otherId, 'admin')
		};
	});
	afterAll(() => target.close());

	const pairsOf = async () =>
		(await chamberMatches(chamber, 'en', true)).map((match) => [
			match.offer.name,
			match.need.name,
			match.distanceKm
		]);

	it('pairs only consenting firms of the chamber, closest first, with names for administrators', async () => {
		const matches = await chamberMatches(chamber, 'en', true);
		expect(matches.map((match) => [match.offer.name, match.need.name, match.distanceKm])).toEqual([
			['Trakya Mobilya', 'Kırklareli Briket', 88],
			['Trakya Mobilya', EVIL, 123]
		]);
		expect(matches[0]).toMatchObject({
			key: { offerAssessmentId: furniture, needAssessmentId: briquette, category: 'wood' },
			category: { id: 'wood', name: expect.any(String) },
			offer: {
				contact: 'firma1@example.org',
				quantityPerYear: 120,
				unit: 't',
				province: { code: '59', name: 'Tekirdağ' }
			},
			need: { quantityPerYear: 100, province: { code: '39', name: 'Kırklareli' } },
			introduced: null
		});
		expect(JSON.stringify(matches)).not.toContain(outsider);
		expect(JSON.stringify(matches)).not.toContain('Sessiz Palet');

		const anonymous = await chamberMatches(chamber, 'en', false);
		expect(anonymous).toHaveLength(2);
		expect(anonymous[0]).toMatchObject({ key: null, offer: { name: null, contact: null } });
	});

	it('records an introduction once, with who and when, and keeps it when a firm re-assesses', async () => {
		const key = { offerAssessmentId: furniture, needAssessmentId: briquette, category: 'wood' };
		expect(await introduce(userId, chamber, key, NOW)).toBe('introduced');
		expect(await introduce(userId, chamber, key, new Date('2026-05-05T00:00:00Z'))).toBe('already');
		const rows = await db.selectFrom('symbiosis_introduction').selectAll().execute();
		expect(rows).toHaveLength(1);
		const logged = (await auditLog.listRecent(db)).filter(
			(entry) => entry.action === 'chamber.symbiosis_introduce'
		);
		expect(logged).toHaveLength(1);
		expect(logged[0].actor).toBe(userId);
		const [first, other] = await chamberMatches(chamber, 'en', false);
		expect(first.introduced).toEqual({ at: NOW.toISOString(), by: 'Ayşe Yönetici' });
		expect(other.introduced).toBeNull();

		// The briquette maker re-assesses: its new assessment takes the mark over on submission.
		const draft = await insertDraft(db, {
			chamberId: chamber.id,
			campaignId,
			createdAt: '2026-05-01T00:00:00.000Z',
			previousId: briquette
		});
		await symbiosis.replace(db, draft, { offers: [], needs: [wood(90)], consentIntroduce: true });
		const outcome = await assessments.submit(db, draft, {
			answers: { company_name: 'Kırklareli Briket A.Ş.' },
			result: {
				questionnaire: 'mini',
				version: '1.0.0',
				overall: 55,
				level: 'aware',
				themes: [],
				recommendations: []
			} as never,
			facts: { province: '39' }
		});
		expect(outcome).toBe('submitted');
		const after = await chamberMatches(chamber, 'en', true);
		expect(after[0]).toMatchObject({
			need: { name: 'Kırklareli Briket A.Ş.', quantityPerYear: 90 },
			introduced: { at: NOW.toISOString(), by: 'Ayşe Yönetici' }
		});
		briquette = draft;
	});

	it('refuses to introduce what is not a current match of the chamber', async () => {
		const pairs = [
			{ offerAssessmentId: furniture, needAssessmentId: outsider, category: 'wood' },
			{ offerAssessmentId: furniture, needAssessmentId: istanbul, category: 'metal' },
			{ offerAssessmentId: istanbul, needAssessmentId: furniture, category: 'wood' }
		];
		for (const key of pairs) expect(await introduce(userId, chamber, key, NOW)).toBe('gone');
		expect(await db.selectFrom('symbiosis_introduction').selectAll().execute()).toHaveLength(1);
	});

	it('serves the matches to the chamber’s tokens, names to administrators only, 404 to another chamber', async () => {
		const get = async (token?: string) =>
			api.GET(request('trakya-tso/symbiosis', { slug: 'trakya-tso' }, token));
		const admin = await (await get(tokens.admin)).json();
		expect(admin.matches).toHaveLength(2);
		expect(admin.matches[0]).toMatchObject({
			category: { id: 'wood' },
			offer: { name: 'Trakya Mobilya', quantityPerYear: 120, unit: 't' },
			need: { name: 'Kırklareli Briket A.Ş.' },
			distanceKm: 88,
			introduced: { at: NOW.toISOString(), by: 'Ayşe Yönetici' }
		});
		expect(admin.matches[1].introduced).toBeNull();
		expect(JSON.stringify(admin)).not.toContain(furniture);
		// Four firms: the whole view is under the minimum group, so no category's supply or demand is given.
		expect(admin.supplyDemand).toEqual([]);
		// The chamber's report counts the matches and the introductions, and names no firm.
		const t = await createTranslator('en');
		expect(matchesSummary(await chamberMatches(chamber, 'en', false), t)).toBe(
			'Across the chamber, 2 potential matches between firms that agreed to be introduced; the chamber has introduced 1 of them.'
		);
		const badFilter = await api.GET(
			request('trakya-tso/symbiosis', { slug: 'trakya-tso' }, tokens.admin, '?sector=C&province=59')
		);
		expect(badFilter.status).toBe(400);
		expect((await badFilter.json()).error.code).toBe('invalid_filters');

		const viewer = await get(tokens.viewer);
		expect(viewer.status).toBe(200);
		const body = await viewer.json();
		expect(body.matches[0].offer).toMatchObject({ name: null, contact: null });
		expect(JSON.stringify(body)).not.toContain('Trakya Mobilya');

		expect((await get()).status).toBe(401);
		const stranger = await get(tokens.stranger);
		expect(stranger.status).toBe(404);
		expect((await stranger.json()).error.code).toBe('chamber_not_found');
	});

	it('exports the matches to administrators as CSV, formulas kept as text; viewers get 403', async () => {
		const get = (file: string, token: string) => {
			const [kind, format] = file.split('.');
			return exportsRoute.GET(
				request(`trakya-tso/exports/${file}`, { slug: 'trakya-tso', kind, format }, token)
			);
		};
		expect((await get('matches.xlsx', tokens.viewer)).status).toBe(403);
		const csv = await get('matches.csv', tokens.admin);
		expect(csv.status).toBe(200);
		expect(csv.headers.get('content-disposition')).toMatch(
			/trakya-tso-matches-\d{4}-\d\d-\d\d\.csv/
		);
		const text = await csv.text();
		expect(text).toContain('Category,Offering firm,Offering firm');
		expect(text).toContain('Trakya Mobilya,firma1@example.org,120 t/year,Tekirdağ,');
		expect(text).toContain('Kırklareli Briket A.Ş.');
		expect(text).toContain(
			`"'=HYPERLINK(""http://evil.example"",""Tıkla"")",firma3@example.org,30 t/year`
		);
		expect(text).toContain(',88,Introduced on 4 May 2026 at 10:30 by Ayşe Yönetici');
		expect(text).not.toContain('Sessiz Palet');
	});

	it('drops a firm from the matches at once when it withdraws consent or is erased', async () => {
		await symbiosis.replace(db, istanbul, {
			offers: [],
			needs: [wood(30)],
			consentIntroduce: false
		});
		expect(await pairsOf()).toEqual([['Trakya Mobilya', 'Kırklareli Briket A.Ş.', 88]]);

		// Erasing only the re-assessment must not bring the older, consenting assessment back into the matches.
		await reassessments.erase(db, [briquette]);
		expect(await pairsOf()).toEqual([]);
		expect(await db.selectFrom('symbiosis_introduction').selectAll().execute()).toEqual([]);
	});
});
