import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, Migrator, PostgresDialect, SqliteAdapter, sql, type LogEvent } from 'kysely';
import pg from 'pg';
import type { Database } from '../config';
import { migrationProvider } from './migrations';
import type { Schema } from './schema';
import { NonBlockingSqliteDialect } from './sqlite-driver';
import { asUnavailable } from './unavailable';

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
	// Never wait for another process's lock inside the synchronous driver: that wait would freeze the event loop.
	// NonBlockingSqliteDialect retries on timers instead.
	sqlite.pragma('busy_timeout = 0');
	sqlite.pragma('secure_delete = ON'); // erased rows are overwritten with zeros, not left in free pages
	return sqlite;
}

// PostgreSQL returns bigint (count) and numeric (avg) as strings; read them as numbers once, here.
pg.types.setTypeParser(pg.types.builtins.INT8, Number);
pg.types.setTypeParser(pg.types.builtins.NUMERIC, Number);

/** Opens the configured database. The caller owns it and must `destroy()` it when done. */
export function connect(database: Database, options: ConnectOptions = {}): Db {
	const writes: WriteHealth = {};
	const log = (event: LogEvent) => recordWrite(writes, event);
	const db =
		database.kind === 'sqlite'
			? new Kysely<Schema>({
					dialect: new NonBlockingSqliteDialect(openSqlite(database.path)),
					log
				})
			: new Kysely<Schema>({
					dialect: new PostgresDialect({ pool: openPool(database, options) }),
					log
				});
	writeHealth.set(db, writes);
	return db;
}

function openPool(database: Extract<Database, { kind: 'postgres' }>, options: ConnectOptions) {
	return new pg.Pool({
		connectionString: database.connectionString,
		max: 10,
		// A database that does not answer must turn into a 503, not a hung request.
		connectionTimeoutMillis: 5000,
		// Like SQLite's: a row lock held elsewhere fails the statement after a second (55P03, a 503) instead of
		// holding the request.
		lock_timeout: 1000,
		options: options.searchPath ? `-c search_path=${options.searchPath}` : undefined
	});
}

/** When a write last failed because the storage is full; cleared by the next write that succeeds. */
interface WriteHealth {
	failedAt?: number;
}

const writeHealth = new WeakMap<Db, WriteHealth>();

const WRITES = new Set(['InsertQueryNode', 'UpdateQueryNode', 'DeleteQueryNode']);

function recordWrite(health: WriteHealth, event: LogEvent) {
	if (event.level === 'error') {
		if (asUnavailable(event.error)?.reason === 'full') health.failedAt = Date.now();
	} else if (WRITES.has(event.query.query.kind)) {
		health.failedAt = undefined;
	}
}

/** How long a write failure for lack of space counts against the health check without a write to confirm it. */
const WRITE_FAILURE_MEMORY_MS = 60_000;

/**
 * True while writes fail for lack of space: the last write failed so, less than a minute ago. Reads may still work,
 * so the health check reports the database degraded rather than down; after a minute without writes it reports ok
 * again, letting traffic back in to find out.
 */
export function writesFailing(db: Db, now = Date.now()): boolean {
	const failedAt = writeHealth.get(db)?.failedAt;
	return failedAt !== undefined && now - failedAt < WRITE_FAILURE_MEMORY_MS;
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
