import type { Auth } from './instance';
import { PLATFORM_ADMIN, type ChamberRole } from './options';

/**
 * Creating accounts, shared by the set-up link, invitations and `npm run admin`. Public sign-up is off: every
 * account is made here, on the server, by someone entitled to make it.
 */

/** Creates a user with an argon2id-hashed password; returns the new user's id. */
export async function createAccount(
	auth: Auth,
	account: { email: string; name: string; password: string; platformAdmin?: boolean }
): Promise<string> {
	const { user } = await auth.api.createUser({
		body: {
			email: account.email,
			name: account.name,
			password: account.password,
			role: account.platformAdmin ? PLATFORM_ADMIN : 'user'
		}
	});
	return user.id;
}

/** Gives a user a role in a chamber. */
export async function addToChamber(
	auth: Auth,
	membership: { userId: string; chamberId: string; role: ChamberRole }
): Promise<void> {
	await auth.api.addMember({
		body: {
			userId: membership.userId,
			organizationId: membership.chamberId,
			role: membership.role
		}
	});
}
