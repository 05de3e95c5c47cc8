import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';

export default defineConfig({
	plugins: [sveltekit()],
	test: {
		expect: { requireAssertions: true },
		include: ['tests/unit/**/*.spec.ts', 'tests/integration/**/*.spec.ts'],
		// Integration tests share one PostgreSQL server; each file gets its own schema, so files may run in parallel.
		testTimeout: 20_000
	}
});
