import type { Kysely } from 'kysely';

/**
 * How many member firms a chamber wants to reach, overall and per campaign, so its dashboard can show progress
 * against a target ("42 of 120 firms") and how many more are needed. Null: no target set.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
	await db.schema.alterTable('chamber').addColumn('target_firms', 'integer').execute();
	await db.schema.alterTable('campaign').addColumn('target_firms', 'integer').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
	await db.schema.alterTable('campaign').dropColumn('target_firms').execute();
	await db.schema.alterTable('chamber').dropColumn('target_firms').execute();
}
