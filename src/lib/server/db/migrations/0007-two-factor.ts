import type { Kysely } from 'kysely';

/**
 * Two-step verification rules: the authenticator codes already used (so that a code works once, not again in the
 * same 90 seconds), and the chamber setting that requires two-step verification of its viewers too (its
 * administrators always need it).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
	await db.schema
		.createTable('used_totp_code')
		.addColumn('user_id', 'text', (column) => column.notNull())
		.addColumn('code_hash', 'text', (column) => column.notNull())
		.addColumn('expires_at', 'text', (column) => column.notNull())
		.addPrimaryKeyConstraint('used_totp_code_pkey', ['user_id', 'code_hash'])
		.execute();
	await db.schema
		.alterTable('chamber')
		.addColumn('viewers_two_factor', 'integer', (column) => column.notNull().defaultTo(0))
		.execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
	await db.schema.alterTable('chamber').dropColumn('viewers_two_factor').execute();
	await db.schema.dropTable('used_totp_code').execute();
}
