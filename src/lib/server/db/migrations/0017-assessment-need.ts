import type { Kysely } from 'kysely';

/**
 * A firm's priorities (the first recommendations of its result) as rows, so that a chamber can count its firms per
 * need ("31 firms need an energy audit") with an indexed join instead of parsing every stored `result` at each
 * request. Written at submission, erased with the assessment (cascade). Assessments submitted before this table
 * existed get theirs from the `recommendations` of their stored result, which lists them highest priority first.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
	await db.schema
		.createTable('assessment_need')
		.addColumn('assessment_id', 'text', (column) =>
			column.notNull().references('assessment.id').onDelete('cascade')
		)
		// 1 for the firm's first priority.
		.addColumn('rank', 'integer', (column) => column.notNull())
		.addColumn('recommendation_id', 'text', (column) => column.notNull())
		.addPrimaryKeyConstraint('assessment_need_pkey', ['assessment_id', 'rank'])
		.execute();
	await backfill(db as unknown as Kysely<Rows>);
}

export async function down(db: Kysely<unknown>): Promise<void> {
	await db.schema.dropTable('assessment_need').execute();
}

/** The priorities a result leads with when this migration was written (`PRIORITIES` in scoring/recommend.ts). */
const PRIORITIES = 3;
/** Results are large JSON texts: read them a page at a time, so 100,000 of them never sit in memory together. */
const PAGE = 500;

interface Rows {
	assessment: { id: string; status: string; result: string | null };
	assessment_need: { assessment_id: string; rank: number; recommendation_id: string };
}

async function backfill(db: Kysely<Rows>): Promise<void> {
	for (let after = ''; ;) {
		const rows = await db
			.selectFrom('assessment')
			.select(['id', 'result'])
			.where('status', '=', 'submitted')
			.where('result', 'is not', null)
			.where('id', '>', after)
			.orderBy('id')
			.limit(PAGE)
			.execute();
		if (rows.length === 0) return;
		const needs = rows.flatMap((row) =>
			storedPriorities(row.result).map((recommendation, index) => ({
				assessment_id: row.id,
				rank: index + 1,
				recommendation_id: recommendation
			}))
		);
		if (needs.length > 0) await db.insertInto('assessment_need').values(needs).execute();
		after = rows[rows.length - 1].id;
	}
}

/** The ids of a stored result's first recommendations; none when the result cannot be read. */
function storedPriorities(result: string | null): string[] {
	try {
		const recommendations: unknown = result ? JSON.parse(result)?.recommendations : undefined;
		if (!Array.isArray(recommendations)) return [];
		return recommendations
			.slice(0, PRIORITIES)
			.map((item: unknown) => (item as { id?: unknown } | null)?.id)
			.filter((id): id is string => typeof id === 'string');
	} catch {
		return [];
	}
}
