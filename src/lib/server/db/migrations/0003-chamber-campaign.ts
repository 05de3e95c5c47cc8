import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
	// A chamber (TSO, OSB management, development agency). Shaped so that the accounts issue can use it as the
	// organisation table of its authentication library (id, slug, name, logo, created_at).
	await db.schema
		.createTable('chamber')
		.addColumn('id', 'text', (column) => column.primaryKey())
		.addColumn('slug', 'text', (column) => column.notNull().unique())
		.addColumn('name', 'text', (column) => column.notNull())
		.addColumn('province', 'text')
		// A small PNG or JPEG as a data: URL, so every app instance serves and prints it without shared files.
		.addColumn('logo', 'text')
		.addColumn('created_at', 'text', (column) => column.notNull())
		.execute();

	await db.schema
		.createTable('campaign')
		.addColumn('id', 'text', (column) => column.primaryKey())
		.addColumn('chamber_id', 'text', (column) =>
			column.notNull().references('chamber.id').onDelete('cascade')
		)
		.addColumn('code', 'text', (column) => column.notNull().unique())
		.addColumn('name', 'text', (column) => column.notNull())
		.addColumn('questionnaire_id', 'text', (column) => column.notNull())
		.addColumn('opens_at', 'text', (column) => column.notNull())
		.addColumn('closes_at', 'text')
		.addColumn('created_at', 'text', (column) => column.notNull())
		.execute();
	await db.schema.createIndex('campaign_chamber').on('campaign').column('chamber_id').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
	await db.schema.dropTable('campaign').execute();
	await db.schema.dropTable('chamber').execute();
}
