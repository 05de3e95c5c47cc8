import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';

function svelteFiles(dir: string): string[] {
	return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
		entry.isDirectory()
			? svelteFiles(join(dir, entry.name))
			: entry.name.endsWith('.svelte')
				? [join(dir, entry.name)]
				: []
	);
}

it('no component inserts raw HTML: what the server draws is shown as an image, text as text', () => {
	const raw = svelteFiles('src').filter((file) => readFileSync(file, 'utf8').includes('{@html'));
	expect(raw).toEqual([]);
});
