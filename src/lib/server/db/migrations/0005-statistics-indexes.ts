import type { Kysely } from 'kysely';

/**
 * Indexes for chamber statistics (measured on 100,000 assessments: without the first, the rule "a re-assessed firm
 * counts once" scans the table once per firm and a dashboard did not finish in ten minutes).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
	// Is there a later submitted assessment of this firm? (peer benchmark, statistics, consented respondents)
	await db.schema
		.createIndex('assessment_previous')
		.on('assessment')
		.columns(['previous_id', 'status'])
		.execute();
	// Covers every column the statistics read, so the wide rows (answers and results as JSON) are never visited;
	// `status` first so the all-chambers comparison can use it too.
	await db.schema
		.createIndex('assessment_statistics')
		.on('assessment')
		.columns([
			'status',
			'chamber_id',
			'sector',
			'size_class',
			'province',
			'campaign_id',
			'submitted_at',
			'overall_score',
			'level',
			'id'
		])
		.execute();
	// Started and submitted per campaign and week.
	await db.schema
		.createIndex('assessment_participation')
		.on('assessment')
		.columns(['chamber_id', 'campaign_id', 'created_at', 'submitted_at'])
		.execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
	for (const name of ['assessment_participation', 'assessment_statistics', 'assessment_previous']) {
		await db.schema.dropIndex(name).execute();
	}
}
