import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createTranslator, locales } from '$lib/i18n';
import en from '$lib/i18n/locales/en.json';
import tr from '$lib/i18n/locales/tr.json';

const resources: Record<string, Record<string, string>> = { tr, en };

function placeholders(text: string) {
	return [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((match) => match[1]).sort();
}

function sourceFiles(dir: string): string[] {
	return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
		const path = join(dir, entry.name);
		if (entry.isDirectory()) return sourceFiles(path);
		return /\.(svelte|ts)$/.test(entry.name) ? [path] : [];
	});
}

describe('UI translations', () => {
	it('has the same keys in every language', () => {
		expect(Object.keys(en).sort()).toEqual(Object.keys(tr).sort());
	});

	it.each(locales)('has no empty text in %s', (locale) => {
		const empty = Object.entries(resources[locale]).filter(([, text]) => text.trim() === '');
		expect(empty).toEqual([]);
	});

	it('uses the same placeholders in every language', () => {
		const mismatched = Object.keys(tr).filter(
			(key) =>
				placeholders(tr[key as keyof typeof tr]).join() !==
				placeholders(en[key as keyof typeof en] ?? '').join()
		);
		expect(mismatched).toEqual([]);
	});

	it('defines every key the source code asks for literally', () => {
		const used = sourceFiles('src').flatMap((file) =>
			[...readFileSync(file, 'utf8').matchAll(/\bt\(\s*'([a-z0-9_.]+)'/g)].map((match) => match[1])
		);
		expect(used.length).toBeGreaterThan(10);
		// A plural key exists as key_one / key_other.
		expect(used.filter((key) => !(key in tr) && !(`${key}_other` in tr))).toEqual([]);
	});

	it('translates in the requested language with interpolation', async () => {
		const t = await createTranslator('tr');
		expect(t('error.status', { status: 404 })).toBe('Hata kodu: 404');
		const tEn = await createTranslator('en');
		expect(tEn('error.status', { status: 404 })).toBe('Error code: 404');
	});
});
