// `npm run bench`: builds the app and prints one line per figure the issues ask for.
import { execSync } from 'node:child_process';
import { load } from './bench/load';
import { measurePageWeight } from './bench/page-weight';
import { measureLoad, measureScoring } from './bench/questionnaire';
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

	for (const path of ['/', '/healthz']) {
		const result = await load(`${server.url}${path}`);
		report(`GET ${path} throughput`, result.requestsPerSecond, 'req/s');
		report(`GET ${path} p99 latency`, result.p99Ms, 'ms');
		if (result.errors > 0) report(`GET ${path} errors`, result.errors, 'responses');
	}
} finally {
	server.stop();
}
