import type { Db } from './connect';
import { newId } from './ids';

export interface AuditEntry {
	at: string;
	actor: string;
	action: string;
	target: string | null;
}

/** Appends one entry to the audit log (sign-ins, exports, deletions); returns its id. */
export async function record(
	db: Db,
	entry: { actor: string; action: string; target?: string | null },
	now = new Date()
): Promise<string> {
	const id = newId();
	await db
		.insertInto('audit_log')
		.values({
			id,
			at: now.toISOString(),
			actor: entry.actor,
			action: entry.action,
			target: entry.target ?? null
		})
		.execute();
	return id;
}

/**
 * Rewrites who did what in an entry written before the outcome was known (a password attempt is logged as failed
 * before the password is checked, so that parallel attempts count each other).
 */
export async function relabel(
	db: Db,
	id: string,
	entry: { actor: string; action: string }
): Promise<void> {
	await db.updateTable('audit_log').set(entry).where('id', '=', id).execute();
}

/** The newest entries first, optionally only those about one target. */
export async function listRecent(
	db: Db,
	options: { target?: string; limit?: number } = {}
): Promise<AuditEntry[]> {
	let query = db
		.selectFrom('audit_log')
		.select(['at', 'actor', 'action', 'target'])
		.orderBy('at', 'desc')
		.orderBy('id', 'desc')
		.limit(options.limit ?? 100);
	if (options.target !== undefined) query = query.where('target', '=', options.target);
	return query.execute();
}
