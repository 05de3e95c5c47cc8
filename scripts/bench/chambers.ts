import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { chamberStatistics } from '../../src/lib/server/aggregates';
import { issueApiToken } from '../../src/lib/server/auth/api-tokens';
import { connect, type Db } from '../../src/lib/server/db/connect';
import type { Database } from '../../src/lib/server/config';
import * as chambers from '../../src/lib/server/db/chambers';
import { questionnaire } from '../../src/lib/server/content';
import { startServer } from './server';

const median = (values: number[]) =>
	[...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/**
 * Fills a database with `npm run seed` (100,000 submitted assessments across 20 chambers) and returns the slug of
 * the largest chamber.
 */
export function seed(databaseUrl: string, extra: string[] = []): string {
	const output = execFileSync(
		process.execPath,
		['--import', 'tsx', 'scripts/seed.ts', '--chambers', '20', '--assessments', '100000', ...extra],
		{ env: { ...process.env, DATABASE_URL: databaseUrl }, encoding: 'utf8' }
	);
	return /largest chamber: ([a-z0-9-]+)/.exec(output)![1];
}

/** Milliseconds one chamber's dashboard statistics take on a connection opened for them. */
async function statisticsRuns(
	database: Database,
	slug: string,
	compareAllChambers: boolean,
	runs: number
): Promise<number[]> {
	const db: Db = connect(database);
	try {
		const chamber = (await chambers.findBySlug(db, slug))!;
		const definition = questionnaire();
		const times: number[] = [];
		for (let i = 0; i < runs; i++) {
			const start = performance.now();
			await chamberStatistics(
				db,
				chamber.id,
				{},
				{
					minGroupSize: 5,
					levels: definition.levels.map((level) => level.id),
					themes: definition.themes.map((theme) => theme.id),
					compareAllChambers
				}
			);
			times.push(performance.now() - start);
		}
		return times;
	} finally {
		await db.destroy();
	}
}

/**
 * One chamber's dashboard statistics: the median milliseconds of `runs` views on one connection after a first
 * (views that find the firms parsed, as a chamber's staff trying filters does), and of a first view on a new
 * connection, with the code warm, which parses the chamber's summary rows (as the first view after a change does).
 */
export async function statisticsTime(
	database: Database,
	slug: string,
	options: { compareAllChambers?: boolean; runs?: number } = {}
): Promise<{ median: number; firstView: number }> {
	const compare = options.compareAllChambers ?? false;
	const [, ...views] = await statisticsRuns(database, slug, compare, 1 + (options.runs ?? 5));
	const [firstView] = await statisticsRuns(database, slug, compare, 1);
	return { median: median(views), firstView };
}

/** The resident memory of a process, in bytes (Linux). */
function rss(pid: number): number {
	const status = readFileSync(`/proc/${pid}/status`, 'utf8');
	return Number(/VmRSS:\s+(\d+) kB/.exec(status)![1]) * 1024;
}

/**
 * Downloads the largest chamber's consenting firms from the built server, as CSV and then as XLSX, through the API
 * with an administrator's token (signing in as an administrator takes two-step verification): for each,
 * milliseconds, bytes, and how far the server's memory rose above its level before it.
 */
export async function respondentExports(sqlitePath: string, slug: string, port: number) {
	const db = connect({ kind: 'sqlite', path: sqlitePath });
	const chamber = (await chambers.findBySlug(db, slug))!;
	const { token } = await issueApiToken(db, {
		chamberId: chamber.id,
		name: 'bench',
		role: 'admin',
		createdBy: 'cli'
	});
	await db.destroy();

	const server = await startServer(port, { DATABASE_URL: sqlitePath });
	try {
		const download = async (format: 'csv' | 'xlsx') => {
			const before = rss(server.pid);
			let peak = before;
			const sampler = setInterval(() => (peak = Math.max(peak, rss(server.pid))), 10);
			const start = performance.now();
			const response = await fetch(
				`${server.url}/api/v1/chambers/${slug}/exports/respondents.${format}`,
				{ headers: { authorization: `Bearer ${token}` } }
			);
			if (!response.ok) throw new Error(`the ${format} export answered ${response.status}`);
			const body = Buffer.from(await response.arrayBuffer());
			const ms = performance.now() - start;
			clearInterval(sampler);
			return { ms, body, peakRise: peak - before };
		};
		const csv = await download('csv');
		const xlsx = await download('xlsx');
		// The CSV's lines: the about lines and the empty one, the header, then a line per firm.
		const rows = csv.body.toString('utf8').split('\r\n').length - 2 - 5;
		return {
			csv: { ms: csv.ms, bytes: csv.body.length, rows, peakRise: csv.peakRise },
			xlsx: { ms: xlsx.ms, bytes: xlsx.body.length, peakRise: xlsx.peakRise }
		};
	} finally {
		server.stop();
	}
}

/** A scratch SQLite file for the chamber figures. */
export function scratchSqlite(): string {
	return join(mkdtempSync(join(tmpdir(), 'yh-bench-chambers-')), 'chambers.db');
}
