// `npm run db:backup -- <file>`: a consistent copy of the SQLite database (DATABASE_URL), taken while the server
// runs and writes. For PostgreSQL it says how to use pg_dump instead and does nothing.
import { existsSync, renameSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import SQLite from 'better-sqlite3';
import { ConfigError, parseConfig, type Database } from '../src/lib/server/config';

/** Copy every remaining page in one step: one read transaction, so the copy is one moment's state. */
const ALL_PAGES = 0x7fffffff;

/**
 * Copies the database page by page through SQLite's online backup API into `target`. Under WAL the copy reads a
 * snapshot while writers go on; it is written beside the target first and renamed only once it passes
 * `integrity_check`, so a failed backup never leaves a half file under the target's name.
 */
async function backup(path: string, target: string): Promise<number> {
	const partial = `${target}.partial`;
	const source = new SQLite(path, { fileMustExist: true, timeout: 10_000 });
	try {
		const { totalPages } = await source.backup(partial, { progress: () => ALL_PAGES });
		const copy = new SQLite(partial, { readonly: true });
		const check = copy.pragma('integrity_check', { simple: true });
		copy.close();
		if (check !== 'ok') throw new Error(`the copy failed its integrity check: ${String(check)}`);
		renameSync(partial, target);
		return totalPages;
	} finally {
		source.close();
		rmSync(partial, { force: true });
	}
}

function postgresAdvice(): string {
	return [
		'DATABASE_URL is a PostgreSQL database: back it up with pg_dump, which takes a consistent snapshot online:',
		'  pg_dump --format=custom --file=yesil-hazirlik.dump "$DATABASE_URL"',
		'and restore into an empty database with:',
		'  pg_restore --no-owner --dbname="$DATABASE_URL" yesil-hazirlik.dump',
		'Nothing was copied.'
	].join('\n');
}

function secretReminder(database: Extract<Database, { kind: 'sqlite' }>): string {
	const file = join(dirname(database.path), 'auth-secret');
	return existsSync(file) && !process.env.AUTH_SECRET
		? `Not in the copy: the session key ${file}. Back it up separately (and keep it secret).`
		: 'Not in the copy: AUTH_SECRET. Keep it backed up separately (and secret).';
}

try {
	const target = process.argv[2];
	if (!target) throw new ConfigError('usage: npm run db:backup -- <file>');
	const { database } = parseConfig(process.env);
	if (database.kind === 'postgres') {
		console.error(postgresAdvice());
		process.exit(2);
	}
	if (existsSync(target)) throw new ConfigError(`${target} exists; choose a new file name`);
	const pages = await backup(database.path, target);
	console.log(`Backed up ${database.path} to ${target} (${pages} pages, integrity ok).`);
	console.log(secretReminder(database));
} catch (error) {
	console.error(
		error instanceof ConfigError ? error.message : `Backup failed: ${(error as Error).message}`
	);
	process.exit(1);
}
