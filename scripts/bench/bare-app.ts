import { execFileSync } from 'node:child_process';
import { startNode, type RunningServer } from './server';

const FIXTURE = 'scripts/bench/reference';

/**
 * Builds and starts the bare reference app (scripts/bench/reference: SvelteKit with adapter-node, the app's CSP and
 * one page with an eight-question form), the yardstick the app's throughput is measured against in the same run.
 * Served as adapter-node serves it (`node build`), with no compression, as the load is measured without it.
 */
export async function startBareApp(port: number): Promise<RunningServer> {
	// SvelteKit reads svelte.config.js from the working folder, so the build runs in the fixture's.
	execFileSync(process.execPath, ['../../../node_modules/vite/bin/vite.js', 'build'], {
		cwd: FIXTURE,
		stdio: 'ignore'
	});
	return startNode('node_modules/.cache/bench-reference/build', port, '/');
}
