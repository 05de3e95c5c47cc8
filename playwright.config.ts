import { defineConfig } from '@playwright/test';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// E2E_PORT lets two checkouts run their browser tests side by side.
const PORT = Number(process.env.E2E_PORT ?? 4173);
// The tests read the address from here (admin links, Origin headers of hand-made requests).
process.env.E2E_ORIGIN = `http://localhost:${PORT}`;

// A fresh database for every run of the suite. Kept in the environment so that the worker processes, which load
// this file again, use the same file (tests create chambers and campaigns in it with `npm run admin`).
process.env.E2E_DATABASE_URL ??= join(tmpdir(), `yh-e2e-${Date.now()}.db`);

// The test SMTP server (started by globalSetup, on a port beside the app's so that checkouts do not collide) and
// the folder where it leaves every mail for the tests to read.
process.env.E2E_SMTP_PORT ??= String(PORT - 4173 + 2525);
process.env.E2E_SMTP_URL = `smtp://127.0.0.1:${process.env.E2E_SMTP_PORT}`;
process.env.E2E_MAIL_DIR ??= join(tmpdir(), `yh-e2e-mail-${Date.now()}`);

/** Debian's Chromium, never a downloaded browser; quiet flags for a machine without internet. */
const chromium = {
	executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
	args: [
		'--no-sandbox',
		'--disable-gpu',
		'--disable-dev-shm-usage',
		'--disable-background-networking',
		'--disable-component-update',
		'--disable-sync',
		'--disable-quic',
		'--no-first-run'
	]
};

export default defineConfig({
	testDir: 'tests/e2e',
	testMatch: '**/*.e2e.ts',
	globalSetup: './tests/e2e/global-setup.ts',
	fullyParallel: true,
	// Walking the whole questionnaire (with axe on every step, or a PDF download at the end) takes 15–35 s on a
	// 2-core machine running two browsers.
	timeout: 60_000,
	workers: 2,
	retries: process.env.CI ? 1 : 0,
	reporter: process.env.CI ? 'list' : [['list']],
	use: {
		baseURL: `http://localhost:${PORT}`,
		launchOptions: chromium,
		trace: 'retain-on-failure'
	},
	projects: [
		{ name: 'js', use: { javaScriptEnabled: true } },
		// The same flows with JavaScript off, for tests tagged @no-js: forms must work without it.
		{ name: 'no-js', grep: /@no-js/, use: { javaScriptEnabled: false } }
	],
	webServer: {
		command: 'npm run build && node scripts/server.js',
		url: `http://localhost:${PORT}/healthz`,
		timeout: 180_000,
		reuseExistingServer: false,
		env: {
			PORT: String(PORT),
			ORIGIN: `http://localhost:${PORT}`,
			DATABASE_URL: process.env.E2E_DATABASE_URL,
			SMTP_URL: process.env.E2E_SMTP_URL,
			MAIL_FROM: 'Yeşil Hazırlık <no-reply@example.org>'
		}
	}
});
