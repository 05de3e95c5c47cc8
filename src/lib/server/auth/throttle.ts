import { APIError } from 'better-auth/api';
import type { Db } from '../db/connect';
import * as auditLog from '../db/audit-log';

/** What the audit log calls a refused sign-in; the throttle counts these. */
export const SIGN_IN_FAILED = 'auth.sign_in_failed';
/** A wrong password where the account page asks for it again (turning two-step verification on or off). */
export const PASSWORD_CONFIRM_FAILED = 'auth.password_confirm_failed';
/** An attempt refused by the throttle without its password being checked; not counted itself. */
export const PASSWORD_THROTTLED = 'auth.password_throttled';

const COUNTED = [SIGN_IN_FAILED, PASSWORD_CONFIRM_FAILED];

/**
 * Password throttling, kept in the database so that every app instance sees the same counts: at most
 * `perAccount` failures for one e-mail address and `perAddress` failures from one network address within the
 * window. Past that, attempts wait until the oldest counted failure leaves the window, so a real user is slowed
 * down for minutes at most, never locked out for good.
 */
export const THROTTLE = { windowMinutes: 15, perAccount: 5, perAddress: 30 };

/** The audit actor of a failed sign-in: the network address it came from. */
export const addressActor = (address: string) => `ip:${address}`;

/**
 * Seconds until another password attempt is allowed for this e-mail from this address; 0 when it is allowed now.
 * `excluding` leaves out the caller's own attempt, already in the log.
 */
export async function signInRetryAfter(
	db: Db,
	attempt: { email: string; address: string },
	now = new Date(),
	excluding = ''
): Promise<number> {
	const since = new Date(now.getTime() - THROTTLE.windowMinutes * 60_000).toISOString();
	const failures = db
		.selectFrom('audit_log')
		.where('action', 'in', COUNTED)
		.where('at', '>', since)
		.where('id', '!=', excluding);
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

export type PasswordCheck<T> =
	| { outcome: 'throttled'; retryAfter: number }
	| { outcome: 'refused' }
	/** `settle` rewrites the attempt's audit entry into what actually happened. */
	| {
			outcome: 'accepted';
			value: T;
			settle: (entry: { actor: string; action: string }) => Promise<void>;
	  };

/**
 * Runs a password check (a better-auth call that throws its APIError for a wrong password) under the throttle.
 * The attempt is written to the audit log as a failure BEFORE the password is checked, and every attempt counts
 * those written before it, so of any number of parallel attempts at most `perAccount` reach the check. A throttled
 * attempt is logged as such (and stops counting); an accepted one is relabelled by its caller.
 */
export async function checkPassword<T>(
	db: Db,
	attempt: { email: string; address: string; actor: string; failure: string },
	check: () => Promise<T>,
	now = new Date()
): Promise<PasswordCheck<T>> {
	const id = await auditLog.record(
		db,
		{ actor: attempt.actor, action: attempt.failure, target: attempt.email },
		now
	);
	const retryAfter = await signInRetryAfter(db, attempt, now, id);
	if (retryAfter > 0) {
		await auditLog.relabel(db, id, { actor: attempt.actor, action: PASSWORD_THROTTLED });
		return { outcome: 'throttled', retryAfter };
	}
	try {
		const value = await check();
		return { outcome: 'accepted', value, settle: (entry) => auditLog.relabel(db, id, entry) };
	} catch (failure) {
		if (failure instanceof APIError) return { outcome: 'refused' };
		throw failure;
	}
}
