import type { Kysely } from 'kysely';

/**
 * A version per chamber of its firms' summary rows, raised in the transaction of every write that changes them, so
 * that a server may keep a chamber's parsed firms between dashboards and know, from one small read in the same
 * snapshot, whether they are still current (`db/statistics.ts`). Chambers start without a row: version 0.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
	await db.schema
		.createTable('statistics_version')
		.addColumn('chamber_id', 'text', (column) => column.primaryKey())
		.addColumn('version', 'integer', (column) => column.notNull())
		.execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
	await db.schema.dropTable('statistics_version').execute();
}
