import type { ExpressionBuilder, Transaction } from 'kysely';
import * as consent from './consent';
import type { Db } from './connect';
import * as statisticsSummary from './statistics-summary';
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

/** One assessment of a chain, with what resolving a link and listing the history need. */
export interface ChainMember {
	id: string;
	previousId: string | null;
	status: 'draft' | 'submitted';
	createdAt: string;
	submittedAt: string | null;
	overall: number | null;
	level: string | null;
}

/**
 * Every assessment linked to this one by re-assessment, in either direction (older ones it re-assessed, newer ones
 * started from it or from those), itself included: what a firm thinks of as "my assessments". Empty when the
 * assessment is gone.
 */
export async function members(db: Db, id: string): Promise<ChainMember[]> {
	const found = new Map<string, ChainMember>();
	const expanded = new Set<string>();
	let frontier = [id];
	while (frontier.length > 0) {
		for (const linked of frontier) expanded.add(linked);
		const rows = await db
			.selectFrom('assessment')
			.select([
				'id',
				'previous_id',
				'status',
				'created_at',
				'submitted_at',
				'overall_score',
				'level'
			])
			.where((eb) => eb.or([eb('id', 'in', frontier), eb('previous_id', 'in', frontier)]))
			.execute();
		for (const row of rows) {
			found.set(row.id, {
				id: row.id,
				previousId: row.previous_id,
				status: row.status,
				createdAt: row.created_at,
				submittedAt: row.submitted_at,
				overall: row.overall_score === null ? null : Number(row.overall_score),
				level: row.level
			});
		}
		// Rows found here may have newer ones of their own, and previous ids are not read yet: look at both next.
		const linked = rows.flatMap((row) => [row.id, row.previous_id]);
		frontier = [...new Set(linked)].filter(
			(next): next is string => next !== null && !expanded.has(next)
		);
	}
	return [...found.values()];
}

/** The ids of `members`: what erasing a whole chain erases. */
export async function chain(db: Db, id: string): Promise<string[]> {
	return (await members(db, id)).map((member) => member.id);
}

/**
 * The chain's newest assessment, which every link of the chain opens: the one nothing re-assesses (the draft in
 * progress, or else the latest submitted). Judged by the links rather than by creation time, which two quick
 * requests can share; chains that branched before a re-assessment reopened its draft take the last created branch.
 */
export function newest(chainMembers: ChainMember[]): ChainMember | undefined {
	const superseded = new Set(chainMembers.map((member) => member.previousId));
	const leaves = chainMembers.filter((member) => !superseded.has(member.id));
	return leaves.reduce<ChainMember | undefined>(
		(best, member) => (!best || laterThan(member, best) ? member : best),
		undefined
	);
}

/** Created later, or at the same instant with the greater id, so that the order is total. */
function laterThan(a: ChainMember, b: ChainMember): boolean {
	return a.createdAt === b.createdAt ? a.id > b.id : a.createdAt > b.createdAt;
}

/** The submitted assessments of a chain, oldest first: the firm's history of results. */
export function submitted(chainMembers: ChainMember[]): ChainMember[] {
	return chainMembers
		.filter((member) => member.status === 'submitted' && member.submittedAt !== null)
		.sort((a, b) => a.submittedAt!.localeCompare(b.submittedAt!) || a.id.localeCompare(b.id));
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
			const successors = await trx
				.selectFrom('assessment')
				.select('id')
				.where('previous_id', '=', id)
				.execute();
			await trx
				.updateTable('assessment')
				.set({ previous_id: row.previous_id })
				.where('previous_id', '=', id)
				.execute();
			// A draft superseded nothing, so erasing it revives nothing.
			let older = row.status === 'submitted' ? row.previous_id : null;
			while (older !== null && !erased.has(older)) {
				await consent.withdrawIn(trx, older, now.toISOString());
				// Nor must the older one's symbiosis consent put the firm back into its chamber's matches.
				await trx
					.updateTable('assessment')
					.set({ symbiosis_consent: 0, symbiosis_consent_at: null })
					.where('id', '=', older)
					.execute();
				const next = await trx
					.selectFrom('assessment')
					.select('previous_id')
					.where('id', '=', older)
					.executeTakeFirst();
				older = next?.previous_id ?? null;
			}
			await trx.deleteFrom('assessment').where('id', '=', id).execute();
			// The erased one leaves the statistics, its predecessor stays superseded, its successors start afresh.
			await statisticsSummary.refresh(trx, [
				id,
				row.previous_id,
				...successors.map((successor) => successor.id)
			]);
		}
	});
}

/**
 * Locks an assessment's row until the transaction ends, so that two re-assessments of it queue and the second sees
 * the first one's draft. On PostgreSQL a no-op update takes the row lock (SQLite has no `select … for update`, and
 * its transactions already run one at a time).
 */
export async function hold(trx: Transaction<Schema>, id: string): Promise<void> {
	await trx
		.updateTable('assessment')
		.set((eb) => ({ revision: eb.ref('revision') }))
		.where('id', '=', id)
		.execute();
}
