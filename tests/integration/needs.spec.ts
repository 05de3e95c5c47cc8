import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { chamberStatistics, type StatisticsFilters } from '$lib/server/aggregates';
import * as assessments from '$lib/server/db/assessments';
import type { Db } from '$lib/server/db/connect';
import * as needMigration from '$lib/server/db/migrations/0017-assessment-need';
import * as reassessments from '$lib/server/db/reassessments';
import type { Chamber } from '$lib/server/db/chambers';
import { testDatabases } from '../fixtures/databases';
import {
	LEVELS,
	insertCampaign,
	insertChamber,
	insertChamberWith,
	insertDraft,
	insertSubmitted,
	type SubmittedFixture
} from '../fixtures/submitted';

// The names service uses the process-wide database; point it at each real database in turn.
let current: Db;
vi.mock('$lib/server/db', () => ({ db: () => current }));
const { needNames } = await import('$lib/server/chamber/chamber-needs');

const options = {
	minGroupSize: 5,
	levels: LEVELS,
	themes: ['energy'],
	now: new Date('2026-06-01T00:00:00Z'),
	compareAllChambers: false
};

type Firm = Omit<SubmittedFixture, 'chamberId'>;

/** `count` firms of a sector submitted on 2 March 2026, alike but for `firm`. */
function firms(count: number, firm: Partial<Firm> = {}): Firm[] {
	return Array.from({ length: count }, (_, i) => ({
		sector: 'C',
		sizeClass: 'small',
		province: '59',
		overall: 50,
		submittedAt: `2026-03-02T10:00:${String(10 + i).padStart(2, '0')}.000Z`,
		...firm
	}));
}

