import { readdirSync, readFileSync } from 'node:fs';
import { sveltekit } from '@sveltejs/kit/vite';
import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';

const LOCALES = new URL('./src/lib/i18n/locales/', import.meta.url);
const AREAS = 'virtual:i18n-areas';
const AREA = 'virtual:i18n-area/';

/**
 * Splits each language's file (`src/lib/i18n/locales/tr.json`, the one file translators edit) at build time into
 * one module per area, the part of a key before its first dot (`areaOf` in src/lib/i18n/route-areas.ts), so that a
 * page downloads only the strings of the areas it shows. `virtual:i18n-areas` maps each language and area to a lazy
 * import of that area's module.
 */
function i18nAreas(): Plugin {
	const file = (locale: string) => new URL(`${locale}.json`, LOCALES).pathname;
	const read = (locale: string): Record<string, string> =>
		JSON.parse(readFileSync(file(locale), 'utf8'));
	const areaOf = (key: string) => key.split('.')[0];
	return {
		name: 'i18n-areas',
		resolveId: (id) => (id === AREAS || id.startsWith(AREA) ? `\0${id}` : undefined),
		load(id) {
			if (id === `\0${AREAS}`) {
				const locales = readdirSync(LOCALES).map((name) => name.replace(/\.json$/, ''));
				const entries = locales.map((locale) => {
					this.addWatchFile(file(locale));
					const areas = [...new Set(Object.keys(read(locale)).map(areaOf))];
					const loaders = areas.map(
						(area) => `${JSON.stringify(area)}: () => import('${AREA}${locale}/${area}')`
					);
					return `${locale}: {${loaders.join(',')}}`;
				});
				return `export default {${entries.join(',')}};`;
			}
			if (id.startsWith(`\0${AREA}`)) {
				const [locale, area] = id.slice(AREA.length + 1).split('/');
				this.addWatchFile(file(locale));
				const messages = Object.entries(read(locale)).filter(([key]) => areaOf(key) === area);
				return `export default ${JSON.stringify(Object.fromEntries(messages))};`;
			}
		}
	};
}

export default defineConfig({
	plugins: [sveltekit(), i18nAreas()],
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
