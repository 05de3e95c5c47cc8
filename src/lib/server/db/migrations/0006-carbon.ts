import type { Kysely } from 'kysely';

/**
 * The carbon estimate's totals and the CBAM exposure level of a submitted assessment, as columns the chamber
 * statistics can read (the full estimate stays in `result`). The statistics index is rebuilt to cover them, so the
 * dashboard still never visits the wide rows.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
	await db.schema.alterTable('assessment').addColumn('scope1_t', 'double precision').execute();
	await db.schema.alterTable('assessment').addColumn('scope2_t', 'double precision').execute();
	await db.schema.alterTable('assessment').addColumn('cbam_exposure', 'text').execute();
	await db.schema.dropIndex('assessment_statistics').execute();
	await db.schema
		.createIndex('assessment_statistics')
		.on('assessment')
		.columns([...STATISTICS_COLUMNS, 'scope1_t', 'scope2_t', 'cbam_exposure', 'id'])
		.execute();
}

/** The columns of 0005's covering index, before `id`. */
const STATISTICS_COLUMNS = [
	'status',
	'chamber_id',
	'sector',
	'size_class',
	'province',
	'campaign_id',
	'submitted_at',
	'overall_score',
	'level'
];

export async function down(db: Kysely<unknown>): Promise<void> {
	await db.schema.dropIndex('assessment_statistics').execute();
	await db.schema
		.createIndex('assessment_statistics')
		.on('assessment')
		.columns([...STATISTICS_COLUMNS, 'id'])
		.execute();
	for (const column of ['cbam_exposure', 'scope2_t', 'scope1_t']) {
		await db.schema.alterTable('assessment').dropColumn(column).execute();
	}
}