describe.each(testDatabases())('needs on $name', (target) => {
	beforeAll(async () => {
		current = await target.open();
	});
	afterAll(() => target.close());

	const needs = async (chamberId: string, filters: StatisticsFilters = {}) =>
		(await chamberStatistics(current, chamberId, filters, options)).needs;

	it('counts firms per priority at five and not at four, and withholds a need its complement would single out', async () => {
		const chamberId = await insertChamberWith(current, 'needs-counts', [
			...firms(5, { priorities: ['rec_a', 'rec_b', 'rec_c'] }),
			...firms(4, { priorities: ['rec_b', 'rec_c'] }),
			...firms(1, { priorities: ['rec_c'] })
		]);
		// rec_a: 5 firms and 5 without; rec_b: 9 firms, but only one without; rec_c: every firm.
		expect((await needs(chamberId)).priorities).toEqual([
			{ recommendation: 'rec_c', firms: 10 },
			{ recommendation: 'rec_a', firms: 5 }
		]);
		const four = await insertChamberWith(current, 'needs-four', [
			...firms(4, { priorities: ['rec_a', 'rec_z'] }),
			...firms(6, { priorities: ['rec_z'] })
		]);
		expect((await needs(four)).priorities).toEqual([{ recommendation: 'rec_z', firms: 10 }]);
	});

	it('withholds a need that a filtered view and the unfiltered one would isolate by difference', async () => {
		const chamberId = await insertChamberWith(current, 'needs-views', [
			...firms(5, { sector: 'C', priorities: ['rec_a', 'rec_d'] }),
			...firms(1, { sector: 'C', priorities: ['rec_a'] }),
			...firms(1, { sector: 'F', priorities: ['rec_d', 'rec_e'] }),
			...firms(5, { sector: 'F', priorities: ['rec_e'] })
		]);
		// rec_d: 6 firms, 5 of them in sector C, so sector C's count would give away the one in F.
		expect((await needs(chamberId)).priorities.map((need) => need.recommendation)).toEqual([
			'rec_a',
			'rec_e'
		]);
		expect((await needs(chamberId, { sector: 'C' })).priorities).toEqual([
			{ recommendation: 'rec_a', firms: 6 }
		]);
		expect((await needs(chamberId, { sector: 'F' })).priorities).toEqual([
			{ recommendation: 'rec_e', firms: 6 }
		]);
	});

	it('counts planned actions and the firms that did them, and CBAM exposure without data', async () => {
		const chamberId = await insertChamberWith(current, 'needs-plans', [
			...firms(5, {
				plan: { rec_a: 'done', rec_b: 'planned' },
				cbam: 'in_scope',
				cbamReadiness: 'none'
			}),
			...firms(3, { plan: { rec_b: 'in_progress' }, cbam: 'none' }),
			...firms(2, { plan: { rec_b: 'done' }, cbam: 'none' })
		]);
		const figures = await needs(chamberId);
		// rec_b: 10 planning, of whom 2 done: too few to tell apart, so only the planning count is shown.
		expect(figures.planned).toEqual([
			{ recommendation: 'rec_b', firms: 10, done: null },
			{ recommendation: 'rec_a', firms: 5, done: 5 }
		]);
		expect(figures.cbam).toEqual({ exposed: 5, withoutData: 5, estimateOnly: 0 });
	});

	it('counts a re-assessed firm with its latest priorities, and forgets an erased assessment', async () => {
		const chamberId = await insertChamber(current, 'needs-latest');
		const campaignId = await insertCampaign(current, chamberId);
		const first = await insertSubmitted(current, {
			...firms(1, { priorities: ['rec_old'] })[0],
			chamberId
		});
		for (const firm of firms(5, { priorities: ['rec_new'] }))
			await insertSubmitted(current, { ...firm, chamberId, campaignId });
		await insertSubmitted(current, {
			...firms(1, { priorities: ['rec_new'] })[0],
			submittedAt: '2026-04-01T00:00:00.000Z',
			chamberId,
			previousId: first
		});
		expect((await needs(chamberId)).priorities).toEqual([{ recommendation: 'rec_new', firms: 6 }]);

		await reassessments.erase(current, [first]);
		const left = await current
			.selectFrom('assessment_need')
			.select('assessment_id')
			.where('assessment_id', '=', first)
			.execute();
		expect(left).toEqual([]);
	});

	it('stores the priorities at submission: the first three recommendations, in rank order', async () => {
		const chamberId = await insertChamber(current, 'needs-submit');
		const campaignId = await insertCampaign(current, chamberId);
		const id = await insertDraft(current, {
			chamberId,
			campaignId,
			createdAt: '2026-03-01T00:00:00Z'
		});
		const recommendations = ['rec_1', 'rec_2', 'rec_3', 'rec_4'].map((rec) => ({ id: rec }));
		const outcome = await assessments.submit(current, id, {
			answers: {},
			result: {
				questionnaire: 'mini',
				version: '1.0.0',
				overall: 40,
				level: 'aware',
				themes: [],
				recommendations
			} as never,
			facts: {}
		});
		expect(outcome).toBe('submitted');
		const stored = await current
			.selectFrom('assessment_need')
			.select(['rank', 'recommendation_id'])
			.where('assessment_id', '=', id)
			.orderBy('rank')
			.execute();
		expect(stored).toEqual([
			{ rank: 1, recommendation_id: 'rec_1' },
			{ rank: 2, recommendation_id: 'rec_2' },
			{ rank: 3, recommendation_id: 'rec_3' }
		]);
	});

	it('fills in the priorities of assessments submitted before the table existed, from their results', async () => {
		const chamberId = await insertChamber(current, 'needs-backfill');
		const ids = {
			ranked: await insertSubmitted(current, {
				...firms(1)[0],
				chamberId,
				priorities: ['rec_x', 'rec_y', 'rec_z', 'rec_w']
			}),
			unreadable: await insertSubmitted(current, { ...firms(1)[0], chamberId })
		};
		await current
			.updateTable('assessment')
			.set({ result: 'not json' })
			.where('id', '=', ids.unreadable)
			.execute();
		await needMigration.down(current as never);
		await needMigration.up(current as never);
		const rows = await current
			.selectFrom('assessment_need')
			.select(['assessment_id', 'rank', 'recommendation_id'])
			.where('assessment_id', 'in', Object.values(ids))
			.orderBy('rank')
			.execute();
		expect(rows).toEqual([
			{ assessment_id: ids.ranked, rank: 1, recommendation_id: 'rec_x' },
			{ assessment_id: ids.ranked, rank: 2, recommendation_id: 'rec_y' },
			{ assessment_id: ids.ranked, rank: 3, recommendation_id: 'rec_z' }
		]);
	});

	it('names only the consenting firms behind a count the view shows, newest first', async () => {
		const chamberId = await insertChamberWith(current, 'needs-names', [
			...firms(3, { priorities: ['rec_a'] }),
			{ ...firms(1, { priorities: ['rec_a'], company: 'Gizli A.Ş.' })[0] },
			{ ...firms(1, { priorities: ['rec_a'], company: 'Alfa Tekstil', consent: true })[0] },
			...firms(4, { priorities: ['rec_b'], plan: { rec_a: 'planned' } }),
			{ ...firms(1, { priorities: ['rec_b'], company: 'Beta Metal', consent: true })[0] }
		]);
		const chamber = { id: chamberId } as Chamber;
		const figures = await needs(chamberId);
		expect(figures.priorities).toEqual([
			{ recommendation: 'rec_a', firms: 5 },
			{ recommendation: 'rec_b', firms: 5 }
		]);
		const names = await needNames(chamber, {}, figures);
		expect(names.priority).toEqual({
			rec_a: { names: ['Alfa Tekstil'], more: 0 },
			rec_b: { names: ['Beta Metal'], more: 0 }
		});
		// Four firms plan rec_a: too few to count, so nobody is named under it.
		expect(names.planned).toEqual({});
		// A view without the consenting firms names nobody.
		expect(await needNames(chamber, { sector: 'F' }, figures)).toEqual({
			priority: {},
			planned: {}
		});
	});
});
