import type SQLite from 'better-sqlite3';
import {
	SqliteDialect,
	type CompiledQuery,
	type DatabaseConnection,
	type Driver,
	type QueryResult,
	type TransactionSettings
} from 'kysely';
import { DatabaseUnavailable } from './unavailable';

/** How long a write waits for another process's lock before the request is answered 503. */
const LOCK_WAIT_MS = 1000;

/**
 * SQLite through better-sqlite3 without ever blocking the event loop on a lock. better-sqlite3 is synchronous: its
 * busy timeout waits inside the call and freezes every other request. So the busy timeout is 0 and a statement that
 * meets another process's lock is retried on timers, with backoff, for up to a second; then it fails with
 * DatabaseUnavailable('busy'). A transaction takes the write lock up front (BEGIN IMMEDIATE), so it either starts
 * with the lock or not at all and never fails half-way for want of it; a read-only one takes none.
 */
export class NonBlockingSqliteDialect extends SqliteDialect {
	readonly #sqlite: SQLite.Database;

	constructor(sqlite: SQLite.Database) {
		super({ database: sqlite });
		this.#sqlite = sqlite;
	}

	createDriver(): Driver {
		return new NonBlockingSqliteDriver(this.#sqlite);
	}
}

class NonBlockingSqliteDriver implements Driver {
	// The one better-sqlite3 connection is shared: while a transaction is open, every other statement waits for it,
	// or it would run inside that transaction. Statements outside transactions hold nothing while they wait.
	readonly #transaction = new Gate();
	readonly #statements: Statements;

	constructor(readonly sqlite: SQLite.Database) {
		this.#statements = new Statements(sqlite);
	}

	async init(): Promise<void> {}

	async acquireConnection(): Promise<DatabaseConnection> {
		return new Connection(this.sqlite, this.#statements, this.#transaction);
	}

	async beginTransaction(
		connection: DatabaseConnection,
		settings: TransactionSettings
	): Promise<void> {
		await (connection as Connection).begin(settings.accessMode === 'read only');
	}

	async commitTransaction(connection: DatabaseConnection): Promise<void> {
		(connection as Connection).end('commit');
	}

	async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
		(connection as Connection).end('rollback');
	}

	async releaseConnection(): Promise<void> {}

	async destroy(): Promise<void> {
		this.sqlite.close();
	}
}

class Connection implements DatabaseConnection {
	#inTransaction = false;

	constructor(
		readonly sqlite: SQLite.Database,
		readonly statements: Statements,
		readonly transaction: Gate
	) {}

	async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
		if (this.#inTransaction) return run<R>(this.statements, query);
		return retryWhileBusy(() => this.transaction.whenOpen(() => run<R>(this.statements, query)));
	}

	async *streamQuery<R>(query: CompiledQuery): AsyncIterableIterator<QueryResult<R>> {
		yield await this.executeQuery<R>(query);
	}

	/** A read-only transaction reads one snapshot and needs no write lock: other processes may write meanwhile. */
	begin(readOnly: boolean): Promise<void> {
		return retryWhileBusy(() =>
			this.transaction.whenOpen(() => {
				this.sqlite.exec(readOnly ? 'begin' : 'begin immediate');
				this.transaction.close();
				this.#inTransaction = true;
			})
		);
	}

	/** Commits or rolls back. A failed commit leaves SQLite's transaction open for the rollback that follows. */
	end(command: 'commit' | 'rollback'): void {
		try {
			if (this.sqlite.inTransaction) this.sqlite.exec(command);
		} finally {
			if (!this.sqlite.inTransaction) {
				this.#inTransaction = false;
				this.transaction.open();
			}
		}
	}
}

/**
 * Prepared statements by their SQL, most recently used last. Pages send the same few statements on every request,
 * and preparing one took about half the time of a page's queries; the cache is bounded because an `in (…)` list of
 * each length is a statement of its own. Statements run to completion at once (`all`, `run`), so sharing one is safe.
 */
class Statements {
	readonly #cache = new Map<string, SQLite.Statement>();

	constructor(
		readonly sqlite: SQLite.Database,
		readonly size = 200
	) {}

	get(sql: string): SQLite.Statement {
		let statement = this.#cache.get(sql);
		if (statement) this.#cache.delete(sql);
		else {
			statement = this.sqlite.prepare(sql);
			if (this.#cache.size >= this.size) this.#cache.delete(this.#cache.keys().next().value!);
		}
		this.#cache.set(sql, statement);
		return statement;
	}
}

function run<R>(statements: Statements, { sql, parameters }: CompiledQuery): QueryResult<R> {
	const statement = statements.get(sql);
	if (statement.reader) return { rows: statement.all(parameters) as R[] };
	const { changes, lastInsertRowid } = statement.run(parameters);
	return { numAffectedRows: BigInt(changes), insertId: BigInt(lastInsertRowid), rows: [] };
}

function isBusy(error: unknown): boolean {
	const code = (error as { code?: unknown } | null)?.code;
	return typeof code === 'string' && code.startsWith('SQLITE_BUSY');
}

/** Runs `attempt` until it does not meet a lock, waiting on timers (5, 10, 20 … 100 ms) for up to LOCK_WAIT_MS. */
async function retryWhileBusy<T>(attempt: () => Promise<T>): Promise<T> {
	const deadline = Date.now() + LOCK_WAIT_MS;
	for (let pause = 5; ; pause = Math.min(pause * 2, 100)) {
		try {
			return await attempt();
		} catch (error) {
			if (!isBusy(error)) throw error;
			if (Date.now() + pause > deadline) throw new DatabaseUnavailable('busy', { cause: error });
			await new Promise((resolve) => setTimeout(resolve, pause));
		}
	}
}

/** Closed while this process has a transaction open on the connection. */
class Gate {
	#closed: Promise<void> | undefined;
	#reopen: (() => void) | undefined;

	/** Runs `step` once the gate is open, in the same turn that saw it open, so no transaction can slip in between. */
	async whenOpen<T>(step: () => T): Promise<T> {
		while (this.#closed) await this.#closed;
		return step();
	}

	close(): void {
		this.#closed = new Promise((resolve) => (this.#reopen = resolve));
	}

	open(): void {
		const reopen = this.#reopen;
		this.#closed = undefined;
		this.#reopen = undefined;
		reopen?.();
	}
}
