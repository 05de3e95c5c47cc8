import { hash, verify } from '@node-rs/argon2';
import { betterAuth, type BetterAuthPlugin } from 'better-auth';
import type { Kysely } from 'kysely';
import type { Config } from '../config';
import type { Db } from '../db/connect';
import { newId } from '../db/ids';
import { authSchemaOptions } from './options';
import { authSecret } from './secret';

/** A session ends after this long without a request (better-auth extends it on use)… */
export const IDLE_MINUTES = 30;
/** …and, used or not, this long after sign-in (checked in session.ts). */
export const ABSOLUTE_HOURS = 12;

/**
 * A better-auth instance over our database. The server adds the SvelteKit cookie plugin (index.ts); the admin
 * command line uses it bare, as it sets no cookies.
 */
export function createAuth(
	settings: Pick<Config, 'database' | 'origin' | 'authSecret'>,
	db: Db,
	extraPlugins: BetterAuthPlugin[] = []
) {
	const schema = authSchemaOptions(db as Kysely<unknown>, settings.database.kind);
	return betterAuth({
		...schema,
		secret: authSecret(settings),
		// Only used for links the library builds itself (none here); requests carry their own origin.
		baseURL: settings.origin ?? 'http://localhost',
		emailAndPassword: {
			...schema.emailAndPassword,
			minPasswordLength: 8,
			// Long passphrases are welcome; the cap only keeps hashing cheap for a hostile request.
			maxPasswordLength: 256,
			// argon2id with the library's defaults (19 MiB, 2 passes): OWASP's recommended minimum.
			password: {
				hash: (password) => hash(password),
				verify: ({ hash: stored, password }) => verify(stored, password)
			}
		},
		session: { expiresIn: IDLE_MINUTES * 60, updateAge: 5 * 60 },
		advanced: {
			cookiePrefix: 'yh',
			...cookieNames(settings.origin?.startsWith('https://') ?? false),
			database: { generateId: () => newId() }
		},
		// Sign-ins are throttled in our own table (throttle.ts), which works for the form actions that call the
		// library directly; the library's own HTTP routes are not mounted.
		rateLimit: { enabled: false },
		telemetry: { enabled: false },
		plugins: [...schema.plugins, ...extraPlugins]
	});
}

export type Auth = ReturnType<typeof createAuth>;

/** The cookies better-auth sets for our plugins (sessions, the pending second step, the admin plugin's). */
const COOKIES = [
	'session_token',
	'session_data',
	'account_data',
	'dont_remember',
	'two_factor',
	'trust_device',
	'admin_session'
];

/**
 * On https every cookie is named `__Host-yh.…`: browsers then accept it only with `Secure`, `Path=/` and no
 * `Domain`, so no sibling subdomain or plain-http page can set or overwrite a session. better-auth's own switch
 * (`useSecureCookies`) would only give the weaker `__Secure-` prefix, so it stays off and the names are set here.
 */
function cookieNames(https: boolean) {
	if (!https) return { useSecureCookies: false };
	return {
		useSecureCookies: false,
		defaultCookieAttributes: { secure: true },
		cookies: Object.fromEntries(COOKIES.map((cookie) => [cookie, { name: `__Host-yh.${cookie}` }]))
	};
}
