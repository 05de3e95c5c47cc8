// `npm run admin -- <command> [options]`: chamber administration from the shell (see README).
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { parseConfig } from '../src/lib/server/config';
import { connect, migrateToLatest, type Db } from '../src/lib/server/db/connect';
import * as campaigns from '../src/lib/server/db/campaigns';
import * as chambers from '../src/lib/server/db/chambers';
import { campaignInput } from '../src/lib/server/chamber/campaign-input';
import { apiTokenInput, chamberInput, logoDataUrl } from '../src/lib/server/chamber/chamber-input';
import { DEFAULT_QUESTIONNAIRE, loadCatalogue } from '../src/lib/server/content';
import { z } from 'zod';
import { addToChamber, createAccount } from '../src/lib/server/auth/accounts';
import { issueApiToken } from '../src/lib/server/auth/api-tokens';
import { createAuth } from '../src/lib/server/auth/instance';
import * as auditLog from '../src/lib/server/db/audit-log';
import { platformSetupLink } from '../src/lib/server/auth/one-time';
import { email, newPassword } from '../src/lib/server/auth/passwords';
import { cleanText } from '../src/lib/text';
import { sendDueReminders } from '../src/lib/server/mail/reminders';
import { reportFailure, UsageError } from './cli';

const USAGE = `usage:
  npm run admin -- create-chamber --slug <slug> --name "<name>" [--province <plate code>] [--logo <file.png|jpg>]
  npm run admin -- create-campaign --chamber <slug> --name "<name>" [--opens <day or instant>] [--closes <day or instant>]
  npm run admin -- create-user --email <e-mail> --name "<name>" --role platform_admin|chamber_admin|chamber_viewer
                   [--chamber <slug>]   (the password is read from standard input, never from an argument)
  npm run admin -- create-api-token --chamber <slug> --name "<name>" --role chamber_viewer|chamber_admin
                   [--expires <date>]   (prints the token once, alone on the last line)
  npm run admin -- setup-link   (a new one-time link to create the first platform administrator)
  npm run admin -- send-reminders [--as-of <date and time>]
                   (sends the reminders due now, or due by that time, as the server does every ten minutes)`;

// The input schemas' messages are i18n keys; the command line speaks English.
const english = JSON.parse(
	readFileSync(new URL('../src/lib/i18n/locales/en.json', import.meta.url), 'utf8')
) as Record<string, string>;
const inEnglish = (key: string) => english[key] ?? key;

function valid<T>(schema: z.ZodType<T>, input: unknown, options: Record<string, string> = {}): T {
	const parsed = schema.safeParse(input);
	if (parsed.success) return parsed.data;
	const issue = parsed.error.issues[0];
	const field = String(issue.path[0] ?? '');
	throw new UsageError(`--${options[field] ?? field}: ${inEnglish(issue.message)}`);
}

async function createChamber(db: Db, args: string[]) {
	const { values } = parseArgs({
		args,
		options: {
			slug: { type: 'string' },
			name: { type: 'string' },
			province: { type: 'string' },
			logo: { type: 'string' }
		}
	});
	let logo: string | undefined;
	if (values.logo) {
		const read = logoDataUrl(readFileSync(values.logo));
		if (!read.ok) throw new UsageError(`--logo: ${inEnglish(read.reason)}`);
		logo = read.url;
	}
	const provinces = loadCatalogue().provinces.map((province) => province.code);
	const input = valid(chamberInput(provinces), { ...values, logo });
	if (await chambers.findBySlug(db, input.slug))
		throw new UsageError(`--slug: a chamber "${input.slug}" already exists`);
	const chamber = await chambers.create(db, input);
	console.log(`Created chamber ${chamber.slug} (${chamber.name}).`);
}

/** An ISO date and time with its offset (`…T09:30:00Z`) as a Date; undefined for anything else (a day, nothing). */
function exactInstant(value: string | undefined): Date | undefined {
	return value !== undefined && z.iso.datetime({ offset: true }).safeParse(value).success
		? new Date(value)
		: undefined;
}

async function createCampaign(db: Db, args: string[]) {
	const { values } = parseArgs({
		args,
		options: {
			chamber: { type: 'string' },
			name: { type: 'string' },
			opens: { type: 'string' },
			closes: { type: 'string' }
		}
	});
	const chamber = values.chamber ? await chambers.findBySlug(db, values.chamber) : undefined;
	if (!chamber) throw new UsageError(`--chamber: no chamber "${values.chamber ?? ''}"`);
	// Besides a day as the forms take it, an exact instant (`2027-03-31T09:30:00Z`), for scripts and tests that need
	// a campaign closing within minutes.
	const opens = exactInstant(values.opens);
	const closes = exactInstant(values.closes);
	const input = valid(
		campaignInput,
		{
			name: values.name,
			opensAt: opens ? undefined : values.opens,
			closesAt: closes ? undefined : values.closes
		},
		{ opensAt: 'opens', closesAt: 'closes' }
	);
	const opensAt = opens ?? input.opensAt ?? new Date();
	const closesAt = closes ?? input.closesAt;
	if (closesAt && closesAt <= opensAt) throw new UsageError('--closes: must come after --opens');
	const { code } = await campaigns.create(db, {
		chamberId: chamber.id,
		name: input.name,
		questionnaireId: DEFAULT_QUESTIONNAIRE,
		opensAt,
		closesAt
	});
	// The code alone on the last line, so scripts can take it with `tail -n 1`.
	console.log(`Created campaign "${input.name}" for ${chamber.slug}. Share link: /c/${code}`);
	console.log(code);
}

