import { z } from 'zod';
import type { Db } from '../db/connect';
import * as links from '../db/one-time-links';
import * as members from '../db/members';
import { hashToken, newToken } from '../assessment/tokens';
import { CHAMBER_ROLES } from './options';

/** How long a set-up or invitation link stays usable. */
export const LINK_HOURS = { platform_setup: 24, chamber_invitation: 72 } as const;

/** What a chamber invitation link carries, checked again whenever it is read back. */
export const invitationPayload = z.object({
	chamberId: z.string(),
	email: z.string(),
	role: z.enum(CHAMBER_ROLES)
});

/** A new one-time link's token; only its hash is stored. */
export async function issueLink(
	db: Db,
	purpose: links.LinkPurpose,
	payload: unknown,
	now = new Date()
): Promise<string> {
	const token = newToken();
	await links.create(
		db,
		{ tokenHash: hashToken(token), purpose, payload, hours: LINK_HOURS[purpose] },
		now
	);
	return token;
}

/**
 * On a server with no platform administrator yet, a one-time link to create the first one (printed to the console
 * at start: there are no default passwords). Undefined once an administrator exists.
 */
export async function platformSetupLink(db: Db, origin: string): Promise<string | undefined> {
	if (await members.hasPlatformAdmin(db)) return undefined;
	return `${origin}/setup/${await issueLink(db, 'platform_setup', {})}`;
}

/**
 * Whether a set-up link still creates the first platform administrator: unused, unexpired, and no platform
 * administrator exists yet, however that one was created (another link, or `npm run admin -- create-user`).
 */
export async function setupLinkUsable(db: Db, token: string, now = new Date()): Promise<boolean> {
	const payload = await links.findUsable(db, hashToken(token), 'platform_setup', now);
	return payload !== undefined && !(await members.hasPlatformAdmin(db));
}
