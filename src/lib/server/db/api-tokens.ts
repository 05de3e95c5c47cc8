import { sql } from 'kysely';
import type { Db } from './connect';
import { newId } from './ids';

/** A token as its chamber's administrators see it: never its hash. */
export interface ApiTokenSummary {
	id: string;
	name: string;
	role: string;
	createdAt: string;
	expiresAt: string | null;
	revokedAt: string | null;
	lastUsedAt: string | null;
}

/** What a request presenting a usable token may act as. */
export interface UsableToken {
	id: string;
	chamberId: string;
	role: string;
}

/** Stores a new token under its hash; returns its id (what the audit log names it by). */
export async function create(
	db: Db,
	token: {
		chamberId: string;
		name: string;
		role: string;
		tokenHash: string;
		createdBy: string;
		expiresAt?: Date;
	},
	now = new Date()
): Promise<string> {
	const id = newId();
	await db
		.insertInto('api_token')
		.values({
			id,
			chamber_id: token.chamberId,
			name: token.name,
			role: token.role,
			token_hash: token.tokenHash,
			created_by: token.createdBy,
			created_at: now.toISOString(),
			expires_at: token.expiresAt?.toISOString() ?? null,
			revoked_at: null,
			last_used_at: null
		})
		.execute();
	return id;
}

/** A chamber's tokens, newest first, revoked and expired ones included so the page can say so. */
export async function listForChamber(db: Db, chamberId: string): Promise<ApiTokenSummary[]> {
	return db
		.selectFrom('api_token')
		.select([
			'id',
			'name',
			'role',
			'created_at as createdAt',
			'expires_at as expiresAt',
			'revoked_at as revokedAt',
			'last_used_at as lastUsedAt'
		])
		.where('chamber_id', '=', chamberId)
		.orderBy('created_at', 'desc')
		.orderBy('id')
		.execute();
}

/**
 * The token with this hash while it is neither revoked nor expired, or undefined. A token made by an account that was
 * disabled since stops too, as that account's sessions do (tokens made with `npm run admin` have no account).
 */
export async function findUsable(
	db: Db,
	tokenHash: string,
	now = new Date()
): Promise<UsableToken | undefined> {
	return db
		.selectFrom('api_token')
		.select(['id', 'chamber_id as chamberId', 'role'])
		.where('token_hash', '=', tokenHash)
		.where('revoked_at', 'is', null)
		.where((where) =>
			where.or([where('expires_at', 'is', null), where('expires_at', '>', now.toISOString())])
		)
		.where(({ not, exists, selectFrom }) =>
			not(
				exists(
					selectFrom('user')
						.select('user.id')
						.whereRef('user.id', '=', 'api_token.created_by')
						// `= true` reads the same on PostgreSQL's boolean and SQLite's 0/1.
						.where(sql<boolean>`${sql.ref('user.banned')} = true`)
				)
			)
		)
		.executeTakeFirst();
}

/** Records when a token was last used, for the administrators' list. */
export async function markUsed(db: Db, id: string, now = new Date()): Promise<void> {
	await db
		.updateTable('api_token')
		.set({ last_used_at: now.toISOString() })
		.where('id', '=', id)
		.execute();
}

/**
 * Revokes one of the chamber's tokens at once (a second revocation keeps the first time). The chamber is part of the
 * condition, so a token id from another chamber changes nothing; false when the chamber has no such token.
 */
export async function revoke(
	db: Db,
	chamberId: string,
	id: string,
	now = new Date()
): Promise<boolean> {
	const result = await db
		.updateTable('api_token')
		.set({ revoked_at: sql<string>`coalesce(revoked_at, ${now.toISOString()})` })
		.where('id', '=', id)
		.where('chamber_id', '=', chamberId)
		.executeTakeFirst();
	return Number(result.numUpdatedRows) > 0;
}
