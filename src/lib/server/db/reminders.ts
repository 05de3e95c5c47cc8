import type { Db } from './connect';
import { newId } from './ids';

/** A reminder to send, as the sender needs it. */
export interface DueReminder {
	id: string;
	assessmentId: string;
	email: string;
	locale: string;
	sealedLinks: string;
	unsubscribeHash: string;
	sent: number;
	createdAt: string;
	/** Whether the assessment is still a draft: a submitted one gets no reminder. */
	draft: boolean;
}

/**
 * Records (or replaces) a draft owner's request to be reminded: one per assessment, the latest address wins, and the
 * count starts again from the new request.
 */
export async function subscribe(
	db: Db,
	request: {
		assessmentId: string;
		email: string;
		locale: string;
		sealedLinks: string;
		unsubscribeHash: string;
		dueAt: Date;
	},
	now = new Date()
): Promise<void> {
	const row = {
		email: request.email,
		locale: request.locale,
		sealed_links: request.sealedLinks,
		unsubscribe_hash: request.unsubscribeHash,
		sent: 0,
		due_at: request.dueAt.toISOString(),
		claimed_until: null,
		created_at: now.toISOString()
	};
	await db
		.insertInto('reminder')
		.values({ id: newId(), assessment_id: request.assessmentId, ...row })
		.onConflict((conflict) => conflict.column('assessment_id').doUpdateSet(row))
		.execute();
}

/** Whether the assessment has a pending reminder request (the page then says so). */
export async function isSubscribed(db: Db, assessmentId: string): Promise<boolean> {
	const row = await db
		.selectFrom('reminder')
		.select('id')
		.where('assessment_id', '=', assessmentId)
		.executeTakeFirst();
	return row !== undefined;
}

/** The address a draft's reminders go to, for the owner's own data download; undefined when none. */
export async function addressOf(db: Db, assessmentId: string): Promise<string | undefined> {
	const row = await db
		.selectFrom('reminder')
		.select('email')
		.where('assessment_id', '=', assessmentId)
		.executeTakeFirst();
	return row?.email;
}

/** Whether an unsubscribe token still stands for a pending reminder. */
export async function existsForUnsubscribe(db: Db, unsubscribeHash: string): Promise<boolean> {
	const row = await db
		.selectFrom('reminder')
		.select('id')
		.where('unsubscribe_hash', '=', unsubscribeHash)
		.executeTakeFirst();
	return row !== undefined;
}

/** Forgets the request an unsubscribe link was made for, address and all. */
export async function unsubscribe(db: Db, unsubscribeHash: string): Promise<void> {
	await db.deleteFrom('reminder').where('unsubscribe_hash', '=', unsubscribeHash).execute();
}

/**
 * Claims up to `limit` reminders due by `now` for `leaseMs`, each by a conditional update that only one instance can
 * win (the row must be unclaimed, or its claim expired, at the moment of the update): several instances running the
 * same round never send one reminder twice, and a claim left by an instance that died expires.
 */
export async function claimDue(
	db: Db,
	now: Date,
	leaseMs: number,
	limit = 50
): Promise<DueReminder[]> {
	const at = now.toISOString();
	const candidates = await db
		.selectFrom('reminder')
		.innerJoin('assessment', 'assessment.id', 'reminder.assessment_id')
		.select([
			'reminder.id',
			'reminder.assessment_id',
			'reminder.email',
			'reminder.locale',
			'reminder.sealed_links',
			'reminder.unsubscribe_hash',
			'reminder.sent',
			'reminder.created_at',
			'assessment.status'
		])
		.where('reminder.due_at', '<=', at)
		.where((eb) =>
			eb.or([eb('reminder.claimed_until', 'is', null), eb('reminder.claimed_until', '<', at)])
		)
		.orderBy('reminder.due_at')
		.limit(limit)
		.execute();
	const claimed: DueReminder[] = [];
	for (const row of candidates) {
		const result = await db
			.updateTable('reminder')
			.set({ claimed_until: new Date(now.getTime() + leaseMs).toISOString() })
			.where('id', '=', row.id)
			.where('sent', '=', row.sent)
			.where((eb) => eb.or([eb('claimed_until', 'is', null), eb('claimed_until', '<', at)]))
			.executeTakeFirst();
		if (Number(result.numUpdatedRows) === 0) continue;
		claimed.push({
			id: row.id,
			assessmentId: row.assessment_id,
			email: row.email,
			locale: row.locale,
			sealedLinks: row.sealed_links,
			unsubscribeHash: row.unsubscribe_hash,
			sent: row.sent,
			createdAt: row.created_at,
			draft: row.status === 'draft'
		});
	}
	return claimed;
}

/** Counts a sent reminder and frees the row until the next one is due. */
export async function markSent(db: Db, id: string, nextDueAt: Date): Promise<void> {
	await db
		.updateTable('reminder')
		.set((eb) => ({
			sent: eb('sent', '+', 1),
			due_at: nextDueAt.toISOString(),
			claimed_until: null
		}))
		.where('id', '=', id)
		.execute();
}

/** Forgets the reminder request of an assessment, address and all (on its submission). */
export async function forget(db: Db, assessmentId: string): Promise<void> {
	await db.deleteFrom('reminder').where('assessment_id', '=', assessmentId).execute();
}

/** Deletes a request that has nothing more to send: the last reminder went, or the draft was submitted. */
export async function finish(db: Db, id: string): Promise<void> {
	await db.deleteFrom('reminder').where('id', '=', id).execute();
}
