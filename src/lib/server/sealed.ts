import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

/*
 * Secrets the server must give back later but must not keep readable (a resume link's token): AES-256-GCM under a
 * key derived (HKDF-SHA256) from a secret the database does not hold, bound to the row it belongs to as
 * authenticated data, so a sealed value cannot be moved to another row either.
 */

function cipherKey(secret: string, purpose: string): Buffer {
	return Buffer.from(hkdfSync('sha256', secret, '', purpose, 32));
}

/** Seals `text` under `secret` for `purpose`, bound to `boundTo` (the row's id). */
export function seal(secret: string, purpose: string, boundTo: string, text: string): string {
	const iv = randomBytes(12);
	const cipher = createCipheriv('aes-256-gcm', cipherKey(secret, purpose), iv).setAAD(
		Buffer.from(boundTo)
	);
	const sealed = Buffer.concat([cipher.update(text, 'utf8'), cipher.final()]);
	return Buffer.concat([iv, cipher.getAuthTag(), sealed]).toString('base64url');
}

/** Opens what `seal` sealed with the same secret, purpose and binding; throws when any differs. */
export function unseal(secret: string, purpose: string, boundTo: string, sealed: string): string {
	const bytes = Buffer.from(sealed, 'base64url');
	const decipher = createDecipheriv(
		'aes-256-gcm',
		cipherKey(secret, purpose),
		bytes.subarray(0, 12)
	)
		.setAAD(Buffer.from(boundTo))
		.setAuthTag(bytes.subarray(12, 28));
	return Buffer.concat([decipher.update(bytes.subarray(28)), decipher.final()]).toString('utf8');
}
