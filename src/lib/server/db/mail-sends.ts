import type { Db } from './connect';
import { newId } from './ids';

/**
 * Records one mail for each of `subjects` (an assessment, an address digest) and returns the ids, written before the
 * count is read so that parallel requests count each other (as the sign-in throttle does). Rows older than `since`
 * are deleted on the way: the table only ever holds one window's worth.
 */
export async function record(
	db: Db,
	subjects: string[],
	now: Date,
	since: Date
): Promise<string[]> {
	await db.deleteFrom('mail_send').where('at', '<', since.toISOString()).execute();
	const rows = subjects.map((subject) => ({ id: newId(), subject, at: now.toISOString() }));
	await db.insertInto('mail_send').values(rows).execute();
	return rows.map((row) => row.id);
}

/** When each of the `limit` latest mails of a subject since `since` was sent, newest first. */
export async function recent(db: Db, subject: string, since: Date, limit: number) {
	const rows = await db
		.selectFrom('mail_send')
		.select(['id', 'at'])
		.where('subject', '=', subject)
		.where('at', '>=', since.toISOString())
		.orderBy('at', 'desc')
		.orderBy('id', 'desc')
		.limit(limit)
		.execute();
	return rows;
}

/** Takes back records of a mail that was refused by the throttle, so that refusals do not extend the wait. */
export async function remove(db: Db, ids: string[]): Promise<void> {
	if (ids.length > 0) await db.deleteFrom('mail_send').where('id', 'in', ids).execute();
}
