import type { Db } from '../db/connect';
import * as usedCodes from '../db/used-totp-codes';
import { hashToken } from '../assessment/tokens';

/**
 * How long an accepted authenticator code could be accepted again: better-auth takes the code of the current
 * 30-second step and of one step either side, so at most three steps.
 */
const CODE_LIFETIME_MS = 3 * 30_000;

/**
 * Records that the user has used this authenticator code; false when it was used before and is still valid, so a
 * code seen over someone's shoulder (or replayed from a captured request) cannot sign in a second time.
 */
export function claimCode(
	db: Db,
	userId: string,
	code: string,
	now = new Date()
): Promise<boolean> {
	return usedCodes.claim(
		db,
		{
			userId,
			codeHash: hashToken(`${userId}:${code}`),
			expiresAt: new Date(now.getTime() + CODE_LIFETIME_MS)
		},
		now
	);
}
