import type { Db } from './connect';

/**
 * Marks an authenticator code as used by this user until `expiresAt`. False when it was used already and is still
 * within its validity: the primary key makes only one of two parallel claims succeed, on both databases.
 */
export async function claim(
	db: Db,
	use: { userId: string; codeHash: string; expiresAt: Date },
	now = new Date()
): Promise<boolean> {
	await db
		.deleteFrom('used_totp_code')
		.where('user_id', '=', use.userId)
		.where('expires_at', '<=', now.toISOString())
		.execute();
	const result = await db
		.insertInto('used_totp_code')
		.values({
			user_id: use.userId,
			code_hash: use.codeHash,
			expires_at: use.expiresAt.toISOString()
		})
		.onConflict((conflict) => conflict.columns(['user_id', 'code_hash']).doNothing())
		.executeTakeFirst();
	return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}
