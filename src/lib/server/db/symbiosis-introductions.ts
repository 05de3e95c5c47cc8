import type { MatchKey } from '$lib/symbiosis/match-key';
import type { Db } from './connect';
import { newId } from './ids';

/*
 * A chamber's record that it introduced the two firms of a symbiosis match. The match itself is never stored: it is
 * computed from the current listings and consents, so that a withdrawal or an erasure takes the firm out at once.
 */

/** An introduction as the chamber's pages show it: when, and by whom (null when that account is gone). */
export interface Introduction extends MatchKey {
	at: string;
	by: string | null;
}

/**
 * Records that `userId` introduced this pair; true when recorded now, false when the pair was introduced already
 * (a double click or a second administrator), which keeps the first one's date and name.
 */
export async function record(
	db: Db,
	chamberId: string,
	key: MatchKey,
	userId: string,
	now = new Date()
): Promise<boolean> {
	const result = await db
		.insertInto('symbiosis_introduction')
		.values({
			id: newId(),
			chamber_id: chamberId,
			offer_assessment_id: key.offerAssessmentId,
			need_assessment_id: key.needAssessmentId,
			category: key.category,
			introduced_by: userId,
			introduced_at: now.toISOString()
		})
		.onConflict((conflict) =>
			conflict.columns(['offer_assessment_id', 'need_assessment_id', 'category']).doNothing()
		)
		.executeTakeFirst();
	return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

/** The chamber's introductions, with the introducing user's name. */
export async function forChamber(db: Db, chamberId: string): Promise<Introduction[]> {
	const rows = await db
		.selectFrom('symbiosis_introduction as i')
		.leftJoin('user as u', 'u.id', 'i.introduced_by')
		.select([
			'i.offer_assessment_id',
			'i.need_assessment_id',
			'i.category',
			'i.introduced_at',
			'u.name'
		])
		.where('i.chamber_id', '=', chamberId)
		.execute();
	return rows.map((row) => ({
		offerAssessmentId: row.offer_assessment_id,
		needAssessmentId: row.need_assessment_id,
		category: row.category,
		at: row.introduced_at,
		by: row.name
	}));
}

/**
 * Moves the introductions of `previousId` onto the re-assessment `id` that supersedes it, inside the transaction
 * that submits it: the firm is the same, so the chamber's mark stays on the pair.
 */
export async function follow(db: Db, previousId: string, id: string): Promise<void> {
	await db
		.updateTable('symbiosis_introduction')
		.set({ offer_assessment_id: id })
		.where('offer_assessment_id', '=', previousId)
		.execute();
	await db
		.updateTable('symbiosis_introduction')
		.set({ need_assessment_id: id })
		.where('need_assessment_id', '=', previousId)
		.execute();
}
