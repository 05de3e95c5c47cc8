import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Db } from '$lib/server/db/connect';
import * as assessments from '$lib/server/db/assessments';
import * as idempotencyKeys from '$lib/server/db/idempotency-keys';
import * as reassessments from '$lib/server/db/reassessments';
import { hashToken } from '$lib/server/assessment/tokens';
import { testDatabases } from '../fixtures/databases';

// The route reads the process-wide database; point it at each real database in turn.
let current: Db;
vi.mock('$lib/server/db', () => ({ db: () => current }));
const { POST } = await import('../../src/routes/api/v1/assessments/+server');

const BODY = { questionnaire: 'green-deal-readiness', locale: 'tr' };
let keys = 0;
/** A fresh, well-formed key per test. */
const newKey = () => `test-key-${String(++keys).padStart(8, '0')}-${Date.now()}`;

function create(key: string | undefined, body: object = BODY) {
	const request = new Request('http://localhost/api/v1/assessments', {
		method: 'POST',
		headers: {
			'content-type': 'application/json',
			...(key === undefined ? {} : { 'idempotency-key': key })
		},
		body: JSON.stringify(body)
	});
	return POST({ request, locals: { locale: 'en' } } as unknown as Parameters<typeof POST>[0]);
}

async function count(db: Db): Promise<number> {
	const row = await db
		.selectFrom('assessment')
		.select((eb) => eb.fn.countAll<number>().as('n'))
		.executeTakeFirstOrThrow();
	return Number(row.n);
}

describe.each(testDatabases())('Idempotency-Key on creating an assessment, on $name', (target) => {
	beforeAll(async () => {
		current = await target.open();
	});
	afterAll(() => target.close());

	it('a retry with the same key gets the same assessment, not a second one', async () => {
		const key = newKey();
		const before = await count(current);
		const first = await create(key);
		expect(first.status).toBe(201);
		const created = await first.json();
		expect(created).toEqual({ token: expect.stringMatching(/^[\w-]{43}$/), status: 'draft' });
		const again = await create(key);
		expect(again.status).toBe(201);
		expect(await again.json()).toEqual(created);
		expect(await count(current)).toBe(before + 1);
		// Without a key, every request is a new assessment.
		expect((await (await create(undefined)).json()).token).not.toBe(created.token);
	});

	it('concurrent requests with one key create one assessment and all get its token', async () => {
		const key = newKey();
		const before = await count(current);
		const responses = await Promise.all(Array.from({ length: 6 }, () => create(key)));
		const tokens = await Promise.all(
			responses.map(async (response) => (await response.json()).token)
		);
		expect(responses.map((response) => response.status)).toEqual(Array(6).fill(201));
		expect(new Set(tokens).size).toBe(1);
		expect(await count(current)).toBe(before + 1);
	});

	it('the same key with another body is a 422, and creates nothing', async () => {
		const key = newKey();
		await create(key);
		const before = await count(current);
		const response = await create(key, { ...BODY, locale: 'en' });
		expect(response.status).toBe(422);
		expect((await response.json()).error).toMatchObject({
			code: 'idempotency_key_reused',
			message: expect.stringContaining('different request body')
		});
		expect(await count(current)).toBe(before);
	});

	it.each(['short-key', 'x'.repeat(201), 'has spaces in it, 16+ chars', 'ünïcödé-ünïcödé-ünïcödé'])(
		'refuses the malformed key %j with a 400',
		async (key) => {
			const response = await create(key);
			expect(response.status).toBe(400);
			expect((await response.json()).error.code).toBe('invalid_idempotency_key');
		}
	);

	it('the database alone does not reveal the token: only hashes and a sealed copy', async () => {
		const key = newKey();
		const { token } = await (await create(key)).json();
		const row = await current
			.selectFrom('idempotency_key')
			.selectAll()
			.where('key_hash', '=', hashToken(key))
			.executeTakeFirstOrThrow();
		expect(JSON.stringify(row)).not.toContain(token);
		expect(JSON.stringify(row)).not.toContain(key);
	});

	it('a key is forgotten after 24 hours, and with its assessment', async () => {
		const key = newKey();
		const { token } = await (await create(key)).json();
		const later = new Date(Date.now() + 25 * 3_600_000);
		expect(await idempotencyKeys.find(current, hashToken(key))).toBeDefined();
		expect(await idempotencyKeys.find(current, hashToken(key), later)).toBeUndefined();
		expect(await idempotencyKeys.purgeExpired(current, later)).toBeGreaterThan(0);
		expect(await idempotencyKeys.find(current, hashToken(key))).toBeUndefined();

		const other = newKey();
		const second = await (await create(other)).json();
		const assessment = await assessments.findByTokenHash(current, hashToken(second.token));
		await reassessments.erase(current, [assessment!.id]);
		expect(await idempotencyKeys.find(current, hashToken(other))).toBeUndefined();
		expect((await (await create(other)).json()).token).not.toBe(second.token);
		expect(token).not.toBe(second.token);
	});
});
