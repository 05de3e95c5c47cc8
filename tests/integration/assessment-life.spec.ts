import { readFileSync } from 'node:fs';
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
const dataJson = await import('../../src/routes/assessment/[token=token]/data.json/+server');
const assessmentApi = await import('../../src/routes/api/v1/assessments/[token]/+server');
const { reassess, resultsAction, submitViaApi } = await import('../fixtures/assessment-actions');

const answers: Answers = randomAnswers(questionnaire(), seededRandom(7));
const locals = () => ({ locale: 'en' as const });

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
			const submitted = await submitViaApi(token, { consentShareIdentity: true });
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
			const submitted = await submitViaApi(token, { consentShareIdentity: true });
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
			expect((await submitViaApi(token, { consentShareIdentity: true })).body.campaign).toEqual({
				attributed: false,
				reason: 'closed'
			});
		});

		it('re-assesses inside an open campaign, and outside it once closed', async () => {
			const campaignId = await openCampaign();
			const link = await draftIn(campaignId);
			await submitViaApi(link);
			expect(await reassess(link)).toBe(link);
			const whileOpen = await stored(link);
			expect(whileOpen).toMatchObject({ status: 'draft', campaignId, chamberId });
			await submitViaApi(link);
			await close(campaignId);
			await reassess(link);
			expect(await stored(link)).toMatchObject({
				status: 'draft',
				campaignId: null,
				chamberId: null,
				previousId: whileOpen.id
			});
		});

		/** The id of the `n`th submitted assessment of a link's chain. */
		const entryId = async (link: string, n: number) =>
			(await service.openEntry(link, n))!.opened.assessment.id;

		it('never brings a consented older assessment back into the export when the newest is erased', async () => {
			const campaignId = await openCampaign();
			const link = await draftIn(campaignId);
			await submitViaApi(link, { consentShareIdentity: true });
			const older = (await stored(link)).id;
			await reassess(link);
			await submitViaApi(link, { consentShareIdentity: true });
			const newer = (await stored(link)).id;
			expect(await listed()).toEqual([newer]);

			expect(await resultsAction('delete', link, { confirm: 'yes', scope: 'this' })).toBe(
				'/?deleted=1'
			);
			// The link now opens the older one again, which no longer shares the firm's name.
			const kept = await stored(link);
			expect(kept.id).toBe(older);
			expect(await listed()).toEqual([]);
			expect(kept.consentShareIdentity).toBe(false);
			expect((await consent.history(current, [older])).map((e) => e.kind)).toEqual([
				'given',
				'withdrawn'
			]);
		});

		it('leaves the older consent alone when only a draft re-assessment is erased', async () => {
			const campaignId = await openCampaign();
			const link = await draftIn(campaignId);
			await submitViaApi(link, { consentShareIdentity: true });
			const older = (await stored(link)).id;
			await reassess(link);
			await service.erase((await service.open(link))!, 'this');
			expect(await listed()).toEqual([older]);
			expect(await stored(link)).toMatchObject({ id: older, status: 'submitted' });
		});

		it('keeps the chain superseded when a middle assessment is erased', async () => {
			const campaignId = await openCampaign();
			const link = await draftIn(campaignId);
			await submitViaApi(link, { consentShareIdentity: true });
			await reassess(link);
			await submitViaApi(link, { consentShareIdentity: true });
			await reassess(link);
			await submitViaApi(link, { consentShareIdentity: true });
			const [first, third] = [await entryId(link, 1), await entryId(link, 3)];
			await service.erase((await service.openEntry(link, 2))!.opened, 'this');
			expect(await listed()).toEqual([third]);
			expect((await stored(link)).id).toBe(third);
			expect((await stored(link)).previousId).toBe(first);
		});

		it("erases all of a firm's chain when asked, with an audit entry for each", async () => {
			const campaignId = await openCampaign();
			const link = await draftIn(campaignId);
			await submitViaApi(link, { consentShareIdentity: true });
			await reassess(link);
			await submitViaApi(link, { consentShareIdentity: true });
			await reassess(link);
			const ids = [await entryId(link, 1), await entryId(link, 2), (await stored(link)).id];
			expect(new Set(ids).size).toBe(3);

			expect(await resultsAction('delete', link, { confirm: 'yes', scope: 'all' })).toBe(
				'/?deleted=1'
			);
			expect(await service.open(link)).toBeUndefined();
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
			const link = await service.start({ locale: 'tr', answers });
			await submitViaApi(link);
			const first = (await stored(link)).id;
			await reassess(link);
			const erase = (token: string, query: string) =>
				assessmentApi.DELETE({
					params: { token },
					locals: locals(),
					url: new URL(`http://localhost/api/v1/assessments/${token}${query}`)
				} as never);

			const refused = await erase(link, '?scope=everything&lang=en');
			expect(refused.status).toBe(400);
			expect((await refused.json()).error).toMatchObject({
				code: 'invalid_query',
				message: 'Some query parameters are not valid.',
				issues: [{ path: 'scope' }]
			});
			expect(await stored(link)).toMatchObject({ status: 'draft' });

			// The newest (the draft) goes; the link opens the first again.
			expect((await erase(link, '')).status).toBe(204);
			expect(await stored(link)).toMatchObject({ id: first, status: 'submitted' });
			await reassess(link);
			expect((await erase(link, '?scope=all')).status).toBe(204);
			expect(await service.open(link)).toBeUndefined();
		});

		it('keeps a record of a withdrawn consent, with its time, in the data download', async () => {
			const campaignId = await openCampaign();
			const token = await draftIn(campaignId);
			await submitViaApi(token, { consentShareIdentity: true });
			const before = new Date().toISOString();
			await resultsAction('withdrawConsent', token);
			await resultsAction('withdrawConsent', token);
			const { id, consentShareIdentity } = await stored(token);
			expect(consentShareIdentity).toBe(false);
			const history = await consent.history(current, [id]);
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
