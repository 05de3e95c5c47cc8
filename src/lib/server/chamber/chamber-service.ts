import { issueLink } from '../auth/one-time';
import type { ChamberRole } from '../auth/options';
import { db } from '../db';
import * as auditLog from '../db/audit-log';
import * as chambers from '../db/chambers';
import type { Chamber, NewChamber } from '../db/chambers';
import * as members from '../db/members';

/** Every chamber with the people who can open it, for the platform administrator's page. */
export async function chambersWithUsers() {
	const all = await chambers.listAll(db());
	return Promise.all(
		all.map(async (chamber) => ({
			id: chamber.id,
			slug: chamber.slug,
			name: chamber.name,
			users: await members.usersOf(db(), chamber.id)
		}))
	);
}

/** The chamber with this id, if any. */
export function chamberById(id: string): Promise<Chamber | undefined> {
	return chambers.findById(db(), id);
}

/** Registers a chamber; `slug_taken` when another chamber has its address already. Audited. */
export async function registerChamber(
	actor: string,
	chamber: NewChamber
): Promise<Chamber | 'slug_taken'> {
	if (await chambers.findBySlug(db(), chamber.slug)) return 'slug_taken';
	const created = await chambers.create(db(), chamber);
	await auditLog.record(db(), { actor, action: 'chamber.create', target: created.slug });
	return created;
}

/** A one-time invitation link's token, for a person to join the chamber with a role; audited. */
export async function invite(
	actor: string,
	chamber: Chamber,
	invitation: { email: string; role: ChamberRole }
): Promise<string> {
	const token = await issueLink(db(), 'chamber_invitation', {
		chamberId: chamber.id,
		email: invitation.email,
		role: invitation.role
	});
	await auditLog.record(db(), { actor, action: 'chamber.invite', target: chamber.slug });
	return token;
}

/** Whether the chamber's viewers, like its administrators, must use two-step verification. */
export function viewersNeedTwoFactor(chamberId: string): Promise<boolean> {
	return chambers.viewersNeedTwoFactor(db(), chamberId);
}

/** Sets whether the chamber's viewers must use two-step verification; audited. */
export async function setViewersTwoFactor(
	actor: string,
	chamber: Chamber,
	required: boolean
): Promise<void> {
	await chambers.setViewersTwoFactor(db(), chamber.id, required);
	await auditLog.record(db(), {
		actor,
		action: required
			? 'chamber.viewers_two_factor_required'
			: 'chamber.viewers_two_factor_optional',
		target: chamber.slug
	});
}
