import { type APIRequestContext } from '@playwright/test';
import { QUESTIONNAIRE as Q, completeAnswers } from './api-helpers';
import { expect, test } from './test';

async function create(request: APIRequestContext, answers?: Record<string, unknown>) {
	const response = await request.post('/api/v1/assessments', {
		data: { questionnaire: Q, locale: 'tr', answers }
	});
	expect(response.status()).toBe(201);
	return (await response.json()) as { token: string; status: string };
}

test.describe('the assessment API', () => {
	test('publishes the questionnaire in each language', async ({ request }) => {
		const tr = await (await request.get(`/api/v1/questionnaires/${Q}?lang=tr`)).json();
		const en = await (await request.get(`/api/v1/questionnaires/${Q}?lang=en`)).json();
		expect(tr).toMatchObject({ id: Q, locale: 'tr' });
		expect(en.locale).toBe('en');
		expect(tr.themes.length).toBeGreaterThanOrEqual(6);
		expect(tr.themes[0].title).not.toBe(en.themes[0].title);
		expect(tr.levels).toHaveLength(5);
		const missing = await request.get('/api/v1/questionnaires/nope?lang=en');
		expect(missing.status()).toBe(404);
		expect((await missing.json()).error.code).toBe('questionnaire_not_found');
	});

	test('creates, saves, reads, submits idempotently and deletes', async ({ request }) => {
		const { token, status } = await create(request);
		expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
		expect(status).toBe('draft');

		const answers = await completeAnswers(request);
		const patched = await request.patch(`/api/v1/assessments/${token}`, { data: { answers } });
		expect(patched.status()).toBe(200);

		const read = await (await request.get(`/api/v1/assessments/${token}`)).json();
		expect(read.status).toBe('draft');
		expect(read.answers).toEqual(answers);

		const first = await request.post(`/api/v1/assessments/${token}/submit`, {
			headers: { 'Idempotency-Key': 'abc' }
		});
		expect(first.status()).toBe(200);
		const { results } = await first.json();
		expect(results).toMatchObject({ questionnaire: Q, version: expect.any(String) });
		expect(results.overall).toBeGreaterThanOrEqual(0);
		expect(results.overall).toBeLessThanOrEqual(100);
		// Every recommendation says what fired it and what it costs; a firm with no emission inventory is told to
		// measure before it is told to set a target.
		const ids = results.recommendations.map((item: { id: string }) => item.id);
		expect(ids.indexOf('rec_co2_inventory')).toBeGreaterThanOrEqual(0);
		expect(ids.indexOf('rec_co2_inventory')).toBeLessThan(ids.indexOf('rec_co2_target'));
		expect(results.recommendations[ids.indexOf('rec_co2_inventory')]).toMatchObject({
			cost: 'low_cost',
			payback: 'compliance',
			trigger: { question: 'co2_inventory', answer: answers.co2_inventory }
		});
		const again = await request.post(`/api/v1/assessments/${token}/submit`);
		expect((await again.json()).results).toEqual(results);

		const late = await request.patch(`/api/v1/assessments/${token}`, { data: { answers: {} } });
		expect(late.status()).toBe(409);
		expect((await late.json()).error.code).toBe('already_submitted');

		expect((await request.delete(`/api/v1/assessments/${token}`)).status()).toBe(204);
		expect((await request.get(`/api/v1/assessments/${token}`)).status()).toBe(404);
	});

	test('refuses to submit with required answers missing, listing them', async ({ request }) => {
		const { token } = await create(request);
		const response = await request.post(`/api/v1/assessments/${token}/submit?lang=en`);
		expect(response.status()).toBe(422);
		const { error } = await response.json();
		expect(error.code).toBe('missing_answers');
		expect(error.issues.length).toBeGreaterThan(10);
		expect(error.issues[0].path).toMatch(/^answers\./);
		expect(error.message).toBe('Required questions must be answered before submitting.');
	});

	test('refuses bad input with a clear, localised error and changes nothing', async ({
		request
	}) => {
		const { token } = await create(request, { sector: 'C' });
		const cases: [Parameters<APIRequestContext['patch']>[1], number, string][] = [
			[{ data: { answers: { no_such_question: 'x' } } }, 400, 'invalid_answers'],
			[{ data: { answers: { sector: 'ZZ' } } }, 400, 'invalid_answers'],
			[{ data: { answers: { sector: 12 } } }, 400, 'invalid_answers'],
			[{ data: { answers: 'all of them' } }, 400, 'invalid_body'],
			[{ data: { answers: {}, extra: true } }, 400, 'invalid_body'],
			[
				{ data: Buffer.from('{"answers": {'), headers: { 'content-type': 'application/json' } },
				400,
				'invalid_json'
			],
			[
				{ data: Buffer.from('<answers/>'), headers: { 'content-type': 'application/xml' } },
				415,
				'unsupported_media_type'
			],
			[{ data: { answers: { company_name: 'x'.repeat(70_000) } } }, 413, 'payload_too_large']
		];
		for (const [options, status, code] of cases) {
			const response = await request.patch(`/api/v1/assessments/${token}?lang=tr`, options);
			expect(response.status(), code).toBe(status);
			const body = await response.json();
			expect(body.error.code).toBe(code);
			expect(body.error.message).not.toMatch(/at .*\.js:\d+/);
		}
		const turkish = await request.patch(`/api/v1/assessments/${token}?lang=tr`, {
			data: { answers: { sector: 'ZZ' } }
		});
		expect((await turkish.json()).error).toMatchObject({
			message: 'Bazı cevaplar kabul edilemedi; hiçbir cevap kaydedilmedi.',
			issues: [{ path: 'answers.sector', message: 'Lütfen listedeki seçeneklerden birini seçin.' }]
		});
		const read = await (await request.get(`/api/v1/assessments/${token}`)).json();
		expect(read.answers).toEqual({ sector: 'C' });
	});

	test('answers 404 for an unknown or malformed token', async ({ request }) => {
		for (const token of ['A'.repeat(43), 'short', '../../etc/passwd']) {
			const response = await request.get(`/api/v1/assessments/${encodeURIComponent(token)}`);
			expect(response.status()).toBe(404);
		}
	});

	test('creates once per Idempotency-Key', async ({ request }) => {
		const key = `e2e-${Date.now()}-${Math.random().toString(36).slice(2)}`;
		const post = (locale: string, idempotencyKey = key) =>
			request.post('/api/v1/assessments?lang=en', {
				headers: { 'Idempotency-Key': idempotencyKey },
				data: { questionnaire: Q, locale }
			});
		const first = await post('tr');
		expect(first.status()).toBe(201);
		const created = await first.json();
		const retry = await post('tr');
		expect(retry.status()).toBe(201);
		expect(await retry.json()).toEqual(created);

		const reused = await post('en');
		expect(reused.status()).toBe(422);
		expect((await reused.json()).error.code).toBe('idempotency_key_reused');
		const malformed = await post('tr', 'too short');
		expect(malformed.status()).toBe(400);
		expect((await malformed.json()).error.message).toMatch(/Idempotency-Key header must be/);
	});

	test('refuses control characters with a 400 naming the field', async ({ request }) => {
		const response = await request.post('/api/v1/assessments?lang=en', {
			headers: { 'content-type': 'application/json' },
			// Raw bytes (a string would be encoded as JSON once more), with the NUL escaped as JSON allows.
			data: Buffer.from(`{"questionnaire":"${Q}","locale":"tr","campaign":"abc\\u0000"}`)
		});
		expect(response.status()).toBe(400);
		expect((await response.json()).error).toMatchObject({
			code: 'invalid_text',
			issues: [{ path: 'campaign' }]
		});
	});
});
