import type { Kysely } from 'kysely';

/**
 * A draft's revision, raised by every save of its answers. Saving and submitting write only over the revision they
 * read, so a save that lands between a submission's read and its write can no longer be frozen out while it was
 * acknowledged (optimistic concurrency; see assessment-service.ts).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
	await db.schema
		.alterTable('assessment')
		.addColumn('revision', 'integer', (column) => column.notNull().defaultTo(0))
		.execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
	await db.schema.alterTable('assessment').dropColumn('revision').execute();
}
