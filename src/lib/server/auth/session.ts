import { auth } from '.';
import { db } from '../db';
import * as members from '../db/members';
import { ABSOLUTE_HOURS } from './instance';
import { PLATFORM_ADMIN } from './options';

/** Who is signed in, as the chamber and admin pages need it. */
export interface SignedIn {
	id: string;
	name: string;
	email: string;
	platformAdmin: boolean;
	/** Whether the account asks for an authenticator code at sign-in. */
	twoFactor: boolean;
	/**
	 * Two-step verification is required of this account (administrators, and viewers of a chamber that asks for it)
	 * but not set up yet: until it is, the account reaches only the page that sets it up.
	 */
	mustEnrol: boolean;
}

/**
 * The signed-in user of a request, or undefined. A session past its absolute lifetime is ended here even while in
 * use, so a stolen cookie stops working within hours whatever happens.
 */
export async function signedIn(headers: Headers, now = new Date()): Promise<SignedIn | undefined> {
	const found = await auth().api.getSession({ headers });
	if (!found) return undefined;
	const age = now.getTime() - new Date(found.session.createdAt).getTime();
	if (age > ABSOLUTE_HOURS * 3_600_000) {
		await auth().api.signOut({ headers });
		return undefined;
	}
	const user = found.user as typeof found.user & {
		role?: string | null;
		twoFactorEnabled?: boolean | null;
	};
	const twoFactor = Boolean(user.twoFactorEnabled);
	return {
		id: user.id,
		name: user.name,
		email: user.email,
		platformAdmin: user.role === PLATFORM_ADMIN,
		twoFactor,
		mustEnrol: !twoFactor && (await members.needsTwoFactor(db(), user.id))
	};
}
