import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Db } from '$lib/server/db/connect';
import { findByTokenHash } from '$lib/server/db/assessments';
import { hashToken } from '$lib/server/assessment/tokens';
import { testDatabases } from '../fixtures/databases';

// The route reads the process-wide database; point it at each real database in turn.
let current: Db;
vi.mock('$lib/server/db', () => ({ db: () => current }));
const { POST } = await import('../../src/routes/api/v1/assessments/+server');

function create(body: string, locale: 'tr' | 'en' = 'en') {
	const request = new Request('http://localhost/api/v1/assessments', {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body
	});
	return POST({ request, locals: { locale } } as unknown as Parameters<typeof POST>[0]);
}

describe.each(testDatabases())('text in the API on $name', (target) => {
	beforeAll(async () => {
		current = await target.open();
	});
	afterAll(() => target.close());

	it.each([
		[
			'a NUL in a value',
			'{"questionnaire":"green-deal-readiness","locale":"tr","campaign":"abc\\u0000"}',
			'campaign'
		],
		[
			'a C1 control',
			'{"questionnaire":"green-deal-readiness","locale":"tr","campaign":"abc\\u0085"}',
			'campaign'
		],
		[
			'a NUL in an answer',
			'{"questionnaire":"green-deal-readiness","locale":"tr","answers":{"company_name":"A\\u0000B"}}',
			'answers.company_name'
		],
		[
			'a control in a key',
			'{"questionnaire":"green-deal-readiness","locale":"tr","answers":{"a\\u0001":"x"}}',
			'answers.a\u0001'
		]
	])('refuses %s with a 400 naming the field', async (_, body, path) => {
		const response = await create(body);
		expect(response.status).toBe(400);
		const { error } = await response.json();
		expect(error).toMatchObject({ code: 'invalid_text', issues: [{ path }] });
		expect(error.message).toMatch(/control character/);
		const turkish = await (await create(body, 'tr')).json();
		expect(turkish.error.message).toMatch(/denetim karakteri/);
	});

	it('stores text in NFC', async () => {
		const decomposed = 'S\u0327irket'; // "Ş" as S + combining cedilla
		const response = await create(
			JSON.stringify({
				questionnaire: 'green-deal-readiness',
				locale: 'tr',
				answers: { company_name: decomposed }
			})
		);
		expect(response.status).toBe(201);
		const { token } = await response.json();
		const stored = await findByTokenHash(current, hashToken(token));
		expect(stored?.answers.company_name).toBe('\u015eirket');
	});
});