/** The whole of standard input, without its final line break: where the password comes from. */
async function readStdin(): Promise<string> {
	const chunks: Buffer[] = [];
	for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
	const text = Buffer.concat(chunks)
		.toString('utf8')
		.replace(/\r?\n$/, '');
	const clean = cleanText(text);
	if (clean === undefined)
		throw new UsageError(`standard input: ${inEnglish('form.error_control')}`);
	return clean;
}

/**
 * The arguments under the app's one rule for text (src/lib/text.ts): in NFC, or a usage error naming the option
 * of the first one with a control character, before anything reaches the database.
 */
function cleanArguments(args: string[]): string[] {
	return args.map((arg, index) => {
		const clean = cleanText(arg);
		if (clean !== undefined) return clean;
		const option = arg.startsWith('--') ? arg.split('=')[0] : (args[index - 1] ?? arg);
		throw new UsageError(`${option}: ${inEnglish('form.error_control')}`);
	});
}

const ROLES = { chamber_admin: 'admin', chamber_viewer: 'member' } as const;

async function createUser(db: Db, args: string[]) {
	const { values } = parseArgs({
		args,
		options: {
			email: { type: 'string' },
			name: { type: 'string' },
			role: { type: 'string' },
			chamber: { type: 'string' }
		}
	});
	const input = valid(
		z.object({
			email,
			name: z.string().trim().min(2, 'admin.error_name').max(200, 'admin.error_name'),
			role: z.enum(['platform_admin', 'chamber_admin', 'chamber_viewer'], 'admin.error_role')
		}),
		values
	);
	const chamber = values.chamber ? await chambers.findBySlug(db, values.chamber) : undefined;
	if (input.role !== 'platform_admin' && !chamber)
		throw new UsageError(`--chamber: no chamber "${values.chamber ?? ''}"`);
	const password = valid(z.object({ password: newPassword }), { password: await readStdin() });
	const auth = createAuth(parseConfig(process.env), db);
	const userId = await createAccount(auth, {
		...input,
		password: password.password,
		platformAdmin: input.role === 'platform_admin'
	});
	if (chamber && input.role !== 'platform_admin') {
		await addToChamber(auth, { userId, chamberId: chamber.id, role: ROLES[input.role] });
	}
	console.log(`Created ${input.role} ${input.email}${chamber ? ` in ${chamber.slug}` : ''}.`);
}

/** A chamber's API token for its own systems, printed once (only its hash is stored). */
async function createApiToken(db: Db, args: string[]) {
	const { values } = parseArgs({
		args,
		options: {
			chamber: { type: 'string' },
			name: { type: 'string' },
			role: { type: 'string' },
			expires: { type: 'string' }
		}
	});
	const chamber = values.chamber ? await chambers.findBySlug(db, values.chamber) : undefined;
	if (!chamber) throw new UsageError(`--chamber: no chamber "${values.chamber ?? ''}"`);
	const role = valid(
		z.object({ role: z.enum(['chamber_admin', 'chamber_viewer'], 'admin.error_role') }),
		values
	).role;
	const input = valid(
		apiTokenInput,
		{ name: values.name, role: ROLES[role], expiresAt: values.expires },
		{ expiresAt: 'expires' }
	);
	const { id, token } = await issueApiToken(db, {
		...input,
		chamberId: chamber.id,
		createdBy: 'cli'
	});
	await auditLog.record(db, { actor: 'cli', action: 'api_token.create', target: id });
	// The token alone on the last line, so scripts can take it with `tail -n 1`; it is never shown again.
	console.log(
		`Created API token "${input.name}" (${role}) for ${chamber.slug}. It is shown only now:`
	);
	console.log(token);
}

/** Prints a new set-up link while no platform administrator exists (for an operator who missed the first one). */
async function setupLink(db: Db) {
	const { origin, port } = parseConfig(process.env);
	const link = await platformSetupLink(db, origin ?? `http://localhost:${port}`);
	if (!link)
		throw new UsageError('a platform administrator exists already; use create-user instead');
	console.log(link);
}

/**
 * One reminder round, as each server runs every ten minutes: for a deployment that prefers cron, and for the
 * browser tests, which ask for the reminders due some days ahead (`--as-of`) instead of waiting for them.
 */
async function sendReminders(db: Db, args: string[]) {
	const { values } = parseArgs({ args, options: { 'as-of': { type: 'string' } } });
	const asOf = values['as-of'] ? new Date(values['as-of']) : new Date();
	if (Number.isNaN(asOf.getTime())) throw new UsageError('--as-of: expected a date and time');
	if (!parseConfig(process.env).mail) throw new UsageError('SMTP_URL is not set: no mail is sent');
	console.log(`Sent ${await sendDueReminders(db, asOf)} reminder(s).`);
}

const commands: Record<string, (db: Db, args: string[]) => Promise<void>> = {
	'setup-link': setupLink,
	'create-chamber': createChamber,
	'create-campaign': createCampaign,
	'create-user': createUser,
	'create-api-token': createApiToken,
	'send-reminders': sendReminders
};

const [name, ...args] = process.argv.slice(2);
const command = name ? commands[name] : undefined;
if (!command) {
	console.error(USAGE);
	process.exit(2);
}
let db: Db | undefined;
try {
	db = connect(parseConfig(process.env).database);
	await migrateToLatest(db);
	await command(db, cleanArguments(args));
} catch (error) {
	reportFailure(error, USAGE);
} finally {
	await db?.destroy();
}
