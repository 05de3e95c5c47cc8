import { randomBytes } from 'node:crypto';

/**
 * A random, URL-safe text id. Text ids rather than auto-increment keep SQLite and PostgreSQL alike and do not reveal
 * how many rows exist.
 */
export function newId(bytes = 12): string {
	return randomBytes(bytes).toString('base64url');
}
