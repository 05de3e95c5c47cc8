import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
	await db.schema
		.createTable('audit_log')
		.addColumn('id', 'text', (column) => column.primaryKey())
		.addColumn('at', 'text', (column) => column.notNull())
		.addColumn('actor', 'text', (column) => column.notNull())
		.addColumn('action', 'text', (column) => column.notNull())
		.addColumn('target', 'text')
		.execute();
	await db.schema.createIndex('audit_log_at').on('audit_log').column('at').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
	await db.schema.dropTable('audit_log').execute();
}
