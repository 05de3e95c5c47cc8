import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Db } from '$lib/server/db/connect';
import type { Answers } from '$lib/questionnaire/visibility';
import { randomAnswers, seededRandom } from '../fixtures/answers';
import { testDatabases } from '../fixtures/databases';
import { readPdf } from '../fixtures/pdf';

// The service and the routes read the process-wide database; point it at each test database in turn.
let current: Db;
vi.mock('$lib/server/db', () => ({ db: () => current }));
const service = await import('$lib/server/assessment/assessment-service');
const actionPlan = await import('$lib/server/assessment/action-plan');
const planActions = await import('$lib/server/db/plan-actions');
const { questionnaire } = await import('$lib/server/content');
const { reportModel } = await import('$lib/server/report/model');
const { renderPdf } = await import('$lib/server/report/render');
const { resultsAction, runResultsAction } = await import('../fixtures/assessment-actions');
const dataJson = await import('../../src/routes/assessment/[token=token]/data.json/+server');
const planApi = await import('../../src/routes/api/v1/assessments/[token]/plan/+server');

const answers: Answers = randomAnswers(questionnaire(), seededRandom(7));
const locals = () => ({ locale: 'en' as const });
const thisMonth = actionPlan.monthOf(new Date());
const nextYear = actionPlan.monthOf(new Date(), 12);

async function submitted(): Promise<string> {
	const token = await service.start({ locale: 'en', answers });
	const outcome = await service.submit((await service.open(token))!);
	if (!outcome.ok) throw new Error(`missing ${outcome.missing.join(', ')}`);
	return token;
}

const opened = async (token: string) => (await service.open(token))!;
const firedIds = async (token: string) =>
	(await opened(token)).assessment.result!.recommendations.map((item) => item.id);

async function api(method: 'GET' | 'PUT', token: string, body?: unknown) {
	const request = new Request(`http://localhost/api/v1/assessments/${token}/plan`, {
		method,
		...(body === undefined
			? {}
			: { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })
	});
	const response = await planApi[method]({ params: { token }, locals: locals(), request } as never);
	return { status: response.status, body: await response.json() };
}

