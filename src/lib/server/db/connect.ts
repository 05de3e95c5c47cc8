import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, Migrator, PostgresDialect, SqliteAdapter, SqliteDialect, sql } from 'kysely';
import pg from 'pg';
import type { Database } from '../config';
import { migrationProvider } from './migrations';
import type { Schema } from './schema';

export type Db = Kysely<Schema>;

/** Connection options beyond the URL: tests use `searchPath` to give each run its own PostgreSQL schema. */
export interface ConnectOptions {
	searchPath?: string;
}

function openSqlite(path: string): SQLite.Database {
	if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
	const sqlite = new SQLite(path);
	// WAL lets readers run while one writer commits; FULL makes a committed answer survive a power cut.
	sqlite.pragma('journal_mode = WAL');
	sqlite.pragma('synchronous = FULL');
	sqlite.pragma('foreign_keys = ON');
	sqlite.pragma('busy_timeout = 5000');
	sqlite.pragma('secure_delete = ON'); // erased rows are overwritten with zeros, not left in free pages
	return sqlite;
}

// PostgreSQL returns bigint (count) and numeric (avg) as strings; read them as numbers once, here.
pg.types.setTypeParser(pg.types.builtins.INT8, Number);
pg.types.setTypeParser(pg.types.builtins.NUMERIC, Number);

/** Opens the configured database. The caller owns it and must `destroy()` it when done. */
export function connect(database: Database, options: ConnectOptions = {}): Db {
	if (database.kind === 'sqlite') {
		return new Kysely<Schema>({
			dialect: new SqliteDialect({ database: openSqlite(database.path) })
		});
	}
	const pool = new pg.Pool({
		connectionString: database.connectionString,
		max: 10,
		// A database that does not answer must turn into a 503, not a hung request.
		connectionTimeoutMillis: 5000,
		options: options.searchPath ? `-c search_path=${options.searchPath}` : undefined
	});
	return new Kysely<Schema>({ dialect: new PostgresDialect({ pool }) });
}

/** Brings the schema up to the newest migration; safe to run at every start and from several processes. */
export async function migrateToLatest(db: Db): Promise<void> {
	const migrator = new Migrator({ db, provider: migrationProvider });
	const { error, results } = await migrator.migrateToLatest();
	const failed = results?.find((result) => result.status === 'Error');
	if (error || failed) {
		const reason = error instanceof Error ? error.message : String(error ?? 'unknown error');
		throw new Error(`migration ${failed?.migrationName ?? ''} failed: ${reason}`);
	}
}

/**
 * After an erasure, on SQLite: copies the write-ahead log into the database file and truncates it, so the erased
 * text does not linger in the -wal file until the next automatic checkpoint (secure_delete has already zeroed it in
 * the main file). PostgreSQL keeps dead rows until VACUUM, which autovacuum runs; nothing to do here.
 */
export async function flushErased(db: Db): Promise<void> {
	if (db.getExecutor().adapter instanceof SqliteAdapter) {
		await sql`pragma wal_checkpoint(TRUNCATE)`.execute(db);
	}
}

/** True when the database answers a trivial query. */
export async function ping(db: Db): Promise<boolean> {
	try {
		await sql`select 1`.execute(db);
		return true;
	} catch {
		return false;
	}
}
