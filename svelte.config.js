import adapter from '@sveltejs/adapter-node';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	// Svelte would add, to every page, a small script that records its version in `window.__svelte`.
	compilerOptions: { discloseVersion: false },
	kit: {
		adapter: adapter(),
		// Stylesheets under 4 KB (a page's own and its components') go inline, so a phone paints after the HTML and
		// the root layout's shared stylesheet (8 KB, cached from then on) rather than after a request per component:
		// a step page asked for ten. Inlining the shared one too would grow every page for little.
		inlineStyleThreshold: 4096,
		typescript: {
			// Type-check the scripts and the Playwright configuration with the app.
			config: (tsconfig) => {
				tsconfig.include.push('../scripts/**/*.ts', '../playwright.config.ts');
			}
		},
		// Pages carry user data, so nothing is prerendered; every response gets a fresh nonce.
		csp: {
			mode: 'nonce',
			directives: {
				'default-src': ['self'],
				'script-src': ['self'],
				// SvelteKit's route announcer (shown after the first client-side navigation) carries one inline style
				// attribute; its hash admits exactly that attribute and no other inline style.
				'style-src': [
					'self',
					'unsafe-hashes',
					'sha256-S8qMpvofolR8Mpjy4kQvEm7m1q8clzU4dfDH0AmvZjo='
				],
				'img-src': ['self', 'data:'],
				'font-src': ['self'],
				'connect-src': ['self'],
				'form-action': ['self'],
				'object-src': ['none'],
				'base-uri': ['none'],
				'frame-ancestors': ['none']
			}
		}
	}
};

export default config;
