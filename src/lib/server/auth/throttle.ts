import type { Db } from '../db/connect';

/** What the audit log calls a refused sign-in; the throttle counts these. */
export const SIGN_IN_FAILED = 'auth.sign_in_failed';

/**
 * Sign-in throttling, kept in the database so that every app instance sees the same counts: at most
 * `perAccount` failures for one e-mail address and `perAddress` failures from one network address within the
 * window. Past that, sign-in waits until the oldest counted failure leaves the window, so a real user is slowed
 * down for minutes at most, never locked out for good.
 */
export const THROTTLE = { windowMinutes: 15, perAccount: 5, perAddress: 30 };

/** The audit actor of a failed sign-in: the network address it came from. */
export const addressActor = (address: string) => `ip:${address}`;

/** Seconds until another sign-in attempt is allowed for this e-mail from this address; 0 when it is allowed now. */
export async function signInRetryAfter(
	db: Db,
	attempt: { email: string; address: string },
	now = new Date()
): Promise<number> {
	const since = new Date(now.getTime() - THROTTLE.windowMinutes * 60_000).toISOString();
	const failures = db
		.selectFrom('audit_log')
		.where('action', '=', SIGN_IN_FAILED)
		.where('at', '>', since);
	const [account, address] = await Promise.all([
		failures
			.where('target', '=', attempt.email)
			.select(['at'])
			.orderBy('at', 'desc')
			.limit(THROTTLE.perAccount)
			.execute(),
		failures
			.where('actor', '=', addressActor(attempt.address))
			.select(['at'])
			.orderBy('at', 'desc')
			.limit(THROTTLE.perAddress)
			.execute()
	]);
	const wait = (recent: { at: string }[], limit: number) => {
		if (recent.length < limit) return 0;
		// The oldest of the last `limit` failures must leave the window before one more attempt is allowed.
		const freedAt = new Date(recent[limit - 1].at).getTime() + THROTTLE.windowMinutes * 60_000;
		return Math.max(1, Math.ceil((freedAt - now.getTime()) / 1000));
	};
	return Math.max(wait(account, THROTTLE.perAccount), wait(address, THROTTLE.perAddress));
}
