import { readFileSync } from 'node:fs';
import { load, type LoadResult } from './load';
import type { RunningServer } from './server';

export interface Throughput extends LoadResult {
	/**
	 * CPU time the server spent per response: unlike requests per second, hardly moved by whatever else the machine
	 * is running, so the ratio of the two apps' figures cross-checks the ratio of their throughputs.
	 */
	cpuMsPerRequest: number;
}

const mean = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;

/** CPU milliseconds a process has used so far, all its threads (Linux; /proc counts in hundredths of a second). */
function cpuMs(pid: number): number {
	const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
	// utime and stime, the 14th and 15th fields of the line (the 12th and 13th after the command's name).
	return (Number(fields[11]) + Number(fields[12])) * 10;
}

async function measure(server: RunningServer, path: string): Promise<Throughput> {
	const before = cpuMs(server.pid);
	const result = await load(`${server.url}${path}`);
	return { ...result, cpuMsPerRequest: (cpuMs(server.pid) - before) / result.requests };
}

/**
 * The app's page and the bare app's page under the same load, taken in turns (`rounds` of each, after a short
 * warm-up of both) so that whatever else the machine is doing weighs on both alike: the mean of the rounds.
 */
export async function compareThroughput(
	app: { server: RunningServer; path: string },
	bare: { server: RunningServer; path: string },
	rounds = 2
): Promise<{ app: Throughput; bare: Throughput }> {
	await load(`${app.server.url}${app.path}`, { seconds: 5 });
	await load(`${bare.server.url}${bare.path}`, { seconds: 5 });
	const appResults: Throughput[] = [];
	const bareResults: Throughput[] = [];
	for (let round = 0; round < rounds; round++) {
		appResults.push(await measure(app.server, app.path));
		bareResults.push(await measure(bare.server, bare.path));
	}
	const average = (results: Throughput[]): Throughput => ({
		requestsPerSecond: Math.round(mean(results.map((result) => result.requestsPerSecond))),
		p99Ms: Math.round(mean(results.map((result) => result.p99Ms))),
		errors: results.reduce((sum, result) => sum + result.errors, 0),
		requests: results.reduce((sum, result) => sum + result.requests, 0),
		cpuMsPerRequest: mean(results.map((result) => result.cpuMsPerRequest))
	});
	return { app: average(appResults), bare: average(bareResults) };
}
