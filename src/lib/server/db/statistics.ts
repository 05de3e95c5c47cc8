import type { ExpressionBuilder, Transaction } from 'kysely';
import { monthInTurkiye } from '$lib/i18n/format';
import type { SymbiosisSide } from '$lib/symbiosis/listing';
import type {
	CampaignRow,
	ComparedFilter,
	Firm,
	FirmListing,
	NationalGroup,
	NationalGroups,
	PlanStatus
} from '../aggregates/types';
import { isLatest } from './reassessments';
import * as symbiosis from './symbiosis';
import type { Db } from './connect';
import type { AssessmentTable, Schema } from './schema';

/*
 * The rows the chamber statistics are computed from. This module reads and decides nothing: which figures may be
 * published is the business of `aggregates/`, which composes these readers.
 */

type Assessments = ExpressionBuilder<Schema & { a: AssessmentTable }, 'a'>;

/**
 * Submitted assessments with a result, each firm once: one that a later submitted assessment re-assesses is left out
 * (the rule of `peerBenchmarks.find`), so a firm counts with its latest result only.
 */
function counted(eb: Assessments) {
	return eb.and([
		eb('a.status', '=', 'submitted'),
		eb('a.submitted_at', 'is not', null),
		eb('a.overall_score', 'is not', null),
		eb('a.level', 'is not', null),
		isLatest(eb)
	]);
}

/** One snapshot for every query of a report, so the figures and their guards agree with each other. */
export function snapshot<T>(db: Db, read: (trx: Transaction<Schema>) => Promise<T>): Promise<T> {
	return db
		.transaction()
		.setIsolationLevel('repeatable read')
		.setAccessMode('read only')
		.execute(read);
}

/** The chamber's firms, each with its latest submitted assessment: everything its own figures are computed from. */
export async function chamberFirms(trx: Transaction<Schema>, chamberId: string): Promise<Firm[]> {
	const rows = await trx
		.selectFrom('assessment as a')
		.select([
			'a.id',
			'a.campaign_id',
			'a.sector',
			'a.size_class',
			'a.province',
			'a.overall_score',
			'a.level',
			'a.scope1_t',
			'a.scope2_t',
			'a.cbam_exposure',
			'a.cbam_readiness',
			'a.submitted_at'
		])
		.where('a.chamber_id', '=', chamberId)
		.where(counted)
		.execute();
	// The score each re-assessment started from: found from the earlier assessment through the `previous_id` index,
	// so the firms' rows above stay within the covering statistics index.
	const previous = await trx
		.selectFrom('assessment as p')
		.innerJoin('assessment as later', 'later.previous_id', 'p.id')
		.select(['later.id', 'p.overall_score'])
		.where('p.chamber_id', '=', chamberId)
		.where('p.status', '=', 'submitted')
		.where('later.status', '=', 'submitted')
		.execute();
	// Scores of superseded assessments come too and are dropped below, which is cheaper than a second anti-join.
	const scores = await trx
		.selectFrom('assessment_score as s')
		.innerJoin('assessment as a', 'a.id', 's.assessment_id')
		.select(['s.assessment_id', 's.theme_id', 's.score'])
		.where('a.chamber_id', '=', chamberId)
		.where('a.status', '=', 'submitted')
		.execute();
	// Thousands of submissions fall in a few thousand hours: work out each hour's month once.
	const months = new Map<string, string>();
	const monthOf = (instant: string) => {
		const hour = instant.slice(0, 13);
		let month = months.get(hour);
		if (month === undefined) months.set(hour, (month = monthInTurkiye(instant)));
		return month;
	};
	const firms = new Map(
		rows.map((row): [string, Firm] => [
			row.id,
			{
				campaignId: row.campaign_id,
				sector: row.sector,
				sizeClass: row.size_class,
				province: row.province,
				overall: Number(row.overall_score),
				level: row.level!,
				themes: new Map(),
				scope1: row.scope1_t,
				scope2: row.scope2_t,
				cbam: row.cbam_exposure,
				cbamReadiness: row.cbam_readiness,
				month: monthOf(row.submitted_at!),
				priorities: [],
				plan: new Map()
			}
		])
	);
	for (const row of previous) {
		const firm = firms.get(row.id);
		if (firm && row.overall_score !== null) firm.previousOverall = Number(row.overall_score);
	}
	for (const score of scores)
		firms.get(score.assessment_id)?.themes.set(score.theme_id, score.score);
	await readNeeds(trx, chamberId, firms);
	await readListings(trx, chamberId, firms);
	return [...firms.values()];
}

/**
 * Fills in each firm's priorities and action plan, for the needs figures and the consenting firms behind them.
 * Rows of superseded assessments come too and are dropped, as with the scores.
 */
