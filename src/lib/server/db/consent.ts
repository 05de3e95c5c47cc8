import type { Transaction } from 'kysely';
import type { Db } from './connect';
import { newId } from './ids';
import type { Schema } from './schema';

/*
 * The consent to share a firm's identity with its chamber: the current state lives on the assessment, every change
 * is a consent event, so the firm can see when it gave and withdrew it.
 */

/** The SME's answer to sharing its identity with the campaign's chamber, and the notice version it answered. */
export interface Consent {
	shareIdentity: boolean;
	version: string;
}

/** The assessment's columns holding the current state of the consent; no consent is "not shared". */
export function columns(consent: Consent | undefined, at: string) {
	return consent?.shareIdentity
		? { consent_share_identity: 1, consent_version: consent.version, consent_at: at }
		: { consent_share_identity: 0, consent_version: null, consent_at: null };
}

/** Records that consent was given or withdrawn, with the notice version it was given under. */
export async function record(
	trx: Transaction<Schema>,
	assessmentId: string,
	kind: ConsentEvent['kind'],
	noticeVersion: string | null,
	at: string
): Promise<void> {
	await trx
		.insertInto('consent_event')
		.values({ id: newId(), assessment_id: assessmentId, kind, notice_version: noticeVersion, at })
		.execute();
}

/**
 * Withdraws the consent to share identity (KVKK art. 7: consent can be withdrawn at any time) on these assessments,
 * a firm's chain. The current state becomes "not shared" while the history keeps when it was given and when
 * withdrawn, under which notice version. Withdrawing what is not given changes nothing, so a repeated click records
 * one withdrawal.
 */
export async function withdraw(db: Db, ids: string[], now = new Date()): Promise<void> {
	await db.transaction().execute(async (trx) => {
		for (const id of ids) await withdrawIn(trx, id, now.toISOString());
	});
}

/**
 * `withdraw` of one assessment inside a caller's transaction: erasing an assessment and submitting a re-assessment
 * that declines to share withdraw the older ones of the chain with it.
 */
export async function withdrawIn(trx: Transaction<Schema>, id: string, at: string): Promise<void> {
	const given = await trx
		.selectFrom('assessment')
		.select('consent_version')
		.where('id', '=', id)
		.where('consent_share_identity', '=', 1)
		.executeTakeFirst();
	if (!given) return;
	await trx
		.updateTable('assessment')
		.set({ ...columns(undefined, at), updated_at: at })
		.where('id', '=', id)
		.execute();
	await record(trx, id, 'withdrawn', given.consent_version, at);
}

/** One step of the consent history, oldest first. */
export interface ConsentEvent {
	kind: 'given' | 'withdrawn';
	noticeVersion: string | null;
	at: string;
}

/**
 * When the consent to share identity was given and withdrawn over these assessments (a firm's re-assessment chain),
 * oldest first, for the results page and the data download: a firm's consent is one story across its assessments.
 */
export async function history(db: Db, ids: string[]): Promise<ConsentEvent[]> {
	if (ids.length === 0) return [];
	return db
		.selectFrom('consent_event')
		.select(['kind', 'notice_version as noticeVersion', 'at'])
		.where('assessment_id', 'in', ids)
		.orderBy('at')
		.orderBy('kind')
		.execute();
}
