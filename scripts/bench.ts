// `npm run bench`: builds the app and a bare SvelteKit app, and prints one line per figure the issues ask for; the
// figures with a goal (issue #20) say whether it is met, and are listed again at the end.
import { execSync } from 'node:child_process';
import { load } from './bench/load';
import { measurePageWeight } from './bench/page-weight';
import { questionnaire } from '../src/lib/server/content';
import { createAssessment, createSubmitted } from './bench/assessment';
import { measureLoad, measureScoring } from './bench/questionnaire';
import { measureReports, pageLoadDuringReports } from './bench/report';
import { respondentExports, scratchSqlite, seed, statisticsTime } from './bench/chambers';
import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { connect } from '../src/lib/server/db/connect';
import type { Database } from '../src/lib/server/config';
import { startServer } from './bench/server';
import { startBareApp } from './bench/bare-app';
import { compareThroughput } from './bench/throughput';
import { wireSize } from './bench/wire';
import { checkGoal, checkSize, checkTime, kilobytes, printGoals } from './bench/goals';
import { measureLighthouse } from './bench/lighthouse';

function report(name: string, value: number, unit: string) {
	console.log(`${name}: ${value} ${unit}`);
}

// The app, the bare app and the export server listen on three ports from BENCH_PORT on; the browser Lighthouse
// drives is remote-controlled on the fourth.
const PORT = Number(process.env.BENCH_PORT ?? 4520);

report('questionnaire files load and check', Number(measureLoad().toFixed(1)), 'ms');
report('scoring throughput', Math.round(measureScoring()), 'answer sets/s');

execSync('npm run build', { stdio: 'ignore' });
const server = await startServer(PORT);
const bare = await startBareApp(PORT + 1);
try {
	const landing = await measurePageWeight(`${server.url}/?lang=tr`);
	checkSize('landing JS (gzip)', landing.jsGzipBytes, 45);
	report('landing CSS (gzip)', landing.cssGzipBytes, 'bytes');

	const draft = await createAssessment(server.url);
	const submitted = await createSubmitted(server.url, questionnaire());
	const step = await measurePageWeight(`${server.url}/assessment/${draft}/resource`);
	checkSize('step page JS (gzip)', step.jsGzipBytes, 55);
	report('step page script files', step.scriptFiles, 'files');
	report('step page CSS (gzip)', step.cssGzipBytes, 'bytes');
	const resultsUrl = `${server.url}/assessment/${submitted}/results`;
	const results = await measurePageWeight(resultsUrl);
	checkSize('results page JS (gzip)', results.jsGzipBytes, 110);
	report('results page script files', results.scriptFiles, 'files');
	report('results page CSS (gzip)', results.cssGzipBytes, 'bytes');
	const resultsHtml = await wireSize(resultsUrl);
	const plainHtml = (await (await fetch(resultsUrl)).arrayBuffer()).byteLength;
	checkGoal(
		'results page HTML on the wire',
		`${kilobytes(resultsHtml.bytes)} ${resultsHtml.encoding} (${kilobytes(plainHtml)} uncompressed)`,
		'compressed, ≤ 25 KB',
		resultsHtml.encoding !== 'identity' && resultsHtml.bytes <= 25_000
	);

	// Lighthouse with its mobile defaults (a mid-range phone on slow 4G, simulated), on the three pages of the goal:
	// each audited five times, the median run counting (see bench/lighthouse.ts).
	const audited: [string, string][] = [
		['landing', `${server.url}/?lang=tr`],
		['a step page', `${server.url}/assessment/${draft}/resource`],
		['results', resultsUrl]
	];
	for (const [name, url] of audited) {
		const scores = await measureLighthouse(url, PORT + 3);
		checkGoal(
			`Lighthouse mobile, ${name}`,
			`performance ${scores.performance} (runs ${scores.performanceRuns.join(', ')}), ` +
				`accessibility ${scores.accessibility}`,
			'100 and 100',
			scores.performance === 100 && scores.accessibility === 100
		);
		if (scores.failing.length > 0)
			console.log(`  audits short of full marks in the median run: ${scores.failing.join(', ')}`);
	}
	// The same audit of the bare app's page shows what this machine's Chromium allows any SvelteKit page at all.
	const reference = await measureLighthouse(`${bare.url}/`, PORT + 3);
	console.log(
		`Lighthouse mobile, the bare app (for reference): performance ${reference.performance} ` +
			`(runs ${reference.performanceRuns.join(', ')})` +
			(reference.failing.length > 0 ? `; short of full marks: ${reference.failing.join(', ')}` : '')
	);

	// Server-side rendering against the bare app, at 50 connections, without compression (autocannon asks for none).
	const compared: [string, string, number][] = [
		['landing /', '/', 0.5],
		['a step page', `/assessment/${draft}/resource`, 0.4]
	];
	for (const [name, path, minRatio] of compared) {
		const { app, bare: reference } = await compareThroughput(
			{ server, path },
			{ server: bare, path: '/' }
		);
		const ratio = app.requestsPerSecond / reference.requestsPerSecond;
		checkGoal(
			`GET ${name} throughput`,
			`${app.requestsPerSecond} req/s, ${ratio.toFixed(2)}× the bare app's ${reference.requestsPerSecond} req/s`,
			`≥ ${minRatio}×`,
			ratio >= minRatio
		);
		const p99Ratio = app.p99Ms / reference.p99Ms;
		const p99 = `${app.p99Ms} ms, ${p99Ratio.toFixed(2)}× the bare app's ${reference.p99Ms} ms`;
		if (path === '/') checkGoal(`GET ${name} p99 latency`, p99, '≤ 2× the bare app', p99Ratio <= 2);
		else console.log(`GET ${name} p99 latency: ${p99}`);
		console.log(
			`GET ${name} server CPU per response: ${app.cpuMsPerRequest.toFixed(2)} ms, ` +
				`the bare app's ${reference.cpuMsPerRequest.toFixed(2)} ms ` +
				`(${(reference.cpuMsPerRequest / app.cpuMsPerRequest).toFixed(2)}×, less noisy than req/s)`
		);
		if (app.errors > 0) report(`GET ${name} errors`, app.errors, 'responses');
		if (reference.errors > 0) report('GET the bare app errors', reference.errors, 'responses');
	}
	const health = await load(`${server.url}/healthz`);
	report('GET /healthz throughput', health.requestsPerSecond, 'req/s');
	report('GET /healthz p99 latency', health.p99Ms, 'ms');
	// Saving a step as the enhanced form does (JavaScript on): the action answers with JSON, not a redirect page.
	const save = await load(`${server.url}/assessment/${draft}/resource?/save`, {
		method: 'POST',
		body: 'res_material_tracking=monthly&res_scrap=measured&res_water=bills&intent=next',
		headers: {
			'content-type': 'application/x-www-form-urlencoded',
			origin: server.url,
			'x-sveltekit-action': 'true'
		}
	});
	report('POST save a step throughput (SQLite)', save.requestsPerSecond, 'req/s');
	report('POST save a step p99 latency (SQLite)', save.p99Ms, 'ms');
	if (save.errors > 0) report('POST save a step errors', save.errors, 'responses');

	const reportUrl = `${server.url}/assessment/${submitted}/report.pdf`;
	const reports = await measureReports(reportUrl);
	report('PDF report median time (20 reports)', Math.round(reports.medianMs), 'ms');
	checkSize('PDF report median size', reports.medianBytes, 80);
	const stepUrl = `${server.url}/assessment/${draft}/resource`;
	const quiet = await load(stepUrl, { connections: 10 });
	report('GET a step page p99 latency, 10 connections', quiet.p99Ms, 'ms');
	const busy = await pageLoadDuringReports(stepUrl, reportUrl, 5);
	report(
		'GET a step page p99 latency, 10 connections, while 5 reports are generated',
		busy.p99Ms,
		'ms'
	);
	report('reports generated meanwhile', busy.reports, 'reports');
	if (busy.errors > 0) report('GET a step page errors during reports', busy.errors, 'responses');
} finally {
	server.stop();
	bare.stop();
}

