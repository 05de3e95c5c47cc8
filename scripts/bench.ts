// `npm run bench`: builds the app and prints one line per figure the issues ask for.
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
import { startServer } from './bench/server';

function report(name: string, value: number, unit: string) {
	console.log(`${name}: ${value} ${unit}`);
}

report('questionnaire files load and check', Number(measureLoad().toFixed(1)), 'ms');
report('scoring throughput', Math.round(measureScoring()), 'answer sets/s');

execSync('npm run build', { stdio: 'ignore' });
const server = await startServer(4300);
try {
	const landing = await measurePageWeight(`${server.url}/?lang=tr`);
	report('landing JS (gzip)', landing.jsGzipBytes, 'bytes');
	report('landing CSS (gzip)', landing.cssGzipBytes, 'bytes');

	const draft = await createAssessment(server.url);
	const submitted = await createSubmitted(server.url, questionnaire());
	const step = await measurePageWeight(`${server.url}/assessment/${draft}/resource`);
	report('step page JS (gzip)', step.jsGzipBytes, 'bytes');
	report('step page CSS (gzip)', step.cssGzipBytes, 'bytes');
	const results = await measurePageWeight(`${server.url}/assessment/${submitted}/results`);
	report('results page JS (gzip)', results.jsGzipBytes, 'bytes');
	report('results page CSS (gzip)', results.cssGzipBytes, 'bytes');

	const pages: [string, string][] = [
		['/', '/'],
		['/healthz', '/healthz'],
		['a step page', `/assessment/${draft}/resource`]
	];
	for (const [name, path] of pages) {
		const result = await load(`${server.url}${path}`);
		report(`GET ${name} throughput`, result.requestsPerSecond, 'req/s');
		report(`GET ${name} p99 latency`, result.p99Ms, 'ms');
		if (result.errors > 0) report(`GET ${name} errors`, result.errors, 'responses');
	}

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
	report('PDF report median size', reports.medianBytes, 'bytes');
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
}

// Chamber dashboards at scale: 100,000 submitted assessments across 20 chambers (npm run seed).
const sqlitePath = scratchSqlite();
const largest = seed(sqlitePath);
const sqlite = { kind: 'sqlite', path: sqlitePath } as const;
report(
	'dashboard statistics, largest chamber (SQLite, 100,000 assessments)',
	Math.round(await statisticsTime(sqlite, largest)),
	'ms'
);
report(
	'dashboard statistics with the all-chambers comparison (SQLite)',
	Math.round(await statisticsTime(sqlite, largest, { compareAllChambers: true, runs: 3 })),
	'ms'
);

const postgresUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const schema = `bench_${randomBytes(4).toString('hex')}`;
const admin = connect({ kind: 'postgres', connectionString: postgresUrl });
try {
	const pgLargest = seed(postgresUrl, ['--schema', schema]);
	const postgres = { kind: 'postgres', connectionString: postgresUrl } as const;
	report(
		'dashboard statistics, largest chamber (PostgreSQL, 100,000 assessments)',
		Math.round(await statisticsTime(postgres, pgLargest, { searchPath: schema })),
		'ms'
	);
	report(
		'dashboard statistics with the all-chambers comparison (PostgreSQL)',
		Math.round(
			await statisticsTime(postgres, pgLargest, {
				searchPath: schema,
				compareAllChambers: true,
				runs: 3
			})
		),
		'ms'
	);
} catch (error) {
	console.log(
		`PostgreSQL figures skipped: ${error instanceof Error ? error.message.split('\n')[0] : error}`
	);
} finally {
	await sql`drop schema if exists ${sql.id(schema)} cascade`.execute(admin).catch(() => undefined);
	await admin.destroy();
}

const { csv: exported, xlsx } = await respondentExports(sqlitePath, largest, 4301);
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
