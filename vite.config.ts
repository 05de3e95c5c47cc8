import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { sveltekit } from '@sveltejs/kit/vite';
import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';

const I18N = new URL('./src/lib/i18n/', import.meta.url);
const PAGES = 'virtual:i18n-pages';
const PAGE = 'virtual:i18n-page/';
const AREA = 'virtual:i18n-area/';
/**
 * Where the built app serves each page's strings (from the site's root: svelte.config.js sets no `paths.base`):
 * immutable, so each file's name carries its content's hash.
 */
const PAGE_FILES = '_app/immutable/i18n/';

/**
 * Gives each page only the strings it shows, in one module per language and page: the keys of the areas (the part
 * of a key before its first dot) that src/lib/i18n/route-areas.json lists for the page's route, taken at build time
 * from each language's file (`locales/tr.json`, the one file translators edit). `virtual:i18n-pages` names each
 * language and route id's module by the address the browser loads it from (the empty id stands for a page no route
 * matched) and loads a module by that address. The server picks the address, so the browser downloads no table
 * of routes: the built app serves the modules as files of their own, and elsewhere (the server, `vite dev`, the
 * tests) the address only looks a module up.
 * `virtual:i18n-area/<language>/<area>` holds one area alone, for a part of a page that loads only when shown.
 */
function i18nPages(): Plugin {
	let building = false;
	const file = (name: string) => fileURLToPath(new URL(name, I18N));
	const read = (name: string) => JSON.parse(readFileSync(file(name), 'utf8'));
	const table = (): { everywhere: string[]; pages: Record<string, string[]> } =>
		read('route-areas.json');
	/** A module of one language's strings of the given areas. */
	const strings = (locale: string, areas: Set<string>) => {
		const messages: Record<string, string> = read(`locales/${locale}.json`);
		const shown = Object.entries(messages).filter(([key]) => areas.has(key.split('.')[0]));
		return `export default ${JSON.stringify(Object.fromEntries(shown))};`;
	};
	/**
	 * Each language's module for each route, with the address it is served at: made once per build (or per change
	 * of the files in `vite dev`), as each of the many modules that ask for it would otherwise parse the files anew.
	 */
	let made: ReturnType<typeof makePageModules> | undefined;
	const pageModules = () => (made ??= makePageModules());
	const makePageModules = () => {
		const { everywhere, pages } = table();
		const locales = readdirSync(file('locales')).map((name) => name.replace(/\.json$/, ''));
		return locales.flatMap((locale) =>
			['', ...Object.keys(pages)].map((route, index) => {
				const source = strings(locale, new Set([...everywhere, ...(pages[route] ?? [])]));
				const hash = createHash('sha256').update(source).digest('base64url').slice(0, 8);
				const address = `/${PAGE_FILES}${locale}-${index}.${hash}.js`;
				return { locale, route, id: `${PAGE}${locale}/${index}`, source, address };
			})
		);
	};
	return {
		name: 'i18n-pages',
		configResolved(config) {
			building = config.command === 'build';
		},
		buildStart() {
			made = undefined;
		},
		watchChange() {
			made = undefined;
		},
		resolveId: (id) =>
			id === PAGES || id.startsWith(PAGE) || id.startsWith(AREA) ? `\0${id}` : undefined,
		load(id, options) {
			if (id.startsWith(`\0${AREA}`)) {
				const [locale, area] = id.slice(AREA.length + 1).split('/');
				this.addWatchFile(file(`locales/${locale}.json`));
				return strings(locale, new Set([area]));
			}
			if (!id.startsWith(`\0${PAGES}`) && !id.startsWith(`\0${PAGE}`)) return;
			this.addWatchFile(file('route-areas.json'));
			for (const name of readdirSync(file('locales'))) this.addWatchFile(file(`locales/${name}`));
			const modules = pageModules();
			if (id !== `\0${PAGES}`) return modules.find((module) => `\0${module.id}` === id)?.source;
			// The built browser code imports the files the build writes (below); no table goes with it.
			if (building && !options?.ssr) {
				return 'export const loadPage = (address) => import(/* @vite-ignore */ address);';
			}
			const addresses: Record<string, Record<string, string>> = {};
			for (const { locale, route, address } of modules) (addresses[locale] ??= {})[route] = address;
			const loaders = modules.map(
				({ id, address }) => `${JSON.stringify(address)}: () => import('${id}')`
			);
			return [
				`export const pageAddresses = ${JSON.stringify(addresses)};`,
				`const loaders = {${loaders.join(',')}};`,
				'export const loadPage = (address) => loaders[address]();'
			].join('\n');
		},
		generateBundle() {
			if (this.environment.config.consumer !== 'client') return;
			for (const { address, source } of pageModules()) {
				this.emitFile({ type: 'asset', fileName: address.slice(1), source });
			}
		}
	};
}

