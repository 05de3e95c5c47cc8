import { SqliteAdapter, sql, type Kysely } from 'kysely';
import type { Schema } from '../schema';
import { fillFromScratch } from '../statistics-summary';

/**
 * The chamber statistics' summaries (see `statistics-summary.ts`), filled from the assessments already stored.
 * Measured on 100,000 assessments: reading a chamber's firms from the assessments with their scores, needs and
 * plans took most of a second, and the comparison with all chambers, which scanned every assessment, nearly two.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
	const sqlite = db.getExecutor().adapter instanceof SqliteAdapter;
	await db.schema
		.createTable('statistics_firm')
		.addColumn('assessment_id', 'text', (column) => column.notNull())
		.addColumn('chamber_id', 'text', (column) => column.notNull())
		.addColumn('firm', 'text', (column) => column.notNull())
		// A chamber's firms are read together: in SQLite they are stored together too.
		.addPrimaryKeyConstraint('statistics_firm_pk', ['chamber_id', 'assessment_id'])
		.$call((table) => (sqlite ? table.modifyEnd(sql`without rowid`) : table))
		.execute();
	await db.schema
		.createIndex('statistics_firm_assessment')
		.on('statistics_firm')
		.column('assessment_id')
		.unique()
		.execute();
	await db.schema
		.createTable('statistics_national')
		.addColumn('dimension', 'text', (column) => column.notNull())
		.addColumn('value', 'text', (column) => column.notNull())
		.addColumn('theme_id', 'text', (column) => column.notNull())
		.addColumn('firms', 'integer', (column) => column.notNull())
		.addColumn('total_tenths', 'integer', (column) => column.notNull())
		.addPrimaryKeyConstraint('statistics_national_pk', ['dimension', 'value', 'theme_id'])
		.execute();
	// A chamber's drafts per campaign (its participation), without visiting the wide rows of the assessments.
	await db.schema
		.createIndex('assessment_drafts')
		.on('assessment')
		.columns(['chamber_id', 'status', 'previous_id', 'campaign_id'])
		.execute();
	await fillFromScratch(db as Kysely<Schema>);
}

export async function down(db: Kysely<unknown>): Promise<void> {
	await db.schema.dropIndex('assessment_drafts').execute();
	await db.schema.dropTable('statistics_national').execute();
	await db.schema.dropTable('statistics_firm').execute();
}