describe.each(testDatabases())('a firm’s action plan on $name', (target) => {
	beforeAll(async () => {
		current = await target.open();
	});
	afterAll(() => target.close());

	it('adds an action from a card, changes it, and takes it off again', async () => {
		const token = await submitted();
		const [first, second] = await firedIds(token);
		const added = await runResultsAction('savePlanAction', token, {
			recommendationId: first,
			owner: '  Üretim müdürü ',
			targetMonth: nextYear,
			status: 'planned'
		});
		expect(added.location).toBe(`/assessment/${token}/results#plan`);
		await runResultsAction('savePlanAction', token, {
			recommendationId: second,
			owner: 'Ayşe',
			targetMonth: thisMonth,
			status: 'in_progress'
		});
		// Adding the same recommendation again changes its action: one row each.
		await runResultsAction('savePlanAction', token, {
			recommendationId: first,
			owner: 'Üretim müdürü',
			targetMonth: nextYear,
			status: 'done'
		});
		const plan = await actionPlan.planOf(await opened(token));
		expect(
			plan.map(({ recommendationId, owner, targetMonth, status, recommended }) => ({
				recommendationId,
				owner,
				targetMonth,
				status,
				recommended
			}))
		).toEqual([
			{
				recommendationId: second,
				owner: 'Ayşe',
				targetMonth: thisMonth,
				status: 'in_progress',
				recommended: true
			},
			{
				recommendationId: first,
				owner: 'Üretim müdürü',
				targetMonth: nextYear,
				status: 'done',
				recommended: true
			}
		]);

		expect(
			(await runResultsAction('removePlanAction', token, { recommendationId: second })).location
		).toBe(`/assessment/${token}/results#plan`);
		expect((await actionPlan.planOf(await opened(token))).map((a) => a.recommendationId)).toEqual([
			first
		]);
	});

	it('refuses a bad action with a message per field and stores nothing', async () => {
		const token = await submitted();
		const [first] = await firedIds(token);
		const refusals: [Record<string, string>, Record<string, string>][] = [
			[{ owner: '' }, { owner: 'plan.error_owner' }],
			[{ owner: 'x'.repeat(81) }, { owner: 'plan.error_owner' }],
			[{ owner: 'Ali\u0000' }, { owner: 'form.error_control' }],
			[{ targetMonth: '2027-13' }, { targetMonth: 'plan.error_month' }],
			[{ targetMonth: actionPlan.monthOf(new Date(), 61) }, { targetMonth: 'plan.error_month' }],
			[{ targetMonth: actionPlan.monthOf(new Date(), -25) }, { targetMonth: 'plan.error_month' }],
			[{ status: 'finished' }, { status: 'plan.error_status' }],
			[
				{ recommendationId: 'no_such_recommendation' },
				{ recommendationId: 'plan.error_recommendation' }
			]
		];
		for (const [change, errors] of refusals) {
			const fields = {
				recommendationId: first,
				owner: 'Ali',
				targetMonth: nextYear,
				status: 'planned',
				...change
			};
			const { returned: refused } = await runResultsAction('savePlanAction', token, fields);
			expect(refused, JSON.stringify(change)).toMatchObject({
				status: 400,
				data: { plan: { errors, values: { recommendationId: fields.recommendationId } } }
			});
		}
		expect(await actionPlan.planOf(await opened(token))).toEqual([]);
	});

	it('keeps a draft’s plan read-only: its forms go to the review, the API answers 409', async () => {
		const token = await service.start({ locale: 'en', answers });
		const result = await runResultsAction('removePlanAction', token, {
			recommendationId: 'anything'
		});
		expect(result.location).toBe(`/assessment/${token}/review`);
		const put = await api('PUT', token, { actions: [] });
		expect(put.status).toBe(409);
		expect(put.body.error.code).toBe('plan_not_submitted');
		expect(await api('GET', token)).toEqual({ status: 200, body: { actions: [] } });
	});

	it('carries the plan into a re-assessment, and shows what no longer fires after it', async () => {
		const token = await submitted();
		const [first] = await firedIds(token);
		const fired = new Set(await firedIds(token));
		const quiet = questionnaire().recommendations.find((item) => !fired.has(item.id))!.id;
		const assessmentId = (await opened(token)).assessment.id;
		await planActions.save(current, assessmentId, {
			recommendationId: first,
			owner: 'Ali',
			targetMonth: thisMonth,
			status: 'done'
		});
		// An action the answers of the next assessment will not call for (taken on when an earlier one did).
		await planActions.save(current, assessmentId, {
			recommendationId: quiet,
			owner: 'Veli',
			targetMonth: nextYear,
			status: 'in_progress'
		});

		const location = await resultsAction('reassess', token);
		const draft = /\/assessment\/([^/]+)\//.exec(location ?? '')![1];
		const carried = await api('GET', draft);
		expect(carried.status).toBe(200);
		expect(
			carried.body.actions.map((a: Record<string, unknown>) => [
				a.recommendationId,
				a.status,
				a.recommended
			])
		).toEqual([
			[first, 'done', null],
			[quiet, 'in_progress', null]
		]);
		// The same link now opens the draft; the submitted assessment keeps its own plan.
		expect(draft).toBe(token);
		expect((await planActions.list(current, assessmentId)).length).toBe(2);

		await service.submit(await opened(draft));
		const after = await actionPlan.planView(await opened(draft), 'en');
		expect(after.actions.map((a) => [a.recommendationId, a.recommended])).toEqual([
			[first, true],
			[quiet, false]
		]);
		expect(after.recommendable).not.toContain(quiet);
		// Still the firm's to update: marking it done is accepted though its answers no longer call for it.
		const done = await runResultsAction('savePlanAction', draft, {
			recommendationId: quiet,
			owner: 'Veli',
			targetMonth: nextYear,
			status: 'done'
		});
		expect(done.location).toBe(`/assessment/${draft}/results#plan`);
	});

	it('erases the plan with its assessment', async () => {
		const token = await submitted();
		const [first] = await firedIds(token);
		const id = (await opened(token)).assessment.id;
		await planActions.save(current, id, {
			recommendationId: first,
			owner: 'Ali',
			targetMonth: thisMonth,
			status: 'planned'
		});
		await service.erase(await opened(token), 'this');
		const rows = await current
			.selectFrom('plan_action')
			.select('id')
			.where('assessment_id', '=', id)
			.execute();
		expect(rows).toEqual([]);
	});

	it('puts the plan in data.json and on a page of the PDF', async () => {
		const token = await submitted();
		const [first, second] = await firedIds(token);
		const id = (await opened(token)).assessment.id;
		await planActions.save(current, id, {
			recommendationId: first,
			owner: 'Şule Işık',
			targetMonth: '2027-03',
			status: 'in_progress'
		});
		await planActions.save(current, id, {
			recommendationId: second,
			owner: 'Ali',
			targetMonth: '2027-01',
			status: 'done'
		});
		const data = await (await dataJson.GET({ params: { token } } as never)).json();
		expect(data.plan).toMatchObject([
			{ recommendationId: second, owner: 'Ali', targetMonth: '2027-01', status: 'done' },
			{ recommendationId: first, owner: 'Şule Işık', targetMonth: '2027-03', status: 'in_progress' }
		]);

		const pdf = await readPdf(await renderPdf(await reportModel(await opened(token), 'tr')));
		const page = pdf.pages.find((text) => text.includes('Eylem planınız'));
		expect(page).toBeDefined();
		expect(page).toContain('2 eylem, 1 tamamlandı');
		expect(page).toContain('Şule Işık');
		expect(page).toContain('Mart 2027');
		expect(page).toContain('Sürüyor');
		expect(page).toContain('Ocak 2027');
		expect(page).toContain('Tamamlandı');
	});

	it('leaves the PDF without a plan page when the plan is empty', async () => {
		const token = await submitted();
		const pdf = await readPdf(await renderPdf(await reportModel(await opened(token), 'tr')));
		expect(pdf.pages.some((text) => text.includes('Eylem planınız'))).toBe(false);
	});

	describe('through the API', () => {
		it('replaces the whole plan and answers it', async () => {
			const token = await submitted();
			const [first, second] = await firedIds(token);
			const put = await api('PUT', token, {
				actions: [
					{ recommendationId: first, owner: 'Ali', targetMonth: nextYear, status: 'planned' },
					{ recommendationId: second, owner: 'Ayşe', targetMonth: thisMonth, status: 'done' }
				]
			});
			expect(put.status).toBe(200);
			expect(put.body.actions.map((a: { recommendationId: string }) => a.recommendationId)).toEqual(
				[second, first]
			);
			const replaced = await api('PUT', token, {
				actions: [
					{ recommendationId: first, owner: 'Ali', targetMonth: nextYear, status: 'in_progress' }
				]
			});
			expect(replaced.body.actions).toMatchObject([
				{ recommendationId: first, status: 'in_progress', recommended: true }
			]);
			expect(await api('GET', token)).toEqual(replaced);
		});

		it('refuses bad actions with an issue on each field, and changes nothing', async () => {
			const token = await submitted();
			const [first] = await firedIds(token);
			await api('PUT', token, {
				actions: [
					{ recommendationId: first, owner: 'Ali', targetMonth: nextYear, status: 'planned' }
				]
			});
			const refused = await api('PUT', token, {
				actions: [
					{ recommendationId: first, owner: '', targetMonth: '2027-1', status: 'planned' },
					{ recommendationId: first, owner: 'Ali', targetMonth: nextYear, status: 'later' },
					{ recommendationId: 'nope', owner: 'Ali', targetMonth: nextYear, status: 'done' }
				]
			});
			expect(refused.status).toBe(400);
			expect(refused.body.error.code).toBe('invalid_body');
			expect(refused.body.error.issues).toEqual(
				expect.arrayContaining([
					{ path: 'actions[0].owner', message: 'Say who will do it, in 1 to 80 characters.' },
					{
						path: 'actions[0].targetMonth',
						message: 'The target month must be YYYY-MM, at most 24 months back or 60 months ahead.'
					},
					{
						path: 'actions[1].status',
						message: 'The status must be planned, in_progress or done.'
					},
					{
						path: 'actions[2].recommendationId',
						message: "This is not one of this assessment's recommendations."
					}
				])
			);
			const duplicate = await api('PUT', token, {
				actions: [
					{ recommendationId: first, owner: 'Ali', targetMonth: nextYear, status: 'planned' },
					{ recommendationId: first, owner: 'Ayşe', targetMonth: nextYear, status: 'done' }
				]
			});
			expect(duplicate.body.error.issues).toEqual([
				{
					path: 'actions[1].recommendationId',
					message: 'This recommendation is in the plan more than once.'
				}
			]);
			expect((await api('GET', token)).body.actions).toMatchObject([
				{ recommendationId: first, owner: 'Ali', status: 'planned' }
			]);
		});

		it('answers 404 for an unknown link', async () => {
			const unknown = 'x'.repeat(43);
			expect((await api('GET', unknown)).status).toBe(404);
			const put = await api('PUT', unknown, { actions: [] });
			expect(put.status).toBe(404);
			expect(put.body.error.code).toBe('assessment_not_found');
		});
	});
});
