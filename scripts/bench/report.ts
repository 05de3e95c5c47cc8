import { performance } from 'node:perf_hooks';
import { load, type LoadResult } from './load';

const median = (values: number[]) =>
	[...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** Downloads a report `count` times, one after another, after one warm-up: median milliseconds and bytes. */
export async function measureReports(url: string, count = 20) {
	await (await fetch(url)).arrayBuffer();
	const times: number[] = [];
	const sizes: number[] = [];
	for (let i = 0; i < count; i++) {
		const start = performance.now();
		const body = await (await fetch(url)).arrayBuffer();
		times.push(performance.now() - start);
		sizes.push(body.byteLength);
	}
	return { medianMs: median(times), medianBytes: median(sizes) };
}

/**
 * The load on a page while `generators` clients keep downloading reports, one after another, for the whole run:
 * what other visitors feel while reports are being made.
 */
export async function pageLoadDuringReports(
	pageUrl: string,
	reportUrl: string,
	generators = 5
): Promise<LoadResult & { reports: number }> {
	let running = true;
	let reports = 0;
	const generate = async () => {
		while (running) {
			await (await fetch(reportUrl)).arrayBuffer();
			reports++;
		}
	};
	const clients = Array.from({ length: generators }, generate);
	try {
		return { ...(await load(pageUrl, { connections: 10 })), reports };
	} finally {
		running = false;
		await Promise.all(clients);
	}
}
