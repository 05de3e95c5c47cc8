import type { Kysely } from 'kysely';

/**
 * The CBAM screen's second version keeps exposure and data readiness apart: `cbam_readiness` is new, and
 * `cbam_exposure` now holds an exposure (none, unsure, below_threshold, indirect, likely, in_scope) instead of the
 * first version's mixed level. Rows screened by the first version get both from the reasons their stored result
 * gives, so the chamber counts stay one vocabulary; the result JSON itself is left as it was, and the results page
 * shows it as it was. The statistics index is rebuilt to cover the new column.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
	await db.schema.alterTable('assessment').addColumn('cbam_readiness', 'text').execute();
	const trx = db as unknown as Kysely<Rows>;
	const rows = await trx
		.selectFrom('assessment')
		.select(['id', 'result', 'cbam_exposure'])
		.where('cbam_exposure', 'is not', null)
		.execute();
	for (const row of rows) {
		const reasons = legacyReasons(row.result);
		await trx
			.updateTable('assessment')
			.set({ cbam_exposure: exposureOf(reasons), cbam_readiness: readinessOf(reasons) })
			.where('id', '=', row.id)
			.execute();
	}
	await rebuildIndex(db, [...STATISTICS_COLUMNS, 'cbam_readiness']);
}

export async function down(db: Kysely<unknown>): Promise<void> {
	await rebuildIndex(db, STATISTICS_COLUMNS);
	await db.schema.alterTable('assessment').dropColumn('cbam_readiness').execute();
}

interface Rows {
	assessment: {
		id: string;
		result: string | null;
		cbam_exposure: string | null;
		cbam_readiness: string | null;
	};
}

/** The columns of 0006's covering index, before `id`. */
const STATISTICS_COLUMNS = [
	'status',
	'chamber_id',
	'sector',
	'size_class',
	'province',
	'campaign_id',
	'submitted_at',
	'overall_score',
	'level',
	'scope1_t',
	'scope2_t',
	'cbam_exposure'
];

async function rebuildIndex(db: Kysely<unknown>, columns: string[]) {
	await db.schema.dropIndex('assessment_statistics').execute();
	await db.schema
		.createIndex('assessment_statistics')
		.on('assessment')
		.columns([...columns, 'id'])
		.execute();
}

function legacyReasons(result: string | null): string[] {
	try {
		const reasons: unknown = result ? JSON.parse(result)?.cbam?.reasons : undefined;
		return Array.isArray(reasons) ? reasons.filter((reason) => typeof reason === 'string') : [];
	} catch {
		return [];
	}
}

/** The first version's reasons name the answers, so they give the exposure back; no reason is not screened. */
function exposureOf(reasons: string[]): string | null {
	if (reasons.includes('no_threshold') || reasons.includes('over_threshold')) return 'in_scope';
	if (reasons.includes('under_threshold')) return 'below_threshold';
	if (reasons.includes('tonnage_unknown')) return 'likely';
	if (reasons.includes('goods_unsure')) return 'unsure';
	if (reasons.includes('no_eu_exports') || reasons.includes('goods_not_covered')) return 'none';
	return null;
}

/** The first version never asked whether data was verified: at best it was an unverified estimate. */
function readinessOf(reasons: string[]): string | null {
	if (reasons.includes('data_missing')) return 'none';
	if (reasons.includes('data_partial') || reasons.includes('data_ready')) return 'estimate';
	return null;
}
