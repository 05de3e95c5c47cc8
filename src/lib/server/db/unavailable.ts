/**
 * The database cannot take a write just now: another writer holds the lock beyond our short wait ('busy'), or the
 * disk is full ('full'). A passing condition, not a bug: the API answers 503 with Retry-After and pages show a
 * friendly "try again" page. The statement failed as a whole, so nothing partial was stored.
 */
export class DatabaseUnavailable extends Error {
	constructor(
		readonly reason: 'busy' | 'full',
		options?: ErrorOptions
	) {
		super(`database ${reason}`, options);
		this.name = 'DatabaseUnavailable';
	}

	/** The API error code that tells the two apart. */
	get code(): 'database_busy' | 'storage_unavailable' {
		return this.reason === 'busy' ? 'database_busy' : 'storage_unavailable';
	}

	/** Seconds a client should wait before trying again: a lock clears quickly, a full disk needs an operator. */
	get retryAfter(): number {
		return this.reason === 'busy' ? 1 : 30;
	}
}

// SQLite's result codes (better-sqlite3 puts them on `code`) and PostgreSQL's SQLSTATEs that mean "not now".
const REASONS: Record<string, 'busy' | 'full'> = {
	SQLITE_BUSY: 'busy',
	SQLITE_BUSY_SNAPSHOT: 'busy',
	SQLITE_BUSY_RECOVERY: 'busy',
	SQLITE_LOCKED: 'busy',
	SQLITE_FULL: 'full',
	// lock_not_available: `lock_timeout` ran out; deadlock_detected: the other side of the deadlock went on.
	'55P03': 'busy',
	'40P01': 'busy',
	// disk_full
	'53100': 'full'
};

/** The error as a DatabaseUnavailable when it is one of the passing conditions, else undefined. */
export function asUnavailable(error: unknown): DatabaseUnavailable | undefined {
	if (error instanceof DatabaseUnavailable) return error;
	const code = (error as { code?: unknown } | null)?.code;
	const reason = typeof code === 'string' ? REASONS[code] : undefined;
	return reason ? new DatabaseUnavailable(reason, { cause: error }) : undefined;
}
