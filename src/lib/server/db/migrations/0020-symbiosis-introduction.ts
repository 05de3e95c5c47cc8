import type { Kysely } from 'kysely';

/**
 * That a chamber introduced two firms of a symbiosis match to each other: who did it and when. One row per pair of
 * firms and category (the unique index makes a double click record one introduction). It goes with either firm's
 * assessment when that is erased. A re-assessment does not lose it: submitting one moves the introductions of the
 * assessment it re-assesses onto it (`symbiosis-introductions.follow`), which is simpler than resolving every
 * chain to its first assessment on each read of the matches.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
	await db.schema
		.createTable('symbiosis_introduction')
		.addColumn('id', 'text', (column) => column.primaryKey())
		.addColumn('chamber_id', 'text', (column) =>
			column.notNull().references('chamber.id').onDelete('cascade')
		)
		// The latest submitted assessment of the firm that offers, and of the firm that needs.
		.addColumn('offer_assessment_id', 'text', (column) =>
			column.notNull().references('assessment.id').onDelete('cascade')
		)
		.addColumn('need_assessment_id', 'text', (column) =>
			column.notNull().references('assessment.id').onDelete('cascade')
		)
		// A category id of questionnaires/symbiosis-categories.yaml.
		.addColumn('category', 'text', (column) => column.notNull())
		// The user id of the chamber's owner or administrator who made the introduction.
		.addColumn('introduced_by', 'text', (column) => column.notNull())
		.addColumn('introduced_at', 'text', (column) => column.notNull())
		.execute();
	await db.schema
		.createIndex('symbiosis_introduction_pair')
		.on('symbiosis_introduction')
		.columns(['offer_assessment_id', 'need_assessment_id', 'category'])
		.unique()
		.execute();
	// Erasing or re-pointing by the needing firm's assessment would otherwise scan the table.
	await db.schema
		.createIndex('symbiosis_introduction_need')
		.on('symbiosis_introduction')
		.column('need_assessment_id')
		.execute();
	await db.schema
		.createIndex('symbiosis_introduction_chamber')
		.on('symbiosis_introduction')
		.column('chamber_id')
		.execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
	await db.schema.dropTable('symbiosis_introduction').execute();
}
