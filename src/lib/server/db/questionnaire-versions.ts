import { createHash } from 'node:crypto';
import type { Questionnaire } from '$lib/questionnaire/schema';
import type { Db } from './connect';

/**
 * Keeps the definition of every questionnaire version that served an assessment, so results stay readable after
 * authors change the files. Called when a draft starts (so a draft carried over to a newer version can be told what
changed) and when an assessment is submitted.
 * When a version's content changed without a version bump (a typo fix, say), the newer text replaces the stored one.
 */
export async function remember(
	db: Db,
	questionnaire: Questionnaire,
	now = new Date()
): Promise<'stored' | 'same' | 'replaced'> {
	const definition = JSON.stringify(questionnaire);
	const hash = createHash('sha256').update(definition).digest('hex');
	const key = { questionnaire_id: questionnaire.id, version: questionnaire.version };
	const existing = await db
		.selectFrom('questionnaire_version')
		.select('hash')
		.where('questionnaire_id', '=', key.questionnaire_id)
		.where('version', '=', key.version)
		.executeTakeFirst();
	if (existing?.hash === hash) return 'same';
	if (existing) {
		await db
			.updateTable('questionnaire_version')
			.set({ definition, hash, stored_at: now.toISOString() })
			.where('questionnaire_id', '=', key.questionnaire_id)
			.where('version', '=', key.version)
			.execute();
		return 'replaced';
	}
	await db
		.insertInto('questionnaire_version')
		.values({ ...key, definition, hash, stored_at: now.toISOString() })
		.onConflict((conflict) => conflict.columns(['questionnaire_id', 'version']).doNothing())
		.execute();
	return 'stored';
}

/** The definition a stored result was scored with. */
export async function find(
	db: Db,
	id: string,
	version: string
): Promise<Questionnaire | undefined> {
	const row = await db
		.selectFrom('questionnaire_version')
		.select('definition')
		.where('questionnaire_id', '=', id)
		.where('version', '=', version)
		.executeTakeFirst();
	return row ? (JSON.parse(row.definition) as Questionnaire) : undefined;
}
