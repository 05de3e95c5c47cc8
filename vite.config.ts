import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';

export default defineConfig({
	plugins: [sveltekit()],
	ssr: {
		// better-auth ships Svelte helpers, so the Svelte plugin would bundle it; kept external it loads its own
		// @noble/ciphers 2.x from its folder instead of pdfkit's 1.x at the top of node_modules.
		external: ['better-auth']
	},
	test: {
		expect: { requireAssertions: true },
		include: ['tests/unit/**/*.spec.ts', 'tests/integration/**/*.spec.ts'],
		// Integration tests share one PostgreSQL server; each file gets its own schema, so files may run in parallel.
		testTimeout: 20_000
	}
});
