import { readFileSync } from 'node:fs';
import { isRedirect } from '@sveltejs/kit';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Db } from '$lib/server/db/connect';
import type { Answers } from '$lib/questionnaire/visibility';
import { randomAnswers, seededRandom } from '../fixtures/answers';
import { testDatabases } from '../fixtures/databases';
import { insertCampaign, insertChamber } from '../fixtures/submitted';

// The service and the routes read the process-wide database; point it at each test database in turn.
let current: Db;
vi.mock('$lib/server/db', () => ({ db: () => current }));
const service = await import('$lib/server/assessment/assessment-service');
const consent = await import('$lib/server/db/consent');
const respondents = await import('$lib/server/db/respondents');
const auditLog = await import('$lib/server/db/audit-log');
const { questionnaire } = await import('$lib/server/content');
const results = await import('../../src/routes/assessment/[token=token]/results/+page.server');
const dataJson = await import('../../src/routes/assessment/[token=token]/data.json/+server');
const submitApi = await import('../../src/routes/api/v1/assessments/[token]/submit/+server');
const assessmentApi = await import('../../src/routes/api/v1/assessments/[token]/+server');

const answers: Answers = randomAnswers(questionnaire(), seededRandom(7));
const locals = () => ({ locale: 'en' as const });

/** Runs a form action of the results page as a browser's POST would; returns where it redirects. */
async function resultsAction(
	name: 'reassess' | 'delete' | 'withdrawConsent',
	token: string,
	fields: Record<string, string> = {}
): Promise<string | undefined> {
	const body = new FormData();
	for (const [key, value] of Object.entries(fields)) body.set(key, value);
	const request = new Request(`http://localhost/assessment/${token}/results?/${name}`, {
		method: 'POST',
		body
	});
	try {
		await results.actions[name]({ params: { token }, locals: locals(), request } as never);
		return undefined;
	} catch (thrown) {
		if (isRedirect(thrown)) return thrown.location;
		throw thrown;
	}
}

/** Submits through the API, as an integrator would, with the firm's answer to sharing its identity. */
async function submitViaApi(token: string, consentShareIdentity = false) {
	const response = await submitApi.POST({
		params: { token },
		locals: locals(),
		request: new Request(`http://localhost/api/v1/assessments/${token}/submit`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ consentShareIdentity })
		})
	} as never);
	return { status: response.status, body: await response.json() };
}

/** Re-assesses from a submitted assessment's results page; returns the new draft's token. */
async function reassess(token: string): Promise<string> {
	const location = await resultsAction('reassess', token);
	return /\/assessment\/([^/]+)\//.exec(location ?? '')![1];
}

const stored = async (token: string) => (await service.open(token))!.assessment;

