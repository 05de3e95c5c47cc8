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
 * Gives each page only the strings it shows, in one module per language and page: the keys of the areas (the part
 * of a key before its first dot) that src/lib/i18n/route-areas.json lists for the page's route, taken at build time
 * from each language's file (`locales/tr.json`, the one file translators edit). `virtual:i18n-pages` maps each
 * language and route id to a lazy import of its module; the empty id stands for a page no route matched.
 * `virtual:i18n-area/<language>/<area>` holds one area alone, for a part of a page that loads only when shown.
 */
function i18nPages(): Plugin {
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
	return {
		name: 'i18n-pages',
		resolveId: (id) =>
			id === PAGES || id.startsWith(PAGE) || id.startsWith(AREA) ? `\0${id}` : undefined,
		load(id) {
			if (id.startsWith(`\0${AREA}`)) {
				const [locale, area] = id.slice(AREA.length + 1).split('/');
				this.addWatchFile(file(`locales/${locale}.json`));
				return strings(locale, new Set([area]));
			}
			if (!id.startsWith(`\0${PAGES}`) && !id.startsWith(`\0${PAGE}`)) return;
			this.addWatchFile(file('route-areas.json'));
			const routes = ['', ...Object.keys(table().pages)];
			const locales = readdirSync(file('locales')).map((name) => name.replace(/\.json$/, ''));
			if (id === `\0${PAGES}`) {
				const byLocale = locales.map((locale) => {
					const loaders = routes.map(
						(route, index) => `${JSON.stringify(route)}: () => import('${PAGE}${locale}/${index}')`
					);
					return `${JSON.stringify(locale)}: {${loaders.join(',')}}`;
				});
				return `export default {${byLocale.join(',')}};`;
			}
			const [locale, index] = id.slice(PAGE.length + 1).split('/');
			this.addWatchFile(file(`locales/${locale}.json`));
			const { everywhere, pages } = table();
			return strings(locale, new Set([...everywhere, ...(pages[routes[Number(index)]] ?? [])]));
		}
	};
}

export default defineConfig({
	plugins: [sveltekit(), i18nPages()],
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
