import * as apiTokens from '../db/api-tokens';
import type { Db } from '../db/connect';
import { hashToken, newToken } from '../assessment/tokens';

/**
 * A new API token of a chamber, for the dashboard and `npm run admin`. The token is returned once, to be shown once;
 * only its SHA-256 hash is stored, so a leaked database holds no working token.
 */
export async function issueApiToken(
	db: Db,
	token: { chamberId: string; name: string; role: string; createdBy: string; expiresAt?: Date },
	now = new Date()
): Promise<{ id: string; token: string }> {
	const secret = newToken();
	const id = await apiTokens.create(db, { ...token, tokenHash: hashToken(secret) }, now);
	return { id, token: secret };
}
