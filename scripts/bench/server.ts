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

/** Starts the built server (`node build`) on a fresh SQLite file (unless `env` names another) and waits for it. */
export async function startServer(
	port: number,
	env: Record<string, string> = {}
): Promise<RunningServer> {
	const dir = mkdtempSync(join(tmpdir(), 'yh-bench-'));
	const child: ChildProcess = spawn(process.execPath, ['build'], {
		env: {
			...process.env,
			PORT: String(port),
			ORIGIN: `http://localhost:${port}`,
			DATABASE_URL: join(dir, 'bench.db'),
			...env
		},
		stdio: ['ignore', 'ignore', 'inherit']
	});
	const url = `http://localhost:${port}`;
	for (let attempt = 0; attempt < 100; attempt++) {
		try {
			if ((await fetch(`${url}/healthz`)).ok) {
				return { url, pid: child.pid!, stop: () => child.kill() };
			}
		} catch {
			// not listening yet
		}
		await new Promise((resolve) => setTimeout(resolve, 100));
	}
	child.kill();
	throw new Error('the server did not start within 10 s');
}
