import { admin, organization, twoFactor } from 'better-auth/plugins';
import type { Kysely } from 'kysely';

/**
 * The roles of a chamber's members, as the organisation plugin names them: `owner` and `admin` manage campaigns,
 * `member` only reads (the pages call it "viewer").
 */
export const CHAMBER_ROLES = ['owner', 'admin', 'member'] as const;
export type ChamberRole = (typeof CHAMBER_ROLES)[number];

/** Roles that may change a chamber's campaigns. */
export const EDITOR_ROLES: readonly string[] = ['owner', 'admin'];

/** The platform administrator's role (better-auth's admin plugin); other users have the role `user`. */
export const PLATFORM_ADMIN = 'admin';

/**
 * The parts of the better-auth set-up that shape the database: which plugins, and how a chamber is its organisation
 * (the `chamber` table rather than a table of its own). Shared by the running server and the migration that creates
 * the library's tables, so the two can never disagree.
 */
export function authSchemaOptions(db: Kysely<unknown>, type: 'sqlite' | 'postgres') {
	return {
		database: { db, type },
		emailAndPassword: { enabled: true, disableSignUp: true },
		plugins: [
			organization({
				schema: {
					organization: { modelName: 'chamber', fields: { createdAt: 'created_at' } }
				}
			}),
			// The name authenticator apps show beside the code.
			twoFactor({ issuer: 'Yeşil Hazırlık' }),
			admin()
		]
	};
}
