import type { Db } from './connect';
import { EDITOR_ROLES, PLATFORM_ADMIN } from '../auth/options';

export interface Membership {
	slug: string;
	name: string;
	role: string;
}

/** The chambers a user belongs to, with the user's role in each, by name. */
export async function chambersOf(db: Db, userId: string): Promise<Membership[]> {
	const rows = await db
		.selectFrom('member')
		.innerJoin('chamber', 'chamber.id', 'member.organizationId')
		.select(['chamber.slug', 'chamber.name', 'member.role'])
		.where('member.userId', '=', userId)
		.execute();
	return rows.sort((a, b) => a.name.localeCompare(b.name, 'tr'));
}

/** The user's role in a chamber, or undefined when the user is not one of its members. */
export async function roleIn(
	db: Db,
	chamberId: string,
	userId: string
): Promise<string | undefined> {
	const row = await db
		.selectFrom('member')
		.select('role')
		.where('organizationId', '=', chamberId)
		.where('userId', '=', userId)
		.executeTakeFirst();
	return row?.role;
}

export interface ChamberUser {
	userId: string;
	name: string;
	email: string;
	role: string;
	disabled: boolean;
}

/** Everyone with access to a chamber, for the platform administrator's page. */
export async function usersOf(db: Db, chamberId: string): Promise<ChamberUser[]> {
	const rows = await db
		.selectFrom('member')
		.innerJoin('user', 'user.id', 'member.userId')
		.select(['user.id', 'user.name', 'user.email', 'user.banned', 'member.role'])
		.where('member.organizationId', '=', chamberId)
		.orderBy('user.email')
		.execute();
	return rows.map((row) => ({
		userId: row.id,
		name: row.name,
		email: row.email,
		role: row.role,
		disabled: Boolean(Number(row.banned ?? 0))
	}));
}

/** Whether any platform administrator exists yet (if not, the server prints a set-up link at start). */
export async function hasPlatformAdmin(db: Db): Promise<boolean> {
	const row = await db
		.selectFrom('user')
		.select('id')
		.where('role', '=', PLATFORM_ADMIN)
		.executeTakeFirst();
	return row !== undefined;
}

/**
 * Whether the user must use two-step verification: platform administrators, chamber owners and administrators
 * always; viewers of a chamber that requires it of its viewers too.
 */
export async function needsTwoFactor(db: Db, userId: string): Promise<boolean> {
	const row = await db
		.selectFrom('user')
		.leftJoin('member', 'member.userId', 'user.id')
		.leftJoin('chamber', 'chamber.id', 'member.organizationId')
		.select('user.id')
		.where('user.id', '=', userId)
		.where((where) =>
			where.or([
				where('user.role', '=', PLATFORM_ADMIN),
				where('member.role', 'in', EDITOR_ROLES),
				where('chamber.viewers_two_factor', '=', 1)
			])
		)
		.executeTakeFirst();
	return row !== undefined;
}
