// `npm run admin -- <command> [options]`: chamber administration from the shell (see README).
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { ConfigError, parseConfig } from '../src/lib/server/config';
import { connect, migrateToLatest, type Db } from '../src/lib/server/db/connect';
import * as campaigns from '../src/lib/server/db/campaigns';
import * as chambers from '../src/lib/server/db/chambers';
import { campaignInput, chamberInput, logoDataUrl } from '../src/lib/server/chamber-input';
import { DEFAULT_QUESTIONNAIRE, loadCatalogue } from '../src/lib/server/questionnaires';
import type { z } from 'zod';

const USAGE = `usage:
  npm run admin -- create-chamber --slug <slug> --name "<name>" [--province <plate code>] [--logo <file.png|jpg>]
  npm run admin -- create-campaign --chamber <slug> --name "<name>" [--opens <date>] [--closes <date>]`;

/** A mistake in the command line: printed as one line, with the usage, and exit code 2. */
class UsageError extends Error {}

function valid<T>(schema: z.ZodType<T>, input: unknown): T {
	const parsed = schema.safeParse(input);
	if (parsed.success) return parsed.data;
	const issue = parsed.error.issues[0];
	throw new UsageError(`--${String(issue.path[0] ?? '')}: ${issue.message}`);
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
		if (!read.ok) throw new UsageError(`--logo: ${read.reason}`);
		logo = read.url;
	}
	const provinces = loadCatalogue().provinces.map((province) => province.code);
	const input = valid(chamberInput(provinces), { ...values, logo });
	if (await chambers.findBySlug(db, input.slug))
		throw new UsageError(`--slug: a chamber "${input.slug}" already exists`);
	const chamber = await chambers.create(db, input);
	console.log(`Created chamber ${chamber.slug} (${chamber.name}).`);
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
	const input = valid(campaignInput, {
		name: values.name,
		opensAt: values.opens,
		closesAt: values.closes
	});
	const code = await campaigns.create(db, {
		chamberId: chamber.id,
		name: input.name,
		questionnaireId: DEFAULT_QUESTIONNAIRE,
		opensAt: input.opensAt ?? new Date(),
		closesAt: input.closesAt
	});
	// The code alone on the last line, so scripts can take it with `tail -n 1`.
	console.log(`Created campaign "${input.name}" for ${chamber.slug}. Share link: /c/${code}`);
	console.log(code);
}

const commands: Record<string, (db: Db, args: string[]) => Promise<void>> = {
	'create-chamber': createChamber,
	'create-campaign': createCampaign
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
	await command(db, args);
} catch (error) {
	// parseArgs refuses unknown or malformed options with an ERR_PARSE_ARGS_* error.
	const badArguments = (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS');
	if (error instanceof UsageError || error instanceof ConfigError || badArguments) {
		console.error((error as Error).message);
		console.error(USAGE);
		process.exitCode = 2;
	} else {
		console.error(error instanceof Error ? error.message : String(error));
		process.exitCode = 1;
	}
} finally {
	await db?.destroy();
}
