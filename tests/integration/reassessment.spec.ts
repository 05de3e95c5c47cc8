import { isRedirect } from '@sveltejs/kit';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Db } from '$lib/server/db/connect';
import type { Answers } from '$lib/questionnaire/visibility';
import { hashToken, newToken } from '$lib/server/assessment/tokens';
import { randomAnswers, seededRandom } from '../fixtures/answers';
import { testDatabases } from '../fixtures/databases';
import { insertCampaign, insertChamber } from '../fixtures/submitted';

// The service and the routes read the process-wide database; point it at each test database in turn.
let current: Db;
vi.mock('$lib/server/db', () => ({ db: () => current }));
const service = await import('$lib/server/assessment/assessment-service');
const consent = await import('$lib/server/db/consent');
const respondents = await import('$lib/server/db/respondents');
const { questionnaire } = await import('$lib/server/content');
const dataJson = await import('../../src/routes/assessment/[token=token]/data.json/+server');
const assessmentApi = await import('../../src/routes/api/v1/assessments/[token]/+server');
const review = await import('../../src/routes/assessment/[token=token]/review/+page.server');
const historyPage =
	await import('../../src/routes/assessment/[token=token]/history/[n=entry]/+page.server');
const { reassess, resultsAction, submitViaApi } = await import('../fixtures/assessment-actions');

const answers: Answers = randomAnswers(questionnaire(), seededRandom(11));
const locals = () => ({ locale: 'en' as const });
const stored = async (token: string) => (await service.open(token))!.assessment;

/** What `GET /api/v1/assessments/<token>` answers. */
async function apiGet(token: string) {
	const response = await assessmentApi.GET({ params: { token }, locals: locals() } as never);
	return response.json();
}

/** Loads the history page of entry `n`; returns its data, or where it redirects, or the error status. */
async function historyEntry(token: string, n: number) {
	try {
		return {
			data: await historyPage.load({ params: { token, n: String(n) }, locals: locals() } as never)
		};
	} catch (thrown) {
		if (isRedirect(thrown)) return { redirect: thrown.location };
		return { status: (thrown as { status?: number }).status };
	}
}

/** Submits from the review page as a browser would, with these form fields; the action's failure, if any. */
async function submitFromReview(token: string, fields: Record<string, string>) {
	const body = new FormData();
	for (const [key, value] of Object.entries(fields)) body.set(key, value);
	const request = new Request(`http://localhost/assessment/${token}/review?/submit`, {
		method: 'POST',
		body
	});
	try {
		return await review.actions.submit({ params: { token }, locals: locals(), request } as never);
	} catch (thrown) {
		if (isRedirect(thrown)) return { redirect: thrown.location };
		throw thrown;
	}
}

