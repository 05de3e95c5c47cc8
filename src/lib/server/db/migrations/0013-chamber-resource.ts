import type { Kysely } from 'kysely';

/**
 * A chamber's own resources (its trainings, consultants, site visits, calls), shown first to the firms that came
 * through its campaigns. Themes, sectors and size classes are JSON arrays of ids: a chamber has a handful of
 * resources, matched in code. Retiring keeps the row (`retired_at`) so the audit log's ids still name a resource.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
	await db.schema
		.createTable('chamber_resource')
		.addColumn('id', 'text', (column) => column.primaryKey())
		.addColumn('chamber_id', 'text', (column) =>
			column.notNull().references('chamber.id').onDelete('cascade')
		)
		.addColumn('title_tr', 'text', (column) => column.notNull())
		.addColumn('title_en', 'text')
		.addColumn('description_tr', 'text', (column) => column.notNull())
		.addColumn('description_en', 'text')
		.addColumn('url', 'text', (column) => column.notNull())
		.addColumn('themes', 'text', (column) => column.notNull())
		.addColumn('sectors', 'text', (column) => column.notNull())
		.addColumn('size_classes', 'text', (column) => column.notNull())
		// A calendar day (`2027-03-31`): the last day the resource is shown.
		.addColumn('valid_until', 'text')
		.addColumn('created_at', 'text', (column) => column.notNull())
		.addColumn('created_by', 'text', (column) => column.notNull())
		.addColumn('updated_at', 'text', (column) => column.notNull())
		.addColumn('updated_by', 'text', (column) => column.notNull())
		.addColumn('retired_at', 'text')
		.execute();
	await db.schema
		.createIndex('chamber_resource_chamber')
		.on('chamber_resource')
		.column('chamber_id')
		.execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
	await db.schema.dropTable('chamber_resource').execute();
}
