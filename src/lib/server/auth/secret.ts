import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { ConfigError, type Config } from '../config';

/**
 * The key that signs session cookies: AUTH_SECRET when set; with SQLite and nothing set, a random key generated on
 * first start and kept in `auth-secret` beside the database file (readable by its owner only), so that `npm start`
 * needs no configuration and no secret ever sits in the repository.
 */
export function authSecret(config: Pick<Config, 'authSecret' | 'database'>): string {
	if (config.authSecret) return config.authSecret;
	if (config.database.kind === 'postgres') {
		throw new ConfigError(
			'AUTH_SECRET: required with PostgreSQL, so that every instance signs sessions with the same key'
		);
	}
	const file = join(dirname(config.database.path), 'auth-secret');
	try {
		// `wx`: only the first of several processes starting at once writes it; the others read that one.
		writeFileSync(file, randomBytes(32).toString('base64url'), { mode: 0o600, flag: 'wx' });
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
	}
	return readFileSync(file, 'utf8').trim();
}