describe.each(testDatabases())('one link across re-assessments on $name', (target) => {
	let chamberId: string;
	beforeAll(async () => {
		current = await target.open();
	});
	afterAll(() => target.close());

	/** A submitted assessment in a fresh chamber's open campaign; returns its link. */
	async function submittedInCampaign(shareIdentity: boolean): Promise<string> {
		chamberId = await insertChamber(current, `tso-${Math.random().toString(36).slice(2, 10)}`);
		const campaignId = await insertCampaign(current, chamberId, '2026-01-01T00:00:00.000Z');
		const link = await service.start({ locale: 'tr', answers, campaignId, chamberId });
		await submitViaApi(link, { consentShareIdentity: shareIdentity });
		return link;
	}

	const listed = async () =>
		(await respondents.consenting(current, chamberId, { limit: 100 })).map((row) => row.id);

	it('keeps the link: it opens the new draft, then the new results, never the old ones', async () => {
		const link = await service.start({ locale: 'tr', answers });
		await submitViaApi(link);
		const first = await stored(link);
		expect(await reassess(link)).toBe(link);
		const draft = await stored(link);
		expect(draft).toMatchObject({ status: 'draft', previousId: first.id });
		await service.saveAnswers((await service.open(link))!, {});
		await submitViaApi(link);
		expect(await stored(link)).toMatchObject({ id: draft.id, status: 'submitted' });
	});

	it('opens the newest from a link handed out for an older assessment of the chain', async () => {
		const link = await service.start({ locale: 'tr', answers });
		await submitViaApi(link);
		await reassess(link);
		const newest = await stored(link);
		// A link from before re-assessments kept one: any member's token leads to the newest.
		const older = newToken();
		await current
			.updateTable('assessment')
			.set({ token_hash: hashToken(older) })
			.where('id', '=', newest.previousId!)
			.execute();
		expect((await stored(older)).id).toBe(newest.id);
	});

	it('reopens the draft in progress instead of starting a second one', async () => {
		const link = await service.start({ locale: 'tr', answers });
		await submitViaApi(link);
		const submitted = (await service.open(link))!;
		const [one, two] = await Promise.all([
			service.reassess(submitted, 'tr'),
			service.reassess(submitted, 'tr')
		]);
		expect(two).toBe(one);
		expect(await service.reassess((await service.open(link))!, 'en')).toBe(one);
		expect(await service.chainSize((await service.open(link))!)).toBe(2);
	});

	it('lists the history oldest first in the API and data.json, and serves older results apart', async () => {
		const link = await service.start({ locale: 'tr', answers });
		await submitViaApi(link);
		expect((await apiGet(link)).history).toHaveLength(1);
		await reassess(link);
		expect((await apiGet(link)).history).toHaveLength(1);
		await submitViaApi(link);

		const { history } = await apiGet(link);
		expect(history).toHaveLength(2);
		const newest = await stored(link);
		expect(history[1]).toEqual({
			submittedAt: newest.submittedAt,
			overall: newest.result!.overall,
			level: newest.result!.level
		});
		expect(history[0].submittedAt < history[1].submittedAt).toBe(true);
		const download = await (await dataJson.GET({ params: { token: link } } as never)).json();
		expect(download.history).toEqual(history);

		const older = await historyEntry(link, 1);
		expect(older.data).toMatchObject({ submittedAt: history[0].submittedAt, chamber: null });
		expect(await historyEntry(link, 2)).toEqual({ redirect: `/assessment/${link}/results` });
		expect(await historyEntry(link, 3)).toEqual({ status: 404 });
		// Another firm's link reaches only its own chain.
		const stranger = await service.start({ locale: 'tr', answers });
		expect(await historyEntry(stranger, 1)).toEqual({ status: 404 });
	});

	it('asks the consent again on a re-assessment: no answer is refused, nothing is lost', async () => {
		const link = await submittedInCampaign(true);
		await reassess(link);
		const opened = (await service.open(link))!;
		expect(await service.previousConsent(opened)).toEqual({
			givenAt: (await service.openEntry(link, 1))!.opened.assessment.consentAt,
			withdrawnAt: null
		});

		const refused = await submitViaApi(link, {});
		expect(refused.status).toBe(422);
		expect(refused.body.error).toMatchObject({
			code: 'consent_required',
			issues: [{ path: 'consentShareIdentity' }]
		});
		expect(await submitFromReview(link, {})).toMatchObject({
			status: 400,
			data: { consentRequired: true, missing: [] }
		});
		expect(await stored(link)).toMatchObject({
			status: 'draft',
			answers: opened.assessment.answers
		});
		expect(await submitFromReview(link, { share_identity: 'yes' })).toEqual({
			redirect: `/assessment/${link}/results`
		});
		expect(await stored(link)).toMatchObject({ status: 'submitted', consentShareIdentity: true });
	});

	it('records a withdrawal with its time when a re-assessment declines, and the chamber list follows', async () => {
		const link = await submittedInCampaign(true);
		const first = await stored(link);
		expect(await listed()).toEqual([first.id]);
		await reassess(link);
		const before = new Date().toISOString();
		expect(await submitFromReview(link, { share_identity: 'no' })).toEqual({
			redirect: `/assessment/${link}/results`
		});
		const second = await stored(link);
		expect(await listed()).toEqual([]);
		// The older one no longer says "consented"; its withdrawal is on record, at the re-submission.
		expect((await service.openEntry(link, 1))!.opened.assessment.consentShareIdentity).toBe(false);
		const events = await consent.history(current, [first.id]);
		expect(events.map((event) => event.kind)).toEqual(['given', 'withdrawn']);
		expect(events[1].at >= before).toBe(true);
		expect(events[1].at).toBe(second.submittedAt);

		// The firm sees the whole story, and a third round that shares again puts it back on the list.
		const download = await (await dataJson.GET({ params: { token: link } } as never)).json();
		expect(download.consentHistory).toEqual(events);
		await reassess(link);
		expect(await service.previousConsent((await service.open(link))!)).toEqual({
			givenAt: null,
			withdrawnAt: null
		});
		await submitViaApi(link, { consentShareIdentity: true });
		const third = await stored(link);
		expect(await listed()).toEqual([third.id]);
		expect((await service.consentHistory((await service.open(link))!)).map((e) => e.kind)).toEqual([
			'given',
			'withdrawn',
			'given'
		]);
	});

	it('withdraws the consent across the chain from the results page', async () => {
		const link = await submittedInCampaign(true);
		await reassess(link);
		await submitViaApi(link, { consentShareIdentity: true });
		await resultsAction('withdrawConsent', link);
		for (const n of [1, 2]) {
			const entry = (await service.openEntry(link, n))!.opened.assessment;
			expect(entry.consentShareIdentity).toBe(false);
		}
		expect(await listed()).toEqual([]);
	});
});