async function readNeeds(
	trx: Transaction<Schema>,
	chamberId: string,
	firms: Map<string, { priorities: readonly string[]; plan: ReadonlyMap<string, PlanStatus> }>
): Promise<void> {
	const needs = await trx
		.selectFrom('assessment_need as n')
		.innerJoin('assessment as a', 'a.id', 'n.assessment_id')
		.select(['n.assessment_id', 'n.recommendation_id'])
		.where('a.chamber_id', '=', chamberId)
		.where('a.status', '=', 'submitted')
		.execute();
	const plans = await trx
		.selectFrom('plan_action as p')
		.innerJoin('assessment as a', 'a.id', 'p.assessment_id')
		.select(['p.assessment_id', 'p.recommendation_id', 'p.status'])
		.where('a.chamber_id', '=', chamberId)
		.where('a.status', '=', 'submitted')
		.execute();
	const priorities = new Map<string, string[]>();
	for (const need of needs) {
		const list = priorities.get(need.assessment_id);
		if (list) list.push(need.recommendation_id);
		else priorities.set(need.assessment_id, [need.recommendation_id]);
	}
	const planned = new Map<string, Map<string, PlanStatus>>();
	for (const action of plans) {
		const plan = planned.get(action.assessment_id) ?? new Map<string, PlanStatus>();
		planned.set(action.assessment_id, plan.set(action.recommendation_id, action.status));
	}
	for (const [id, firm] of firms) {
		firm.priorities = priorities.get(id) ?? [];
		firm.plan = planned.get(id) ?? new Map();
	}
}

/**
 * Fills in the symbiosis categories each firm offers and needs, for the supply–demand counts. Every listing counts,
 * whether or not the firm consented to be introduced.
 */
async function readListings(
	trx: Transaction<Schema>,
	chamberId: string,
	firms: Map<string, { symbiosis?: FirmListing }>
): Promise<void> {
	const listings = new Map<string, Record<SymbiosisSide, Set<string>>>();
	for (const item of await symbiosis.chamberItems(trx, chamberId)) {
		let listing = listings.get(item.assessmentId);
		if (!listing)
			listings.set(item.assessmentId, (listing = { offer: new Set(), need: new Set() }));
		listing[item.side].add(item.category);
	}
	for (const [id, listing] of listings) {
		const firm = firms.get(id);
		if (firm) firm.symbiosis = listing;
	}
}

/** The facts a comparison with all chambers may filter by (a campaign belongs to one chamber), with their columns. */
const COMPARED = {
	sector: 'a.sector',
	sizeClass: 'a.size_class',
	province: 'a.province'
} as const satisfies Record<ComparedFilter['name'], string>;

/**
 * Every chamber's firms, in and outside the compared view, as counts and sums (overall and per theme): the only read
 * that crosses chambers, so it returns totals and never a firm.
 */
export async function nationalGroups(
	trx: Transaction<Schema>,
	compared: ComparedFilter | undefined
): Promise<NationalGroups> {
	const flagged = trx
		.selectFrom('assessment as a')
		.where('a.chamber_id', 'is not', null)
		.where(counted)
		.select((eb) => [
			'a.id',
			'a.overall_score',
			// Without a filter every firm is in the view, so the flag is a constant 1.
			(compared === undefined
				? eb.lit(1)
				: eb
						.case()
						.when(COMPARED[compared.name], '=', compared.value)
						.then(eb.lit(1))
						.else(eb.lit(0))
						.end()
			).as('meets')
		])
		.as('f');
	const firms = await trx
		.selectFrom(flagged)
		.select((eb) => [
			'f.meets',
			eb.fn.countAll<number>().as('firms'),
			eb.fn.sum<number>('f.overall_score').as('total')
		])
		.groupBy('f.meets')
		.execute();
	const themes = await trx
		.selectFrom(flagged)
		.innerJoin('assessment_score as s', 's.assessment_id', 'f.id')
		.select((eb) => [
			's.theme_id',
			'f.meets',
			eb.fn.countAll<number>().as('firms'),
			eb.fn.sum<number>('s.score').as('total')
		])
		.groupBy(['s.theme_id', 'f.meets'])
		.execute();
	const group = (row: (typeof firms)[number]): NationalGroup => ({
		inView: Number(row.meets) === 1,
		firms: Number(row.firms),
		total: Number(row.total)
	});
	const byTheme = new Map<string, NationalGroup[]>();
	for (const row of themes) {
		const list = byTheme.get(row.theme_id) ?? [];
		list.push(group(row));
		byTheme.set(row.theme_id, list);
	}
	return { firms: firms.map(group), byTheme };
}

/**
 * The chamber's campaigns (earliest opening first) with their targets and how many of their drafts re-assess nothing
 * (a firm that started and has not submitted; a re-assessment's draft is a firm already counted), and the chamber's
 * own target. One GROUP BY: the largest chamber has tens of thousands of assessments.
 */
export async function campaignRows(
	trx: Transaction<Schema>,
	chamberId: string
): Promise<{ campaigns: CampaignRow[]; chamberTarget: number | null }> {
	const campaigns = await trx
		.selectFrom('campaign')
		.select(['id', 'target_firms'])
		.where('chamber_id', '=', chamberId)
		.orderBy('opens_at')
		.orderBy('id')
		.execute();
	const drafts = await trx
		.selectFrom('assessment')
		.select((eb) => ['campaign_id', eb.fn.countAll<number>().as('drafts')])
		.where('chamber_id', '=', chamberId)
		.where('status', '=', 'draft')
		.where('previous_id', 'is', null)
		.groupBy('campaign_id')
		.execute();
	const chamber = await trx
		.selectFrom('chamber')
		.select('target_firms')
		.where('id', '=', chamberId)
		.executeTakeFirst();
	const draftsOf = new Map(drafts.map((row) => [row.campaign_id, Number(row.drafts)]));
	return {
		campaigns: campaigns.map((campaign) => ({
			id: campaign.id,
			target: campaign.target_firms,
			drafts: draftsOf.get(campaign.id) ?? 0
		})),
		chamberTarget: chamber?.target_firms ?? null
	};
}
