import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
	// The definition of each questionnaire version ever used, so a result can be shown again after the files change.
	await db.schema
		.createTable('questionnaire_version')
		.addColumn('questionnaire_id', 'text', (column) => column.notNull())
		.addColumn('version', 'text', (column) => column.notNull())
		.addColumn('definition', 'text', (column) => column.notNull())
		.addColumn('hash', 'text', (column) => column.notNull())
		.addColumn('stored_at', 'text', (column) => column.notNull())
		.addPrimaryKeyConstraint('questionnaire_version_pk', ['questionnaire_id', 'version'])
		.execute();

	await db.schema
		.createTable('assessment')
		.addColumn('id', 'text', (column) => column.primaryKey())
		.addColumn('token_hash', 'text', (column) => column.notNull().unique())
		.addColumn('questionnaire_id', 'text', (column) => column.notNull())
		.addColumn('questionnaire_version', 'text', (column) => column.notNull())
		.addColumn('locale', 'text', (column) => column.notNull())
		.addColumn('campaign_id', 'text')
		.addColumn('chamber_id', 'text')
		.addColumn('previous_id', 'text', (column) =>
			column.references('assessment.id').onDelete('set null')
		)
		.addColumn('status', 'text', (column) => column.notNull())
		.addColumn('answers', 'text', (column) => column.notNull())
		.addColumn('sector', 'text')
		.addColumn('size_class', 'text')
		.addColumn('province', 'text')
		.addColumn('overall_score', 'double precision')
		.addColumn('level', 'text')
		.addColumn('result', 'text')
		.addColumn('consent_share_identity', 'integer', (column) => column.notNull().defaultTo(0))
		.addColumn('consent_version', 'text')
		.addColumn('consent_at', 'text')
		.addColumn('created_at', 'text', (column) => column.notNull())
		.addColumn('updated_at', 'text', (column) => column.notNull())
		.addColumn('submitted_at', 'text')
		.execute();
	// Peer benchmarks (same sector and size class) and chamber dashboards read submitted assessments by these.
	await db.schema
		.createIndex('assessment_peers')
		.on('assessment')
		.columns(['status', 'sector', 'size_class'])
		.execute();
	await db.schema
		.createIndex('assessment_chamber')
		.on('assessment')
		.columns(['chamber_id', 'status', 'submitted_at'])
		.execute();
	await db.schema
		.createIndex('assessment_campaign')
		.on('assessment')
		.column('campaign_id')
		.execute();

	await db.schema
		.createTable('assessment_score')
		.addColumn('assessment_id', 'text', (column) =>
			column.notNull().references('assessment.id').onDelete('cascade')
		)
		.addColumn('theme_id', 'text', (column) => column.notNull())
		.addColumn('score', 'double precision', (column) => column.notNull())
		.addPrimaryKeyConstraint('assessment_score_pk', ['assessment_id', 'theme_id'])
		.execute();
	await db.schema
		.createIndex('assessment_score_theme')
		.on('assessment_score')
		.columns(['theme_id', 'score'])
		.execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
	await db.schema.dropTable('assessment_score').execute();
	await db.schema.dropTable('assessment').execute();
	await db.schema.dropTable('questionnaire_version').execute();
}
