import { spawnSync } from 'node:child_process';
import { expect, test } from '@playwright/test';

test('a bad setting stops the server with one line naming the variable', () => {
	// The suite's web server has already built ./build; start a second one with a bad value.
	const run = spawnSync(process.execPath, ['build'], {
		env: { ...process.env, PORT: '4999', MIN_GROUP_SIZE: '1' },
		encoding: 'utf8',
		timeout: 20_000
	});
	expect(run.status).toBe(1);
	const lines = run.stderr.trim().split('\n');
	expect(lines).toHaveLength(1);
	expect(lines[0]).toMatch(/^Configuration error: MIN_GROUP_SIZE: /);
});
