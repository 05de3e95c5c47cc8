import { z } from 'zod';

/** The SQLite file used when DATABASE_URL is not set: under ./data, created on first start. */
export const DEFAULT_SQLITE_PATH = './data/yesil-hazirlik.db';

const emptyAsUndefined = (value: unknown) => (value === '' ? undefined : value);

const envSchema = z.object({
	PORT: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(1).max(65535).default(3000)),
	HOST: z.preprocess(emptyAsUndefined, z.string().default('0.0.0.0')),
	ORIGIN: z.preprocess(emptyAsUndefined, z.url({ protocol: /^https?$/ }).optional()),
	DATABASE_URL: z.preprocess(emptyAsUndefined, z.string().default(DEFAULT_SQLITE_PATH)),
	// Below 3 a published average could single out one firm; 5 is the usual statistical-office rule.
	MIN_GROUP_SIZE: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(3).default(5)),
	BODY_SIZE_LIMIT: z.preprocess(
		emptyAsUndefined,
		z
			.string()
			.regex(/^(\d+[KMG]?|Infinity)$/, 'expected a byte count such as 512K or 1M')
			.default('512K')
	),
	// Signs session cookies. Optional with SQLite (one is generated and kept beside the database file); PostgreSQL
	// deployments run several instances, which must all share it, so there it has to be set (see auth/secret.ts).
	AUTH_SECRET: z.preprocess(
		emptyAsUndefined,
		z.string().min(32, 'expected at least 32 random characters').optional()
	),
	// Who answers for the data (KVKK art. 10): shown in the privacy notice.
	OPERATOR_NAME: z.preprocess(emptyAsUndefined, z.string().max(200).optional()),
	OPERATOR_CONTACT: z.preprocess(emptyAsUndefined, z.string().max(200).optional()),
	// Where mail goes out (`smtp://user:pass@host:587`, or `smtps://` for TLS from the start). Unset: no mail is sent
	// and the pages show the links to copy, as without it.
	SMTP_URL: z.preprocess(emptyAsUndefined, z.url({ protocol: /^smtps?$/ }).optional()),
	// The sender of every mail, `Name <address>` or a bare address; defaults to no-reply at ORIGIN's host.
	MAIL_FROM: z.preprocess(
		emptyAsUndefined,
		z
			.string()
			.max(200)
			.regex(/^([^<>@\r\n]*<[^<>\s@]+@[^<>\s@]+>|[^<>\s@]+@[^<>\s@]+)$/, 'expected Name <address>')
			.optional()
	)
});

export type Database =
	{ kind: 'sqlite'; path: string } | { kind: 'postgres'; connectionString: string };

/**
 * The settings of one server process. adapter-node reads PORT, HOST, ORIGIN and BODY_SIZE_LIMIT itself; they are
 * validated here too so that a bad value stops start-up with a clear line instead of misbehaving later.
 */
export interface Config {
	port: number;
	host: string;
	origin: string | undefined;
	database: Database;
	minGroupSize: number;
	bodySizeLimit: string;
	authSecret: string | undefined;
	operator: { name: string | undefined; contact: string | undefined };
	/** Outgoing mail; undefined when SMTP_URL is not set (then nothing is mailed). */
	mail: { smtpUrl: string; from: string } | undefined;
}

/** Thrown when the environment holds a bad value; its message is one line naming the variable. */
export class ConfigError extends Error {}

/** Tells a PostgreSQL URL from a SQLite path (with or without a `file:` prefix). */
export function parseDatabaseUrl(url: string): Database {
	if (/^postgres(ql)?:\/\//i.test(url)) return { kind: 'postgres', connectionString: url };
	const path = url.replace(/^file:(\/\/)?/, '');
	if (path === '') throw new ConfigError('DATABASE_URL: expected a postgres:// URL or a file path');
	return { kind: 'sqlite', path };
}

/** Parses the environment once; every setting has a default so that `npm start` works with none set. */
export function parseConfig(env: Record<string, string | undefined>): Config {
	const result = envSchema.safeParse(env);
	if (!result.success) {
		const issue = result.error.issues[0];
		throw new ConfigError(`${issue.path.join('.')}: ${issue.message}`);
	}
	const values = result.data;
	return {
		port: values.PORT,
		host: values.HOST,
		origin: values.ORIGIN,
		database: parseDatabaseUrl(values.DATABASE_URL),
		minGroupSize: values.MIN_GROUP_SIZE,
		bodySizeLimit: values.BODY_SIZE_LIMIT,
		authSecret: values.AUTH_SECRET,
		operator: { name: values.OPERATOR_NAME, contact: values.OPERATOR_CONTACT },
		mail: values.SMTP_URL
			? { smtpUrl: values.SMTP_URL, from: values.MAIL_FROM ?? defaultSender(values.ORIGIN) }
			: undefined
	};
}

/** `Yeşil Hazırlık <no-reply@host>`, the host being ORIGIN's (so that replies bounce at the operator's own domain). */
function defaultSender(origin: string | undefined): string {
	const host = origin ? new URL(origin).hostname : 'localhost';
	return `Yeşil Hazırlık <no-reply@${host}>`;
}

let cached: Config | undefined;

/** The configuration of this process, parsed from `process.env` on first use. */
export function config(): Config {
	cached ??= parseConfig(process.env);
	return cached;
}
