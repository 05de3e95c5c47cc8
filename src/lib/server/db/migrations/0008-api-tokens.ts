import type { Kysely } from 'kysely';

/**
 * Personal API tokens of a chamber, for its own systems and scripts, which cannot use a browser session once
 * administrators sign in with a second factor. Only the token's SHA-256 hash is stored; revoking keeps the row so
 * that the audit log's token ids still name a token.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
	await db.schema
		.createTable('api_token')
		.addColumn('id', 'text', (column) => column.primaryKey())
		.addColumn('chamber_id', 'text', (column) =>
			column.notNull().references('chamber.id').onDelete('cascade')
		)
		.addColumn('name', 'text', (column) => column.notNull())
		.addColumn('role', 'text', (column) => column.notNull())
		.addColumn('token_hash', 'text', (column) => column.notNull().unique())
		.addColumn('created_by', 'text', (column) => column.notNull())
		.addColumn('created_at', 'text', (column) => column.notNull())
		.addColumn('expires_at', 'text')
		.addColumn('revoked_at', 'text')
		.addColumn('last_used_at', 'text')
		.execute();
	await db.schema.createIndex('api_token_chamber').on('api_token').column('chamber_id').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
	await db.schema.dropTable('api_token').execute();
}
