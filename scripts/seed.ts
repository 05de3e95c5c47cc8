// `node --import tsx scripts/seed.ts --chambers 20 --assessments 100000 [--seed 1] [--schema <name>]`: fills the
// database of DATABASE_URL with made-up chambers, campaigns and assessments for the chamber dashboard's performance
// figures. Never point it at a database with real data.
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import { z } from 'zod';
import { parseConfig } from '../src/lib/server/config';
import { connect, migrateToLatest, type Db } from '../src/lib/server/db/connect';
import { loadCatalogue, questionnaire } from '../src/lib/server/content';
import { seededRandom } from '../tests/fixtures/answers';
import { seed } from './seed/generate';
import { reportFailure, UsageError } from './cli';

const USAGE =
	'usage: node --import tsx scripts/seed.ts --chambers <1–1000> --assessments <1–1000000> [--seed <0–4294967295>] ' +
	'[--schema <PostgreSQL schema, created if missing>]';

const wholeNumber = (min: number, max: number) => {
	const message = `expected a whole number from ${min} to ${max}`;
	return z
		.string({ error: message })
		.regex(/^\d+$/, message)
		.transform(Number)
		.pipe(z.number().min(min, message).max(max, message));
};

const argsSchema = z.object({
	chambers: wholeNumber(1, 1000),
	assessments: wholeNumber(1, 1_000_000),
	// The seed feeds a 32-bit generator: larger numbers would silently repeat smaller ones.
	seed: wholeNumber(0, 2 ** 32 - 1).optional(),
	schema: z
		.string()
		.regex(/^[a-z_][a-z0-9_]*$/, 'expected lower-case letters, digits and _')
		.optional()
});

function parseArguments(args: string[]) {
	const { values } = parseArgs({
		args,
		options: {
			chambers: { type: 'string' },
			assessments: { type: 'string' },
			seed: { type: 'string' },
			schema: { type: 'string' }
		}
	});
	const parsed = argsSchema.safeParse(values);
	if (parsed.success) return parsed.data;
	const issue = parsed.error.issues[0];
	throw new UsageError(`--${String(issue.path[0] ?? '')}: ${issue.message}`);
}

let db: Db | undefined;
try {
	const args = parseArguments(process.argv.slice(2));
	const { database } = parseConfig(process.env);
	if (args.schema && database.kind !== 'postgres')
		throw new UsageError('--schema: only for a PostgreSQL DATABASE_URL');
	db = connect(database, { searchPath: args.schema });
	if (args.schema) await sql`create schema if not exists ${sql.id(args.schema)}`.execute(db);
	await migrateToLatest(db);
	const seeded = await db
		.selectFrom('chamber')
		.select('slug')
		.where('slug', 'like', 'seed-%')
		.executeTakeFirst();
	if (seeded) throw new Error(`this database was seeded already (${seeded.slug}); use a new one`);

	// A seed run writes some 600 MB into a new file. Without WAL and fsyncs SQLite does that in under half the time,
	// and a run that dies half-way is simply repeated on a new file; WAL is back on for the app afterwards.
	if (database.kind === 'sqlite') {
		await sql`pragma journal_mode = memory`.execute(db);
		await sql`pragma synchronous = off`.execute(db);
	}
	const start = performance.now();
	// The clock is rounded to the day so that the same seed gives the same rows all day long.
	const today = new Date(new Date().toISOString().slice(0, 10));
	const summary = await seed(
		db,
		questionnaire(),
		loadCatalogue().provinces,
		seededRandom(args.seed ?? 1),
		{
			chambers: args.chambers,
			assessments: args.assessments,
			now: today
		}
	);
	const seconds = ((performance.now() - start) / 1000).toFixed(1);
	if (database.kind === 'sqlite') await sql`pragma journal_mode = wal`.execute(db);
	console.log(
		`Seeded ${summary.chambers} chambers, ${summary.campaigns} campaigns, ${summary.submitted} submitted ` +
			`assessments (${summary.reassessments} re-assessments, ${summary.consented} sharing identity, ` +
			`${summary.scores} theme scores) and ${summary.drafts} drafts into ${database.kind} in ${seconds} s; ` +
			`largest chamber: ${summary.largest.slug} (${summary.largest.submitted} submitted).`
	);
} catch (error) {
	reportFailure(error, USAGE, true);
} finally {
	await db?.destroy();
}
