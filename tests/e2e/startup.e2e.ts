import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { expect, test } from './test';

// The suite's web server has already built ./build; these start a second one, as `npm start` does, that must
// refuse to run.
const server = resolve('scripts/server.js');

function start(env: Record<string, string>, cwd = process.cwd()) {
	return spawnSync(process.execPath, [server], {
		cwd,
		env: { ...process.env, PORT: '4999', ...env },
		encoding: 'utf8',
		timeout: 20_000
	});
}

test('a bad setting stops the server with one line naming the variable', () => {
	const run = start({ MIN_GROUP_SIZE: '1' });
	expect(run.status).toBe(1);
	const lines = run.stderr.trim().split('\n');
	expect(lines).toHaveLength(1);
	expect(lines[0]).toMatch(/^Configuration error: MIN_GROUP_SIZE: /);
});

test('a broken questionnaire file stops the server with every problem listed', () => {
	// The server looks for questionnaires/ from where it is started first.
	const dir = mkdtempSync(join(tmpdir(), 'yh-broken-'));
	try {
		cpSync('questionnaires', join(dir, 'questionnaires'), { recursive: true });
		const file = join(dir, 'questionnaires', 'green-deal-readiness.yaml');
		writeFileSync(file, readFileSync(file, 'utf8').replace('score: 4,', 'score: 7,'));
		const run = start({ DATABASE_URL: join(dir, 'x.db') }, dir);
		expect(run.status).toBe(1);
		expect(run.stderr).toContain('Questionnaire files have problems:');
		expect(run.stderr).toMatch(
			/green-deal-readiness\.yaml: themes\[0\]\.questions\[0\]\.options\[3\]\.score: must be between 0 and 4/
		);
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
});
