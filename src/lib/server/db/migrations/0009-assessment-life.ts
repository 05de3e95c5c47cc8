import { sql, type Kysely } from 'kysely';

/**
 * The history of each assessment's consent to share the firm's identity (KVKK art. 7: a withdrawal must not erase
 * the proof that consent was given, nor when it ended), and the campaign a draft was started in when that campaign
 * had closed by the time it was submitted (kept only to tell the firm why no chamber counts its result).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
	await db.schema
		.createTable('consent_event')
		.addColumn('id', 'text', (column) => column.primaryKey())
		.addColumn('assessment_id', 'text', (column) =>
			column.notNull().references('assessment.id').onDelete('cascade')
		)
		.addColumn('kind', 'text', (column) => column.notNull())
		.addColumn('notice_version', 'text')
		.addColumn('at', 'text', (column) => column.notNull())
		.execute();
	await db.schema
		.createIndex('consent_event_assessment')
		.on('consent_event')
		.columns(['assessment_id', 'at'])
		.execute();
	// Consents given before this migration start their history with the time they were given.
	await sql`insert into consent_event (id, assessment_id, kind, notice_version, at)
		select id || '.given', id, 'given', consent_version, consent_at from assessment
		where consent_share_identity = 1 and consent_at is not null`.execute(db);
	await db.schema.alterTable('assessment').addColumn('detached_campaign_id', 'text').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
	await db.schema.alterTable('assessment').dropColumn('detached_campaign_id').execute();
	await db.schema.dropTable('consent_event').execute();
}
