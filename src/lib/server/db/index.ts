import { config } from '../config';
import { connect, migrateToLatest, type Db } from './connect';

export type { Db } from './connect';

let instance: Db | undefined;

/** The process-wide database, opened from the configuration on first use. */
export function db(): Db {
	instance ??= connect(config().database);
	return instance;
}

/** Opens the database and applies pending migrations; called once at server start. */
export async function initDatabase(): Promise<void> {
	await migrateToLatest(db());
}
