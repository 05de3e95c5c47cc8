import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as assessments from '$lib/server/db/assessments';
import * as peerBenchmarks from '$lib/server/db/peer-benchmarks';
import * as reassessments from '$lib/server/db/reassessments';
import * as versions from '$lib/server/db/questionnaire-versions';
import type { Db } from '$lib/server/db/connect';
import { hashToken, newToken } from '$lib/server/assessment/tokens';
import { profileFacts } from '$lib/questionnaire/profile';
import type { Answers } from '$lib/questionnaire/visibility';
import { scoreAnswers } from '$lib/scoring/score';
import { miniCatalogue } from '../fixtures/catalogue';
import { testDatabases } from '../fixtures/databases';

const mini = miniCatalogue().questionnaires.get('mini')!;

describe.each(testDatabases())('assessments on $name', (target) => {
	let db: Db;
	beforeAll(async () => {
		db = await target.open();
	});
	afterAll(() => target.close());

	async function draft(answers: Answers = {}, previousId?: string) {
		const token = newToken();
		const id = await assessments.create(db, {
			tokenHash: hashToken(token),
			questionnaireId: 'mini',
			questionnaireVersion: '1.0.0',
			locale: 'tr',
			answers,
			previousId
		});
		return { id, token };
	}

	async function submitted(answers: Answers, previousId?: string) {
		const { id } = await draft(answers, previousId);
		await assessments.submit(db, id, {
			answers,
			result: scoreAnswers(mini, answers),
			facts: profileFacts(mini, answers)
		});
		return id;
	}

	it('finds a draft by its token hash only, with its answers intact', async () => {
		const { id, token } = await draft({
			company: 'Öz Çağ "Metal" <A.Ş.>',
			q4: ['a', 'b'],
			q2: false
		});
		const found = await assessments.findByTokenHash(db, hashToken(token));
		expect(found).toMatchObject({
			id,
			status: 'draft',
			answers: { company: 'Öz Çağ "Metal" <A.Ş.>', q4: ['a', 'b'], q2: false }
		});
		expect(await assessments.findByTokenHash(db, token)).toBeUndefined();
	});

	it('saves answers to a draft but never to a submitted assessment', async () => {
		const { id } = await draft();
		expect(await assessments.saveAnswers(db, id, { q1: 'top' })).toBe(true);
		expect((await assessments.findById(db, id))?.answers).toEqual({ q1: 'top' });
		await assessments.submit(db, id, {
			answers: { q1: 'top' },
			result: scoreAnswers(mini, { q1: 'top' }),
			facts: {}
		});
		expect(await assessments.saveAnswers(db, id, { q1: 'low' })).toBe(false);
		expect((await assessments.findById(db, id))?.answers).toEqual({ q1: 'top' });
	});

	it('submits once however often it is asked, even at the same moment', async () => {
		const answers: Answers = { sector: 'C', employees: 'e1', turnover: 't1', q1: 'mid', q2: true };
		const { id } = await draft(answers);
		const submission = {
			answers,
			result: scoreAnswers(mini, answers),
			facts: profileFacts(mini, answers)
		};
		const outcomes = await Promise.all([
			assessments.submit(db, id, submission),
			assessments.submit(db, id, submission),
			assessments.submit(db, id, submission)
		]);
		expect(outcomes.sort()).toEqual(['already', 'already', 'submitted']);
		const stored = await assessments.findById(db, id);
		expect(stored?.status).toBe('submitted');
		expect(stored?.result).toEqual(submission.result);
		const scores = await db
			.selectFrom('assessment_score')
			.selectAll()
			.where('assessment_id', '=', id)
			.execute();
		// t1 = (1×2 + 2×4) / (1×4 + 2×4) = 83.3; t2 has no answer, so no row.
		expect(scores.map((row) => [row.theme_id, Number(row.score)])).toEqual([['t1', 83.3]]);
	});

	it('erases an assessment with its scores', async () => {
		const id = await submitted({ q1: 'top', q2: true, q3: 4 });
		await reassessments.erase(db, [id]);
		expect(await assessments.findById(db, id)).toBeUndefined();
		const scores = await db
			.selectFrom('assessment_score')
			.selectAll()
			.where('assessment_id', '=', id)
			.execute();
		expect(scores).toEqual([]);
	});

	it('shows a peer benchmark only for a group of at least the minimum size', async () => {
		const peer = (q1: string): Answers => ({
			sector: 'A',
			employees: 'e2',
			turnover: 't1',
			q1,
			q2: true,
			q3: 4
		});
		const me = await submitted(peer('low'));
		const others = [];
		for (const q1 of ['low', 'mid', 'top', 'top']) others.push(await submitted(peer(q1)));
		const query = { questionnaireId: 'mini', sector: 'A', sizeClass: 'small', excludeId: me };
		expect(await peerBenchmarks.find(db, query, 5)).toBeUndefined();
		// A fifth peer makes the group large enough. t1 scores: low 75, mid 87.5, top 100, top 100, mid 87.5.
		await submitted(peer('mid'));
		const benchmark = await peerBenchmarks.find(db, query, 5);
		expect(benchmark?.firms).toBe(5);
		expect(benchmark?.themes.get('t1')).toBeCloseTo((75 + 87.5 + 100 + 100 + 87.5) / 5, 1);
		// A peer who re-assessed counts once, with the newer result.
		await submitted(peer('top'), others[0]);
		const after = await peerBenchmarks.find(db, query, 5);
		expect(after?.firms).toBe(5);
		expect(after?.themes.get('t1')).toBeCloseTo((100 + 87.5 + 100 + 100 + 87.5) / 5, 1);
	});

	it('purges only drafts left untouched past the retention period', async () => {
		const old = new Date('2024-01-01T00:00:00Z');
		const staleToken = hashToken(newToken());
		const stale = await assessments.create(
			db,
			{
				tokenHash: staleToken,
				questionnaireId: 'mini',
				questionnaireVersion: '1.0.0',
				locale: 'tr'
			},
			old
		);
		const { id: fresh } = await draft();
		const oldSubmitted = await assessments.create(
			db,
			{
				tokenHash: hashToken(newToken()),
				questionnaireId: 'mini',
				questionnaireVersion: '1.0.0',
				locale: 'tr'
			},
			old
		);
		const answers = { q1: 'top' };
		await assessments.submit(
			db,
			oldSubmitted,
			{ answers, result: scoreAnswers(mini, answers), facts: {} },
			old
		);
		await assessments.purgeStaleDrafts(db, new Date('2025-01-01T00:00:00Z'));
		expect(await assessments.findById(db, stale)).toBeUndefined();
		expect(await assessments.findById(db, fresh)).toBeDefined();
		expect(await assessments.findById(db, oldSubmitted)).toBeDefined();
	});

	it('keeps each questionnaire version it has seen', async () => {
		expect(await versions.remember(db, mini)).toBe('stored');
		expect(await versions.remember(db, mini)).toBe('same');
		const retitled = { ...mini, title: { tr: 'Yeni başlık', en: 'New title' } };
		expect(await versions.remember(db, retitled)).toBe('replaced');
		expect((await versions.find(db, 'mini', '1.0.0'))?.title.tr).toBe('Yeni başlık');
		expect(await versions.find(db, 'mini', '9.9.9')).toBeUndefined();
		// The loaded questionnaire stands for the stored version only while their content is the same.
		expect((await versions.find(db, 'mini', '1.0.0', mini))?.title.tr).toBe('Yeni başlık');
		expect(await versions.find(db, 'mini', '1.0.0', retitled)).toBe(retitled);
		expect(await versions.remember(db, mini)).toBe('replaced');
		expect((await versions.find(db, 'mini', '1.0.0'))?.title).toEqual(mini.title);
	});
});
