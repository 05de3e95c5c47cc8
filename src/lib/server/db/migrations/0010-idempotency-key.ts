import type { Kysely } from 'kysely';

/**
 * The Idempotency-Keys of `POST /api/v1/assessments`, so that a retried create returns the same assessment instead of
 * a second one. The key itself is not stored (only its hash), and the token is kept sealed under a key derived from
 * the Idempotency-Key, so the table alone opens nothing. Rows go with their assessment, or after 24 hours.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
	await db.schema
		.createTable('idempotency_key')
		.addColumn('key_hash', 'text', (column) => column.primaryKey())
		.addColumn('assessment_id', 'text', (column) =>
			column.notNull().references('assessment.id').onDelete('cascade')
		)
		.addColumn('body_hash', 'text', (column) => column.notNull())
		.addColumn('sealed_token', 'text', (column) => column.notNull())
		.addColumn('expires_at', 'text', (column) => column.notNull())
		.execute();
	await db.schema
		.createIndex('idempotency_key_assessment')
		.on('idempotency_key')
		.column('assessment_id')
		.execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
	await db.schema.dropTable('idempotency_key').execute();
}
