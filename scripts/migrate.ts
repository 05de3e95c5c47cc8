// `npm run db:migrate`: applies pending migrations to the configured database (DATABASE_URL), then exits.
import { ConfigError, parseConfig } from '../src/lib/server/config';
import { connect, migrateToLatest } from '../src/lib/server/db/connect';

try {
	const { database } = parseConfig(process.env);
	const db = connect(database);
	await migrateToLatest(db);
	await db.destroy();
	console.log(`Database is up to date (${database.kind}).`);
} catch (error) {
	console.error(
		error instanceof ConfigError ? `Configuration error: ${error.message}` : String(error)
	);
	process.exit(1);
}
