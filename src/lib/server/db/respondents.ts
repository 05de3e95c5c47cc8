import type { Answers } from '$lib/questionnaire/visibility';
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
