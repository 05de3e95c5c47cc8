import type { Kysely } from 'kysely';

/**
 * The firm's action plan: the recommendations it has taken on, with who does each, by which month and how far it
 * is. One row per recommendation and assessment, so adding the same recommendation again changes the row instead
 * of doubling it. A re-assessment copies the rows to the new assessment; erasing an assessment erases its plan.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
	await db.schema
		.createTable('plan_action')
		.addColumn('id', 'text', (column) => column.primaryKey())
		.addColumn('assessment_id', 'text', (column) =>
			column.notNull().references('assessment.id').onDelete('cascade')
		)
		.addColumn('recommendation_id', 'text', (column) => column.notNull())
		// Who in the firm does it, as the firm wrote it ("Üretim müdürü").
		.addColumn('owner', 'text', (column) => column.notNull())
		// A calendar month (`2027-03`).
		.addColumn('target_month', 'text', (column) => column.notNull())
		// `planned`, `in_progress` or `done`.
		.addColumn('status', 'text', (column) => column.notNull())
		.addColumn('created_at', 'text', (column) => column.notNull())
		.addColumn('updated_at', 'text', (column) => column.notNull())
		.addUniqueConstraint('plan_action_assessment_recommendation', [
			'assessment_id',
			'recommendation_id'
		])
		.execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
	await db.schema.dropTable('plan_action').execute();
}
