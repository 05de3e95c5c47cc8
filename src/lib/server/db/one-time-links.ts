import type { Db } from './connect';
import type { OneTimeLinkTable } from './schema';

export type LinkPurpose = OneTimeLinkTable['purpose'];

/** Stores a one-time link under its token's hash, valid for `hours`. */
export async function create(
	db: Db,
	link: { tokenHash: string; purpose: LinkPurpose; payload: unknown; hours: number },
	now = new Date()
): Promise<void> {
	await db
		.insertInto('one_time_link')
		.values({
			token_hash: link.tokenHash,
			purpose: link.purpose,
			payload: JSON.stringify(link.payload),
			created_at: now.toISOString(),
			expires_at: new Date(now.getTime() + link.hours * 3_600_000).toISOString(),
			used_at: null
		})
		.execute();
}

/** The payload of an unused, unexpired link of this purpose, or undefined. */
export async function findUsable(
	db: Db,
	tokenHash: string,
	purpose: LinkPurpose,
	now = new Date()
): Promise<unknown> {
	const row = await db
		.selectFrom('one_time_link')
		.select('payload')
		.where('token_hash', '=', tokenHash)
		.where('purpose', '=', purpose)
		.where('used_at', 'is', null)
		.where('expires_at', '>', now.toISOString())
		.executeTakeFirst();
	return row ? (JSON.parse(row.payload) as unknown) : undefined;
}

/** Marks a link used. False when it was already used (or expired) — only one use ever succeeds. */
export async function use(db: Db, tokenHash: string, now = new Date()): Promise<boolean> {
	const result = await db
		.updateTable('one_time_link')
		.set({ used_at: now.toISOString() })
		.where('token_hash', '=', tokenHash)
		.where('used_at', 'is', null)
		.where('expires_at', '>', now.toISOString())
		.executeTakeFirst();
	return Number(result.numUpdatedRows) > 0;
}

/**
 * The payloads and expiry times of the unused, unexpired links of this purpose, soonest to expire first: the
 * invitations still waiting to be accepted. Links live for days, so the list stays short.
 */
export async function listUsable(
	db: Db,
	purpose: LinkPurpose,
	now = new Date()
): Promise<{ payload: unknown; expiresAt: string }[]> {
	const rows = await db
		.selectFrom('one_time_link')
		.select(['payload', 'expires_at'])
		.where('purpose', '=', purpose)
		.where('used_at', 'is', null)
		.where('expires_at', '>', now.toISOString())
		.orderBy('expires_at')
		.execute();
	return rows.map((row) => ({
		payload: JSON.parse(row.payload) as unknown,
		expiresAt: row.expires_at
	}));
}
