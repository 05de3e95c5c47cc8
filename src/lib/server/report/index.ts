import { availableParallelism } from 'node:os';
import Piscina from 'piscina';
import type { ChamberReportModel } from './chamber-document';
import type { ReportModel } from './model';
import type { ReportJob } from './render';

/**
 * Draws reports in worker threads, so that a burst of downloads never stalls the pages other people are loading: a
 * report takes tens of milliseconds of CPU, which on the main thread would delay every request queued behind it.
 */

let pool: Promise<Piscina> | undefined;

/** Reports waiting for a worker before further downloads are refused (503) rather than piling up memory. */
const MAX_QUEUED_REPORTS = 32;

async function createPool(): Promise<Piscina> {
	// Imported lazily so that the build makes the renderer a chunk of its own: that chunk is what each worker loads.
	const { rendererUrl, renderDocument } = await import('./render');
	return new Piscina({
		filename: rendererUrl,
		// The function the workers call. Naming it through the function itself also stops the bundler from dropping
		// the export, which nothing on the main thread calls. (Given here rather than per task: a worker then loads
		// the module at start, after the `--import` below has taught it TypeScript.)
		name: renderDocument.name,
		// Leave one core to the main thread; the workers share the rest.
		maxThreads: Math.max(1, availableParallelism() - 1),
		minThreads: 1,
		idleTimeout: 60_000,
		// In development and tests the renderer is TypeScript source, which a bare worker cannot load.
		execArgv: rendererUrl.endsWith('.ts') ? ['--import', 'tsx'] : []
	});
}

/** Thrown when too many reports are already being drawn; the caller answers 503. */
export class ReportQueueFull extends Error {}

/** Starts the worker threads ahead of the first download, which would otherwise wait for them to load. */
export function startReportWorkers(): Promise<Piscina> {
	pool ??= createPool();
	return pool;
}

async function render(job: ReportJob): Promise<Uint8Array<ArrayBuffer>> {
	const workers = await startReportWorkers();
	if (workers.queueSize >= MAX_QUEUED_REPORTS) throw new ReportQueueFull();
	return workers.run(job);
}

/** Renders an SME's report off the main thread. */
export function renderReport(model: ReportModel): Promise<Uint8Array<ArrayBuffer>> {
	return render({ kind: 'sme', model });
}

/** Renders a chamber's aggregate report off the main thread. */
export function renderChamberReport(model: ChamberReportModel): Promise<Uint8Array<ArrayBuffer>> {
	return render({ kind: 'chamber', model });
}

/** Stops the worker threads (tests and the bench script; the server keeps them for its lifetime). */
export async function closeReportWorkers(): Promise<void> {
	if (!pool) return;
	const workers = await pool;
	pool = undefined;
	await workers.destroy();
}
