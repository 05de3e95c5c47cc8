import { BadRequest } from '../http/api';
import type { Db } from '../db/connect';
import * as idempotencyKeys from '../db/idempotency-keys';
import { hashToken } from './tokens';
import { seal, unseal } from '../sealed';

/*
 * Idempotency-Key for `POST /api/v1/assessments`: a client that retries a create (a timeout, a lost answer) sends the
 * same key and gets the same assessment back. The answer holds the token, which is stored nowhere in plain text
 * (only its hash), so it is kept sealed with AES-256-GCM under a key derived from the Idempotency-Key itself: the
 * database alone cannot open it, only a request bearing the key can.
 */

/** How long a key is remembered. */
export const IDEMPOTENCY_HOURS = 24;

/** 16–200 URL-safe characters: a UUID or random string, long enough not to be guessed. */
const KEY_SHAPE = /^[A-Za-z0-9_-]{16,200}$/;

/** The request's Idempotency-Key, or undefined without one; a malformed key is a 400. */
export function idempotencyKey(request: Request): string | undefined {
	const key = request.headers.get('idempotency-key');
	if (key === null) return undefined;
	if (!KEY_SHAPE.test(key)) throw new BadRequest(400, 'invalid_idempotency_key');
	return key;
}

/** The body's SHA-256 (the same hash as for tokens), to tell a retry from another request under the same key. */
const bodyHash = (body: unknown) => hashToken(JSON.stringify(body));

/** What the key derivation is told the sealed value is for (the same since the first sealed row). */
const PURPOSE = 'yesil-hazirlik idempotency token';

/**
 * What an earlier request with this key created: its token; `conflict` when the key came with another body (a
 * client bug that must not pass silently); undefined for a new or expired key.
 */
export async function replay(
	db: Db,
	key: string,
	body: unknown
): Promise<string | 'conflict' | undefined> {
	const record = await idempotencyKeys.find(db, hashToken(key));
	if (!record) return undefined;
	if (record.body_hash !== bodyHash(body)) return 'conflict';
	return unseal(key, PURPOSE, record.assessment_id, record.sealed_token);
}

/**
 * Remembers the key for a new assessment, in the transaction that creates it; false when another request took the
 * key first (then roll back, and `replay` answers).
 */
export function remember(
	db: Db,
	key: string,
	body: unknown,
	assessment: { id: string; token: string }
): Promise<boolean> {
	return idempotencyKeys.insert(
		db,
		{
			key_hash: hashToken(key),
			assessment_id: assessment.id,
			body_hash: bodyHash(body),
			sealed_token: seal(key, PURPOSE, assessment.id, assessment.token)
		},
		IDEMPOTENCY_HOURS
	);
}