describe.each(testDatabases())(
	'an assessment in a campaign, its consent and erasure on $name',
	(target) => {
		let chamberId: string;
		beforeAll(async () => {
			current = await target.open();
		});
		afterAll(() => target.close());

		async function openCampaign(): Promise<string> {
			chamberId = await insertChamber(current, `tso-${Math.random().toString(36).slice(2, 10)}`);
			return insertCampaign(
				current,
				chamberId,
				'2026-01-01T00:00:00.000Z',
				'2099-01-01T00:00:00.000Z'
			);
		}

		async function close(campaignId: string) {
			await current
				.updateTable('campaign')
				.set({ closes_at: '2026-02-01T00:00:00.000Z' })
				.where('id', '=', campaignId)
				.execute();
		}

		async function draftIn(campaignId: string, extra: Answers = {}): Promise<string> {
			return service.start({
				locale: 'tr',
				answers: { ...answers, ...extra },
				campaignId,
				chamberId
			});
		}

		const listed = async () =>
			(await respondents.consenting(current, chamberId, { limit: 100 })).map((row) => row.id);

		it('counts a submission for a campaign still open, and says so', async () => {
			const campaignId = await openCampaign();
			const token = await draftIn(campaignId);
			const submitted = await submitViaApi(token, true);
			expect(submitted.status).toBe(200);
			expect(submitted.body.campaign).toEqual({ attributed: true });
			expect(await stored(token)).toMatchObject({
				campaignId,
				chamberId,
				consentShareIdentity: true
			});
		});

		it('submits a draft outside its campaign once that has closed, and tells the firm', async () => {
			const campaignId = await openCampaign();
			const token = await draftIn(campaignId);
			await close(campaignId);
			const submitted = await submitViaApi(token, true);
			expect(submitted.status).toBe(200);
			expect(submitted.body.campaign).toEqual({ attributed: false, reason: 'closed' });
			expect(await stored(token)).toMatchObject({
				status: 'submitted',
				campaignId: null,
				chamberId: null,
				detachedCampaignId: campaignId,
				consentShareIdentity: false
			});
			expect(await listed()).toEqual([]);
			// A retry gets the same answer.
			expect((await submitViaApi(token, true)).body.campaign).toEqual({
				attributed: false,
				reason: 'closed'
			});
		});

		it('re-assesses inside an open campaign, and outside it once closed', async () => {
			const campaignId = await openCampaign();
			const first = await draftIn(campaignId);
			await submitViaApi(first);
			const whileOpen = await reassess(first);
			expect(await stored(whileOpen)).toMatchObject({ campaignId, chamberId });
			await close(campaignId);
			const afterClosing = await reassess(first);
			expect(await stored(afterClosing)).toMatchObject({
				campaignId: null,
				chamberId: null,
				previousId: (await stored(first)).id
			});
		});

		it('never brings a consented older assessment back into the export when the newest is erased', async () => {
			const campaignId = await openCampaign();
			const older = await draftIn(campaignId);
			await submitViaApi(older, true);
			const newer = await reassess(older);
			await submitViaApi(newer, false);
			expect(await listed()).toEqual([]);

			expect(await resultsAction('delete', newer, { confirm: 'yes', scope: 'this' })).toBe(
				'/?deleted=1'
			);
			expect(await service.open(newer)).toBeUndefined();
			expect(await listed()).toEqual([]);
			const kept = await stored(older);
			expect(kept.consentShareIdentity).toBe(false);
			expect((await consent.history(current, kept.id)).map((e) => e.kind)).toEqual([
				'given',
				'withdrawn'
			]);
		});

		it('leaves the older consent alone when only a draft re-assessment is erased', async () => {
			const campaignId = await openCampaign();
			const older = await draftIn(campaignId);
			await submitViaApi(older, true);
			const draft = await reassess(older);
			await service.erase((await service.open(draft))!, 'this');
			expect(await listed()).toEqual([(await stored(older)).id]);
		});

		it('keeps the chain superseded when a middle assessment is erased', async () => {
			const campaignId = await openCampaign();
			const first = await draftIn(campaignId);
			await submitViaApi(first, true);
			const second = await reassess(first);
			await submitViaApi(second, true);
			const third = await reassess(second);
			await submitViaApi(third, true);
			await resultsAction('delete', second, { confirm: 'yes', scope: 'this' });
			expect(await listed()).toEqual([(await stored(third)).id]);
			expect((await stored(third)).previousId).toBe((await stored(first)).id);
		});

		it("erases all of a firm's chain when asked, with an audit entry for each", async () => {
			const campaignId = await openCampaign();
			const first = await draftIn(campaignId);
			await submitViaApi(first, true);
			const second = await reassess(first);
			await submitViaApi(second, true);
			const draft = await reassess(second);
			const ids = [await stored(first), await stored(second), await stored(draft)].map((a) => a.id);

			expect(await resultsAction('delete', second, { confirm: 'yes', scope: 'all' })).toBe(
				'/?deleted=1'
			);
			for (const token of [first, second, draft]) expect(await service.open(token)).toBeUndefined();
			expect(await listed()).toEqual([]);
			for (const id of ids) {
				expect(await auditLog.listRecent(current, { target: id })).toMatchObject([
					{ action: 'assessment.delete', actor: 'anonymous' }
				]);
			}
			const events = await current
				.selectFrom('consent_event')
				.select('id')
				.where('assessment_id', 'in', ids)
				.execute();
			expect(events).toEqual([]);
		});

		it('erases through the API this assessment by default, the whole chain with ?scope=all', async () => {
			const first = await service.start({ locale: 'tr', answers });
			await submitViaApi(first);
			const second = await reassess(first);
			const erase = (token: string, query: string) =>
				assessmentApi.DELETE({
					params: { token },
					locals: locals(),
					url: new URL(`http://localhost/api/v1/assessments/${token}${query}`)
				} as never);

			const refused = await erase(second, '?scope=everything&lang=en');
			expect(refused.status).toBe(400);
			expect((await refused.json()).error).toMatchObject({
				code: 'invalid_query',
				message: 'Some query parameters are not valid.',
				issues: [{ path: 'scope' }]
			});
			expect(await service.open(second)).toBeDefined();

			expect((await erase(second, '')).status).toBe(204);
			expect(await service.open(first)).toBeDefined();
			const third = await reassess(first);
			expect((await erase(third, '?scope=all')).status).toBe(204);
			expect(await service.open(first)).toBeUndefined();
		});

		it('keeps a record of a withdrawn consent, with its time, in the data download', async () => {
			const campaignId = await openCampaign();
			const token = await draftIn(campaignId);
			await submitViaApi(token, true);
			const before = new Date().toISOString();
			await resultsAction('withdrawConsent', token);
			await resultsAction('withdrawConsent', token);
			const { id, consentShareIdentity } = await stored(token);
			expect(consentShareIdentity).toBe(false);
			const history = await consent.history(current, id);
			expect(history).toMatchObject([
				{ kind: 'given', noticeVersion: expect.any(String) },
				{ kind: 'withdrawn', noticeVersion: history[0].noticeVersion }
			]);
			expect(history).toHaveLength(2);
			expect(history[1].at >= before).toBe(true);

			const response = await dataJson.GET({ params: { token } } as never);
			expect((await response.json()).consentHistory).toEqual(history);
		});

		it.runIf(target.name === 'sqlite')(
			'leaves no trace of an erased company name in the SQLite file or its write-ahead log',
			async () => {
				const company = `Silinecek Şirket ${Math.random().toString(36).slice(2)}`;
				const token = await service.start({
					locale: 'tr',
					answers: { ...answers, company_name: company }
				});
				await service.saveAnswers((await service.open(token))!, {
					company_name: `${company} A.Ş.`
				});
				await submitViaApi(token);
				const [{ file }] = (await sql<{ file: string }>`pragma database_list`.execute(current))
					.rows;
				const onDisk = () =>
					[file, `${file}-wal`].some((path) => {
						try {
							return readFileSync(path).includes(Buffer.from(company));
						} catch {
							return false;
						}
					});
				expect(onDisk()).toBe(true);
				await service.erase((await service.open(token))!, 'this');
				expect(onDisk()).toBe(false);
			}
		);
	}
);
