import { issueApiToken } from '../auth/api-tokens';
import { db } from '../db';
import * as apiTokens from '../db/api-tokens';
import * as auditLog from '../db/audit-log';

/** The chamber's tokens, newest first, each with whether it still works; never a token or its hash. */
export async function tokensOf(chamberId: string, now = new Date()) {
	const at = now.toISOString();
	return (await apiTokens.listForChamber(db(), chamberId)).map((token) => ({
		...token,
		state: token.revokedAt
			? ('revoked' as const)
			: token.expiresAt && token.expiresAt <= at
				? ('expired' as const)
				: ('active' as const)
	}));
}

/** Issues a token for the chamber's systems on an administrator's request; audited. The token is returned once. */
export async function createToken(
	actor: string,
	chamberId: string,
	input: { name: string; role: string; expiresAt?: Date }
): Promise<string> {
	const { id, token } = await issueApiToken(db(), { chamberId, ...input, createdBy: actor });
	await auditLog.record(db(), { actor, action: 'api_token.create', target: id });
	return token;
}

/** Revokes a token of this chamber at once; false for an id of another chamber's token (or none). Audited. */
export async function revokeToken(actor: string, chamberId: string, id: string): Promise<boolean> {
	if (!(await apiTokens.revoke(db(), chamberId, id))) return false;
	await auditLog.record(db(), { actor, action: 'api_token.revoke', target: id });
	return true;
}