/**
 * SvelteKit's client takes two functions out of Svelte with `const { onMount, tick } = svelte` (a namespace
 * import); Rolldown keeps the whole namespace object for that, and with it parts of Svelte no page uses (`fork`,
 * `hydratable`, the Svelte 4 lifecycle functions): about 0.9 KB gzipped on every page. Reading the two as members
 * lets Rolldown drop the rest. Should SvelteKit's line change, the build says so and nothing else happens.
 */
function svelteKitNamespaceImport(): Plugin {
	const destructuring = 'const { onMount, tick } = svelte;';
	return {
		name: 'sveltekit-namespace-import',
		apply: 'build',
		transform(code, id) {
			if (!id.includes('/@sveltejs/kit/src/runtime/client/client.js')) return;
			if (!code.includes(destructuring)) {
				this.warn(`SvelteKit's client no longer has "${destructuring}": the workaround can go`);
				return;
			}
			return code.replace(destructuring, 'const onMount = svelte.onMount, tick = svelte.tick;');
		}
	};
}

/**
 * The modules every page with a script runs: Svelte's runtime, and SvelteKit's with the app's strings and formats
 * (what the root layout loads). Rolldown splits them into eight files, each shared by a different set of pages; the
 * embedded server speaks HTTP/1.1, over which a browser fetches six files at a time, so every page paid for the
 * split in round trips. Two files, not one: each TCP connection starts slow, and one 35 KB file on one connection
 * came later than two halves on two (Lighthouse's simulated largest paint of a step page, its scripts then
 * preloaded: about 1.72 s against 1.63 s). A step page now loads 17 scripts instead of 22, the results page 22
 * instead of 27, each about 1 KB less (every file repeats its own wrapper). A page's own code keeps its own files.
 */
const RUNTIME_FILES = [
	{ name: 'svelte', test: /node_modules[\\/](svelte|clsx|esm-env)[\\/]/ },
	{
		name: 'kit',
		test: (id: string) =>
			/node_modules[\\/](@sveltejs[\\/]kit|devalue)[\\/]/.test(id) ||
			/^\0(rolldown\/runtime\.js|vite\/preload-helper\.js|virtual:i18n-pages)$/.test(id) ||
			/src[\\/]lib[\\/]i18n[\\/](lookup|pages|locales|format)\.ts$/.test(id)
	}
];

function runtimeFiles(): Plugin {
	return {
		name: 'runtime-files',
		apply: 'build',
		outputOptions(options) {
			if (this.environment.config.consumer !== 'client') return;
			return { ...options, codeSplitting: { groups: RUNTIME_FILES } };
		}
	};
}

export default defineConfig({
	plugins: [sveltekit(), i18nPages(), svelteKitNamespaceImport(), runtimeFiles()],
	build: {
		// Vite would list, in SvelteKit's entry, every script each page's code imports, to fetch them alongside it
		// on a client-side navigation: about 0.8 KB gzipped that every first visit downloads. SvelteKit already
		// fetches a page's code when a link is hovered (app.html), and the first page's code comes after its HTML
		// (see the Link header in hooks.server.ts); the stylesheets a page's code needs are still listed and loaded.
		modulePreload: false
	},
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
