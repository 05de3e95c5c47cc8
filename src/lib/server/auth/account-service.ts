import { db } from '../db';
import * as links from '../db/one-time-links';
import * as members from '../db/members';
import { hashToken } from '../assessment/tokens';
import { setupLinkUsable as linkUsable } from './one-time';
import { checkPassword as checkUnderThrottle, type PasswordCheck } from './throttle';
import { claimCode as claim } from './two-factor';

/*
 * Accounts as the routes see them: sign-in under the throttle, two-step codes, one-time links and memberships, in
 * the process-wide database. The functions they call take the database as an argument because `npm run admin` and
 * the tests use their own.
 */

/** The chambers a user belongs to, for choosing where to land after signing in. */
export function chambersOf(userId: string) {
	return members.chambersOf(db(), userId);
}

/** Whether the user must use two-step verification (a platform or chamber administrator, or a chamber's rule). */
export function needsTwoFactor(userId: string): Promise<boolean> {
	return members.needsTwoFactor(db(), userId);
}

/** A password check under the throttle and written to the audit log first (see `throttle.checkPassword`). */
export function checkPassword<T>(
	attempt: { email: string; address: string; actor: string; failure: string },
	check: () => Promise<T>
): Promise<PasswordCheck<T>> {
	return checkUnderThrottle(db(), attempt, check);
}

/** Records an accepted authenticator code; false when it was used before (see `two-factor.claimCode`). */
export function claimCode(userId: string, code: string): Promise<boolean> {
	return claim(db(), userId, code);
}

/** Whether a set-up link still creates the first platform administrator. */
export function setupLinkUsable(token: string): Promise<boolean> {
	return linkUsable(db(), token);
}

/** What an unused, unexpired invitation link carries (unchecked: the route parses it), or undefined. */
export function invitation(token: string): Promise<unknown> {
	return links.findUsable(db(), hashToken(token), 'chamber_invitation');
}

/** Spends a one-time link; false when it was spent already (by a parallel request, say). */
export function spendLink(token: string): Promise<boolean> {
	return links.use(db(), hashToken(token));
}
