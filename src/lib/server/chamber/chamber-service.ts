import { invitationPayload, issueLink } from '../auth/one-time';
import type { ChamberRole } from '../auth/options';
import { db } from '../db';
import * as auditLog from '../db/audit-log';
import * as chambers from '../db/chambers';
import type { Chamber, NewChamber } from '../db/chambers';
import * as members from '../db/members';
import * as links from '../db/one-time-links';

/** An invitation link not yet used and not yet expired: who may still join the chamber, as what, until when. */
export interface PendingInvitation {
	email: string;
	role: ChamberRole;
	/** ISO-8601 UTC; the page shows it in Türkiye time. */
	expiresAt: string;
}

/**
 * Every chamber with the people who can open it and the invitations still waiting, for the platform administrator's
 * page (which checks who was invited before inviting again).
 */
export async function chambersWithUsers() {
	const [all, pending] = await Promise.all([chambers.listAll(db()), pendingInvitations()]);
	return Promise.all(
		all.map(async (chamber) => ({
			...chamber,
			users: await members.usersOf(db(), chamber.id),
			invitations: pending.get(chamber.id) ?? []
		}))
	);
}

/** The usable invitation links by chamber id, soonest to expire first; a payload that does not parse is skipped. */
async function pendingInvitations(now = new Date()): Promise<Map<string, PendingInvitation[]>> {
	const byChamber = new Map<string, PendingInvitation[]>();
	for (const link of await links.listUsable(db(), 'chamber_invitation', now)) {
		const payload = invitationPayload.safeParse(link.payload);
		if (!payload.success) continue;
		const { chamberId, email, role } = payload.data;
		byChamber.set(chamberId, [
			...(byChamber.get(chamberId) ?? []),
			{ email, role, expiresAt: link.expiresAt }
		]);
	}
	return byChamber;
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

/**
 * Renames the chamber (its slug, and so every link to it, stays) and replaces its logo when one is given; each
 * change is audited, an unchanged name is not.
 */
export async function updateChamber(
	actor: string,
	chamber: Chamber,
	change: { name: string; logo?: string }
): Promise<void> {
	if (change.name !== chamber.name) {
		await chambers.rename(db(), chamber.id, change.name);
		await auditLog.record(db(), { actor, action: 'chamber.rename', target: chamber.slug });
	}
	if (change.logo) {
		await chambers.setLogo(db(), chamber.id, change.logo);
		await auditLog.record(db(), { actor, action: 'chamber.logo_change', target: chamber.slug });
	}
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
