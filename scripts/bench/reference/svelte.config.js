// The bare reference app of `npm run bench`: SvelteKit with adapter-node and the app's own CSP, nothing else.
import adapter from '@sveltejs/adapter-node';
import { fileURLToPath } from 'node:url';
import app from '../../../svelte.config.js';

// Built into node_modules/.cache, which every tool and git already ignore, and from where the built server still
// finds the project's packages.
const out = fileURLToPath(
	new URL('../../../node_modules/.cache/bench-reference/', import.meta.url)
);

/** @type {import('@sveltejs/kit').Config} */
export default {
	kit: {
		adapter: adapter({ out: `${out}build` }),
		outDir: `${out}.svelte-kit`,
		csp: app.kit?.csp
	}
};
