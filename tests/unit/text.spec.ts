import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { checkAnswers } from '$lib/questionnaire/answers';
import { readFilters } from '$lib/server/chamber/chamber-filters';
import { parseFormData } from '$lib/server/http/form';
import { cleanStrings, cleanText } from '$lib/text';
import { miniCatalogue } from '../fixtures/catalogue';

const mini = miniCatalogue().questionnaires.get('mini')!;

describe('the rule for text', () => {
	it.each(['\u0000', '\u0007', '\t', '\n', '\r', '\u001b', '\u007f', '\u0085', '\u009f'])(
		'refuses %j',
		(control) => {
			expect(cleanText(`a${control}b`)).toBeUndefined();
		}
	);

	it('takes Turkish text and returns it in NFC', () => {
		expect(cleanText('I\u0307zmir S\u0327irketi')).toBe('İzmir Şirketi');
		expect(cleanText('Öz Çağ "Metal" <A.Ş.> ₺ 😀')).toBe('Öz Çağ "Metal" <A.Ş.> ₺ 😀');
	});

	it('names the first string refused in a body, keys included', () => {
		expect(cleanStrings({ a: ['ok', 'b\u0000'] })).toEqual({ ok: false, path: ['a', 1] });
		expect(cleanStrings({ answers: { 'k\u0001': 1 } })).toEqual({
			ok: false,
			path: ['answers', 'k\u0001']
		});
		expect(cleanStrings({ n: 1, b: true, z: null, s: 'S\u0327' })).toEqual({
			ok: true,
			value: { n: 1, b: true, z: null, s: 'Ş' }
		});
	});
});

describe('text at each way in', () => {
	it('a form refuses the field with a control character, with its i18n key, and keeps the values', () => {
		const form = new FormData();
		form.set('name', 'Ad\u0000');
		form.set('password', 'gizli parola');
		const parsed = parseFormData(form, z.object({ name: z.string(), password: z.string() }));
		expect(parsed.ok).toBe(false);
		if (parsed.ok) return;
		expect(parsed.failure.status).toBe(400);
		expect(parsed.failure.data).toEqual({
			values: { name: 'Ad\u0000' },
			errors: { name: 'form.error_control' }
		});
	});

	it('a form field reaches its schema in NFC', () => {
		const form = new FormData();
		form.set('name', 'S\u0327irket');
		expect(parseFormData(form, z.object({ name: z.string() }))).toEqual({
			ok: true,
			data: { name: 'Şirket' }
		});
	});

	it('a text answer with a control character is refused, not saved', () => {
		expect(checkAnswers(mini, { company: 'A\u0000B' })).toEqual({
			changes: {},
			issues: [{ question: 'company', code: 'control_character' }]
		});
	});

	it('a dashboard filter with a NUL is a problem, not a query', () => {
		const { problems, filters } = readFilters(
			new URL('http://localhost/chamber/x?campaign=abc%00')
		);
		expect(problems).toEqual({ campaign: 'form.error_control' });
		expect(filters.campaignId).toBeUndefined();
	});

	it('the admin command refuses an argument with a control character, naming the option', () => {
		const dir = mkdtempSync(join(tmpdir(), 'yh-cli-'));
		try {
			const run = () =>
				execFileSync(
					'node',
					[
						'--import',
						'tsx',
						'scripts/admin.ts',
						'create-chamber',
						'--slug',
						'cli-text',
						'--name',
						'TSO\u0007'
					],
					{
						env: { ...process.env, DATABASE_URL: join(dir, 'cli.db') },
						encoding: 'utf8',
						stdio: 'pipe'
					}
				);
			expect(run).toThrow(/--name: This field contains a control character/);
		} finally {
			rmSync(dir, { recursive: true, force: true });
		}
	});
});
