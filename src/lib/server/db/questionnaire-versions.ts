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
	const { definition, hash } = storedForm(questionnaire);
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

/** A definition as stored: its JSON and the hash that tells one content from another. Made once per definition. */
const stored = new WeakMap<Questionnaire, { definition: string; hash: string }>();

function storedForm(questionnaire: Questionnaire) {
	let form = stored.get(questionnaire);
	if (!form) {
		const definition = JSON.stringify(questionnaire);
		form = { definition, hash: createHash('sha256').update(definition).digest('hex') };
		stored.set(questionnaire, form);
	}
	return form;
}

/**
 * Definitions read back, by hash. A results page opens its assessment's definition on every request: reading and
 * parsing it each time took a seventh of the page's server time, and a new object each time missed every cache
 * kept per loaded questionnaire. Content under one hash never changes, and versions are few.
 */
const parsed = new Map<string, Questionnaire>();

/**
 * The definition a stored result was scored with. `current`, the loaded questionnaire, is returned itself when the
 * stored content is the same, so the pages of submitted and draft assessments share what is kept per questionnaire.
 */
export async function find(
	db: Db,
	id: string,
	version: string,
	current?: Questionnaire
): Promise<Questionnaire | undefined> {
	const where = db
		.selectFrom('questionnaire_version')
		.where('questionnaire_id', '=', id)
		.where('version', '=', version);
	const row = await where.select('hash').executeTakeFirst();
	if (!row) return undefined;
	if (current && storedForm(current).hash === row.hash) return current;
	let definition = parsed.get(row.hash);
	if (!definition) {
		// Kept under the hash read with it: another process may have replaced the row since the first read.
		const full = await where.select(['definition', 'hash']).executeTakeFirst();
		if (!full) return undefined;
		definition = JSON.parse(full.definition) as Questionnaire;
		parsed.set(full.hash, definition);
	}
	return definition;
}