/**
 * The largest chamber's dashboard, without and with the comparison with all chambers: the goals are for the views
 * that find its firms parsed; the first view after a change, which parses them, is printed beside.
 */
async function checkStatistics(name: string, database: Database, slug: string) {
	const alone = await statisticsTime(database, slug);
	checkTime(
		`dashboard statistics, largest chamber (${name}, 100,000 assessments)`,
		alone.median,
		100
	);
	report(`the same, first view after a change (${name})`, Math.round(alone.firstView), 'ms');
	const compared = await statisticsTime(database, slug, { compareAllChambers: true, runs: 3 });
	checkTime(
		`dashboard statistics with the all-chambers comparison (${name})`,
		compared.median,
		150
	);
	report(`the same, first view after a change (${name})`, Math.round(compared.firstView), 'ms');
}

// Chamber dashboards at scale: 100,000 submitted assessments across 20 chambers (npm run seed).
const sqlitePath = scratchSqlite();
const largest = seed(sqlitePath);
const sqlite = { kind: 'sqlite', path: sqlitePath } as const;
await checkStatistics('SQLite', sqlite, largest);

// A database of its own rather than a schema: Kysely's migrator takes another schema's migration tables for its own.
const postgresUrl = new URL(
	process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test'
);
const benchDatabase = `yh_bench_${randomBytes(4).toString('hex')}`;
const admin = connect({ kind: 'postgres', connectionString: postgresUrl.href });
try {
	await sql`create database ${sql.id(benchDatabase)}`.execute(admin);
	const database = new URL(postgresUrl);
	database.pathname = `/${benchDatabase}`;
	const url = database.href;
	const pgLargest = seed(url);
	const postgres = { kind: 'postgres', connectionString: url } as const;
	await checkStatistics('PostgreSQL', postgres, pgLargest);
} catch (error) {
	console.log(
		`PostgreSQL figures skipped: ${error instanceof Error ? error.message.split('\n')[0] : error}`
	);
} finally {
	await sql`drop database if exists ${sql.id(benchDatabase)} with (force)`
		.execute(admin)
		.catch(() => undefined);
	await admin.destroy();
}

const { csv: exported, xlsx } = await respondentExports(sqlitePath, largest, PORT + 2);
report('CSV export of consenting firms, largest chamber: rows', exported.rows, 'rows');
report('CSV export of consenting firms, largest chamber: time', Math.round(exported.ms), 'ms');
report('CSV export of consenting firms, largest chamber: size', exported.bytes, 'bytes');
report(
	'CSV export of consenting firms: server memory rise at peak',
	Math.round(exported.peakRise / 1024 / 1024),
	'MiB'
);
report('XLSX export of consenting firms, largest chamber: time', Math.round(xlsx.ms), 'ms');
report('XLSX export of consenting firms, largest chamber: size', xlsx.bytes, 'bytes');
report(
	'XLSX export of consenting firms: server memory rise at peak',
	Math.round(xlsx.peakRise / 1024 / 1024),
	'MiB'
);

printGoals();
