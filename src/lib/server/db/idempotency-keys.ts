import type { Db } from './connect';
import type { IdempotencyKeyTable } from './schema';

export type IdempotencyKey = Omit<IdempotencyKeyTable, 'expires_at'>;

/** The unexpired record of a key, or undefined. */
export async function find(
	db: Db,
	keyHash: string,
	now = new Date()
): Promise<IdempotencyKey | undefined> {
	return db
		.selectFrom('idempotency_key')
		.select(['key_hash', 'assessment_id', 'body_hash', 'sealed_token'])
		.where('key_hash', '=', keyHash)
		.where('expires_at', '>', now.toISOString())
		.executeTakeFirst();
}

/**
 * Records a key for `hours`, or returns false when an unexpired record of it exists: then another request took the
 * key first. Run it in the transaction that creates the assessment, so that a lost race creates nothing; on
 * PostgreSQL the loser waits for the winner's commit (the primary key), on SQLite writers take turns.
 */
export async function insert(
	db: Db,
	record: IdempotencyKey,
	hours: number,
	now = new Date()
): Promise<boolean> {
	await db
		.deleteFrom('idempotency_key')
		.where('key_hash', '=', record.key_hash)
		.where('expires_at', '<=', now.toISOString())
		.execute();
	const result = await db
		.insertInto('idempotency_key')
		.values({ ...record, expires_at: new Date(now.getTime() + hours * 3_600_000).toISOString() })
		.onConflict((conflict) => conflict.column('key_hash').doNothing())
		.executeTakeFirst();
	return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

/** Deletes the records of expired keys (a record also goes with its assessment). */
export async function purgeExpired(db: Db, now = new Date()): Promise<number> {
	const result = await db
		.deleteFrom('idempotency_key')
		.where('expires_at', '<=', now.toISOString())
		.executeTakeFirst();
	return Number(result.numDeletedRows);
}
