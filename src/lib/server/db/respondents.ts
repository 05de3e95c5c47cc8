import type { Answers } from '$lib/questionnaire/visibility';
import type { PlanStatus } from '../aggregates/types';
import type { Filter } from '../aggregates/view';
import type { Db } from './connect';
import { isLatest } from './reassessments';

/** A firm that agreed to share its identity with the chamber: its latest submitted assessment. */
export interface ConsentedRespondent {
	id: string;
	answers: Answers;
	level: string | null;
	overallScore: number | null;
	submittedAt: string;
	consentAt: string | null;
}

/**
 * The chamber's submitted assessments whose firm consented to share its identity, newest first, one per firm (its
 * latest), a page at a time: pass the last row's `submittedAt` and `id` as `after` for the next page, so a large
 * export reads the table in bounded pieces instead of holding it open or in memory.
 */
export async function consenting(
	db: Db,
	chamberId: string,
	page: { limit: number; after?: { submittedAt: string; id: string } }
): Promise<ConsentedRespondent[]> {
	let query = db
		.selectFrom('assessment as a')
		.select(['a.id', 'a.answers', 'a.level', 'a.overall_score', 'a.submitted_at', 'a.consent_at'])
		.where('a.chamber_id', '=', chamberId)
		.where('a.status', '=', 'submitted')
		.where('a.consent_share_identity', '=', 1)
		.where(isLatest)
		.orderBy('a.submitted_at', 'desc')
		.orderBy('a.id', 'desc')
		.limit(page.limit);
	const after = page.after;
	if (after) {
		query = query.where((eb) =>
			eb.or([
				eb('a.submitted_at', '<', after.submittedAt),
				eb.and([eb('a.submitted_at', '=', after.submittedAt), eb('a.id', '<', after.id)])
			])
		);
	}
	const rows = await query.execute();
	return rows.map((row) => ({
		id: row.id,
		answers: JSON.parse(row.answers) as Answers,
		level: row.level,
		overallScore: row.overall_score,
		submittedAt: row.submitted_at ?? '',
		consentAt: row.consent_at
	}));
}

/** The columns of the facts a chamber's view may be filtered by. */
const VIEW_COLUMNS = {
	campaignId: 'a.campaign_id',
	sector: 'a.sector',
	sizeClass: 'a.size_class',
	province: 'a.province'
} as const satisfies Record<Filter['name'], string>;

/** A consenting firm's priorities and action plan, to name it under the needs it counts in. */
export interface ConsentedNeeds {
	id: string;
	priorities: string[];
	plan: Map<string, PlanStatus>;
}

/**
 * The chamber's consenting firms in a view (at most one filter), newest submission first, one per firm (its latest),
 * each with its priorities and action plan: who a need's count may name.
 */
export async function consentingNeeds(
	db: Db,
	chamberId: string,
	filter: Filter | undefined
): Promise<ConsentedNeeds[]> {
	let consenting = db
		.selectFrom('assessment as a')
		.where('a.chamber_id', '=', chamberId)
		.where('a.status', '=', 'submitted')
		.where('a.consent_share_identity', '=', 1)
		.where(isLatest);
	if (filter) consenting = consenting.where(VIEW_COLUMNS[filter.name], '=', filter.value);
	const firms = await consenting
		.select('a.id')
		.orderBy('a.submitted_at', 'desc')
		.orderBy('a.id', 'desc')
		.execute();
	if (firms.length === 0) return [];
	const ids = consenting.select('a.id');
	const needs = await db
		.selectFrom('assessment_need')
		.select(['assessment_id', 'recommendation_id'])
		.where('assessment_id', 'in', ids)
		.execute();
	const plans = await db
		.selectFrom('plan_action')
		.select(['assessment_id', 'recommendation_id', 'status'])
		.where('assessment_id', 'in', ids)
		.execute();
	const byId = new Map(
		firms.map((firm): [string, ConsentedNeeds] => [
			firm.id,
			{ id: firm.id, priorities: [], plan: new Map() }
		])
	);
	for (const need of needs) byId.get(need.assessment_id)?.priorities.push(need.recommendation_id);
	for (const action of plans)
		byId.get(action.assessment_id)?.plan.set(action.recommendation_id, action.status);
	return [...byId.values()];
}

/** Which consent lets the chamber see a firm's name: to share its identity, or to be introduced (symbiosis). */
const CONSENT_COLUMNS = {
	identity: 'a.consent_share_identity',
	symbiosis: 'a.symbiosis_consent'
} as const;

/**
 * The answers of some of a chamber's consenting firms, by assessment id: where their names are. A firm that did not
 * give `consent` is left out whatever the ids.
 */
export async function consentingAnswers(
	db: Db,
	chamberId: string,
	ids: readonly string[],
	consent: keyof typeof CONSENT_COLUMNS = 'identity'
): Promise<Map<string, Answers>> {
	if (ids.length === 0) return new Map();
	const rows = await db
		.selectFrom('assessment as a')
		.select(['a.id', 'a.answers'])
		.where('a.chamber_id', '=', chamberId)
		.where(CONSENT_COLUMNS[consent], '=', 1)
		.where('a.id', 'in', ids)
		.execute();
	return new Map(rows.map((row) => [row.id, JSON.parse(row.answers) as Answers]));
}
