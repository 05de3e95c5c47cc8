import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface RunningServer {
	url: string;
	/** The server's process id, for reading its memory use. */
	pid: number;
	stop(): void;
}

/**
 * Starts the built app as `npm start` does (scripts/server.js) on a fresh SQLite file (unless `env` names another)
 * and waits for it.
 */
export function startServer(
	port: number,
	env: Record<string, string> = {}
): Promise<RunningServer> {
	const dir = mkdtempSync(join(tmpdir(), 'yh-bench-'));
	return startNode('scripts/server.js', port, '/healthz', {
		DATABASE_URL: join(dir, 'bench.db'),
		...env
	});
}

/** Runs `entry` with node on `port` and waits until `readyPath` answers 200 (10 s at most). */
export async function startNode(
	entry: string,
	port: number,
	readyPath: string,
	env: Record<string, string> = {}
): Promise<RunningServer> {
	const child: ChildProcess = spawn(process.execPath, [entry], {
		env: { ...process.env, PORT: String(port), ORIGIN: `http://localhost:${port}`, ...env },
		stdio: ['ignore', 'ignore', 'inherit']
	});
	const url = `http://localhost:${port}`;
	for (let attempt = 0; attempt < 100; attempt++) {
		try {
			if ((await fetch(`${url}${readyPath}`)).ok) {
				return { url, pid: child.pid!, stop: () => child.kill() };
			}
		} catch {
			// not listening yet
		}
		await new Promise((resolve) => setTimeout(resolve, 100));
	}
	child.kill();
	throw new Error(`${entry} did not start within 10 s`);
}
