import { execFile, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import SQLite from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);

/** `npm run db:backup -- <target>` with the given DATABASE_URL; never throws, returns the exit code and output. */
async function backup(databaseUrl: string, target: string) {
	try {
		const { stdout, stderr } = await run(
			process.execPath,
			['--import', 'tsx', 'scripts/backup.ts', target],
			{ env: { ...process.env, DATABASE_URL: databaseUrl, AUTH_SECRET: '' } }
		);
		return { code: 0, output: stdout + stderr };
	} catch (error) {
		const failed = error as { code: number; stdout: string; stderr: string };
		return { code: failed.code, output: failed.stdout + failed.stderr };
	}
}

/**
 * A second process writing to the database until stopped: each transaction adds a ledger row and raises the total
 * by the same amount, so any copy that mixes two moments shows a total that disagrees with its rows.
 */
async function keepWriting(path: string) {
	const child = spawn(
		process.execPath,
		[
			'-e',
			`const db = new (require('better-sqlite3'))(process.argv[1]);
			db.pragma('journal_mode = WAL');
			db.pragma('busy_timeout = 5000');
			const add = db.transaction(() => {
				db.prepare('insert into ledger (note) values (?)').run('x'.repeat(100));
				db.prepare('update total set rows = rows + 1').run();
			});
			let written = 0;
			(function loop() { for (let i = 0; i < 20; i++) add(); written += 20; if (written === 200) console.log('writing'); setImmediate(loop); })();`,
			path
		],
		{ stdio: ['ignore', 'pipe', 'inherit'] }
	);
	await new Promise((resolve) => child.stdout.once('data', resolve));
	return () =>
		new Promise<void>((resolve) => {
			child.on('exit', () => resolve());
			child.kill();
		});
}

describe('npm run db:backup', () => {
	const dir = mkdtempSync(join(tmpdir(), 'yh-backup-'));
	afterAll(() => rmSync(dir, { recursive: true, force: true }));

	it('copies a SQLite database consistently while another process writes to it', async () => {
		const path = join(dir, 'live.db');
		const db = new SQLite(path);
		db.pragma('journal_mode = WAL');
		db.exec(
			'create table ledger (id integer primary key, note text); create table total (rows integer)'
		);
		db.prepare('insert into total values (0)').run();
		db.transaction(() => {
			for (let i = 0; i < 50_000; i++)
				db.prepare('insert into ledger (note) values (?)').run('y'.repeat(100));
			db.prepare('update total set rows = 50000').run();
		})();
		db.close();

		const stop = await keepWriting(path);
		const target = join(dir, 'copy.db');
		const outcome = await backup(path, target);
		await stop();

		expect(outcome.code).toBe(0);
		expect(outcome.output).toContain('integrity ok');
		expect(outcome.output).toMatch(/auth-secret|AUTH_SECRET/);
		expect(existsSync(`${target}.partial`)).toBe(false);
		const copy = new SQLite(target, { readonly: true });
		expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
		const rows = copy.prepare('select count(*) from ledger').pluck().get() as number;
		expect(rows).toBeGreaterThan(50_000);
		expect(copy.prepare('select rows from total').pluck().get()).toBe(rows);
		copy.close();
	});

	it('refuses to overwrite an existing file', async () => {
		const path = join(dir, 'small.db');
		new SQLite(path).close();
		const target = join(dir, 'taken.db');
		new SQLite(target).close();
		const outcome = await backup(path, target);
		expect(outcome.code).not.toBe(0);
		expect(outcome.output).toContain('exists');
	});

	it('points to pg_dump for PostgreSQL and copies nothing', async () => {
		const target = join(dir, 'pg.dump');
		const outcome = await backup('postgres://nobody@127.0.0.1:1/none', target);
		expect(outcome.code).not.toBe(0);
		expect(outcome.output).toContain('pg_dump');
		expect(existsSync(target)).toBe(false);
	});
});
