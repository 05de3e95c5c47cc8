import type { Kysely } from 'kysely';

/**
 * The industrial-symbiosis exchange: what a firm can offer and what it needs (one row per item, in the order the
 * firm listed them), and on the assessment whether its chamber may introduce it to firms on the other side. Items
 * go with the assessment when it is erased; a re-assessment copies them to its draft, as it does the plan.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
	await db.schema
		.createTable('symbiosis_item')
		.addColumn('id', 'text', (column) => column.primaryKey())
		.addColumn('assessment_id', 'text', (column) =>
			column.notNull().references('assessment.id').onDelete('cascade')
		)
		// `offer` or `need`.
		.addColumn('side', 'text', (column) => column.notNull())
		// A category id of questionnaires/symbiosis-categories.yaml.
		.addColumn('category', 'text', (column) => column.notNull())
		.addColumn('quantity_per_year', 'double precision', (column) => column.notNull())
		// `t`, `m3`, `MWh` or `piece`.
		.addColumn('unit', 'text', (column) => column.notNull())
		// 1 hazardous, 0 not, null not said.
		.addColumn('hazardous', 'integer')
		.addColumn('frequency', 'text')
		.addColumn('note', 'text')
		// Plate code; null: the firm's own province.
		.addColumn('province', 'text')
		// The item's place in the firm's list, from 0.
		.addColumn('position', 'integer', (column) => column.notNull())
		.execute();
	await db.schema
		.createIndex('symbiosis_item_assessment')
		.on('symbiosis_item')
		.columns(['assessment_id', 'side', 'position'])
		.execute();
	await db.schema
		.createIndex('symbiosis_item_category')
		.on('symbiosis_item')
		.columns(['category', 'side'])
		.execute();
	await db.schema
		.alterTable('assessment')
		.addColumn('symbiosis_consent', 'integer', (column) => column.notNull().defaultTo(0))
		.execute();
	await db.schema.alterTable('assessment').addColumn('symbiosis_consent_at', 'text').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
	await db.schema.alterTable('assessment').dropColumn('symbiosis_consent_at').execute();
	await db.schema.alterTable('assessment').dropColumn('symbiosis_consent').execute();
	await db.schema.dropTable('symbiosis_item').execute();
}
