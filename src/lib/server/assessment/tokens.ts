import { createHash, randomBytes } from 'node:crypto';

/** A resume-link token: 256 random bits, URL-safe. Whoever holds it can open the assessment. */
export function newToken(): string {
	return randomBytes(32).toString('base64url');
}

/** What is stored instead of the token, so a leaked database does not leak working links. */
export function hashToken(token: string): string {
	return createHash('sha256').update(token).digest('hex');
}

/** Tokens are exactly 43 URL-safe base64 characters; anything else is not worth a database look-up. */
export function isTokenShaped(value: string): boolean {
	return /^[A-Za-z0-9_-]{43}$/.test(value);
}
