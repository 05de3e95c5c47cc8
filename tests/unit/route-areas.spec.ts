import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import tr from '$lib/i18n/locales/tr.json';
import table from '$lib/i18n/route-areas.json';

/*
 * src/lib/i18n/route-areas.json lists the areas of the translations (the part of a key before its first dot) each
 * page downloads: the site's header, footer and error page everywhere, the rest per route. A page's list must hold
 * every area its components, and the modules they import, name in a key; a key that comes from the server as data
 * (a form's problem) needs its area added by hand, and the browser test of untranslated keys finds it missing.
 */

const areaOf = (key: string) => key.split('.')[0];
const known = new Set(Object.keys(tr).map(areaOf));
const pagesTable: Record<string, string[]> = table.pages;
const routeAreas = (id: string) => [...table.everywhere, ...(pagesTable[id] ?? [])];

function files(dir: string): string[] {
	return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
		entry.isDirectory() ? files(join(dir, entry.name)) : [join(dir, entry.name)]
	);
}

/** The file an import names, when it is one of ours that runs in the browser. */
function resolve(from: string, specifier: string): string | undefined {
	if (specifier.startsWith('$lib/server') || specifier.includes('.server')) return undefined;
	const base = specifier.startsWith('$lib/')
		? join('src/lib', specifier.slice(5))
		: specifier.startsWith('.')
			? join(dirname(from), specifier)
			: undefined;
	if (!base) return undefined;
	return [base, `${base}.ts`, join(base, 'index.ts')].find(
		(path) => existsSync(path) && /\.(svelte|ts)$/.test(path)
	);
}

/** The areas of every key a file and the modules it imports (not type-only) name in a string. */
function areasUsed(file: string, seen = new Set<string>()): Set<string> {
	const areas = new Set<string>();
	if (seen.has(file)) return areas;
	seen.add(file);
	const source = readFileSync(file, 'utf8');
	for (const [, area] of source.matchAll(/['`]([a-z_]+)\.[a-z0-9_]/g)) {
		if (known.has(area)) areas.add(area);
	}
	for (const [, specifier] of source.matchAll(/^\s*import\s+(?!type\b)[^'"]*['"]([^'"]+)['"]/gm)) {
		const imported = resolve(file, specifier);
		if (imported) for (const area of areasUsed(imported, seen)) areas.add(area);
	}
	return areas;
}

/** Each page's route id with the files that render it: its page, and the layouts and error page above it. */
function pages() {
	const all = files('src/routes');
	return all
		.filter((file) => /\/\+page(@\w*)?\.svelte$/.test(file))
		.map((page) => {
			const dir = dirname(page);
			const id = `/${relative('src/routes', dir)}`.replace(/\/$/, '') || '/';
			const above = all.filter(
				(file) =>
					/\/\+(layout|error)\.svelte$/.test(file) &&
					`${dir}/`.startsWith(`${dirname(file)}/`) &&
					// A page named +page@.svelte resets to the root layout.
					(!page.includes('+page@') || dirname(file) === 'src/routes')
			);
			return { id, sources: [page, ...above] };
		});
}

describe('the string areas each page loads', () => {
	it.each(pages())('covers every key $id names', ({ id, sources }) => {
		const used = new Set(sources.flatMap((file) => [...areasUsed(file)]));
		const missing = [...used].filter((area) => !routeAreas(id).includes(area));
		expect(missing).toEqual([]);
	});

	it('names only areas the translations have, and only routes that are pages', () => {
		const unknown = pages().flatMap(({ id }) => routeAreas(id).filter((area) => !known.has(area)));
		expect(unknown).toEqual([]);
		const ids = new Set(pages().map(({ id }) => id));
		expect(Object.keys(pagesTable).filter((id) => !ids.has(id))).toEqual([]);
	});
});
