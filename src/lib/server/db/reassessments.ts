import type { ExpressionBuilder } from 'kysely';
import * as consent from './consent';
import type { Db } from './connect';
import type { Schema } from './schema';

/*
 * The re-assessment chain: a firm that re-assesses starts a new assessment from its last one (`previous_id`). Who
 * counts as the firm's latest, which assessments are "mine", and erasing without bringing an older one back.
 */

/**
 * For a query over `assessment as a`: true unless a later submitted assessment re-assesses this one, so that a firm
 * that re-assessed counts once, with its latest result (peer benchmarks, chamber statistics, consenting firms).
 */
export function isLatest(eb: ExpressionBuilder<Schema & { a: Schema['assessment'] }, 'a'>) {
	return eb.not(
		eb.exists(
			eb
				.selectFrom('assessment as later')
				.select('later.id')
				.whereRef('later.previous_id', '=', 'a.id')
				.where('later.status', '=', 'submitted')
		)
	);
}

/**
 * Every assessment linked to this one by re-assessment, in either direction (older ones it re-assessed, newer ones
 * started from it or from those), itself included: what a firm thinks of as "my assessments".
 */
export async function chain(db: Db, id: string): Promise<string[]> {
	const found = new Set([id]);
	let frontier = [id];
	while (frontier.length > 0) {
		const rows = await db
			.selectFrom('assessment')
			.select(['id', 'previous_id'])
			.where((eb) => eb.or([eb('id', 'in', frontier), eb('previous_id', 'in', frontier)]))
			.execute();
		const next = rows
			.flatMap((row) => [row.id, row.previous_id])
			.filter((linked): linked is string => linked !== null && !found.has(linked));
		for (const linked of next) found.add(linked);
		frontier = [...new Set(next)];
	}
	return [...found];
}

/**
 * Erases assessments for good, with their scores and consent history (both cascade).
 *
 * Erasing one assessment of a chain must never bring an older one back: `isLatest` would make its predecessor the
 * firm's latest again, and a consent given there would put the firm's name back into the chamber's export. So, in
 * one transaction: the assessments that re-assessed an erased one now point to its predecessor (the older ones stay
 * superseded; statistics keep counting the firm once), and when a submitted one is erased, every older assessment
 * of its chain has its consent withdrawn, with the withdrawal recorded. We withdraw rather than hide: the firm sees it on those results pages
 * and can consent again by re-assessing, and no query needs to learn a new rule.
 */
export async function erase(db: Db, ids: string[], now = new Date()): Promise<void> {
	await db.transaction().execute(async (trx) => {
		const erased = new Set(ids);
		for (const id of ids) {
			const row = await trx
				.selectFrom('assessment')
				.select(['previous_id', 'status'])
				.where('id', '=', id)
				.executeTakeFirst();
			if (!row) continue;
			await trx
				.updateTable('assessment')
				.set({ previous_id: row.previous_id })
				.where('previous_id', '=', id)
				.execute();
			// A draft superseded nothing, so erasing it revives nothing.
			let older = row.status === 'submitted' ? row.previous_id : null;
			while (older !== null && !erased.has(older)) {
				await consent.withdrawIn(trx, older, now.toISOString());
				const next = await trx
					.selectFrom('assessment')
					.select('previous_id')
					.where('id', '=', older)
					.executeTakeFirst();
				older = next?.previous_id ?? null;
			}
			await trx.deleteFrom('assessment').where('id', '=', id).execute();
		}
	});
}
