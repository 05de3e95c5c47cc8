import { afterAll, describe, expect, it, vi } from 'vitest';
import { connect, type Db } from '$lib/server/db/connect';
import { testDatabases } from '../fixtures/databases';

// The route reads the process-wide database; point it at whichever real database each case needs.
let current: Db;
vi.mock('$lib/server/db', () => ({ db: () => current }));
const { GET } = await import('../../src/routes/healthz/+server');

describe('/healthz', () => {
	const [sqlite] = testDatabases();
	afterAll(() => sqlite.close());

	it('is 200 {"status":"ok"} while the database answers', async () => {
		current = await sqlite.open();
		const response = await GET();
		expect(response.status).toBe(200);
		expect(await response.json()).toEqual({ status: 'ok' });
	});

	it('is 503 when the database does not answer', async () => {
		current = connect({ kind: 'postgres', connectionString: 'postgres://nobody@127.0.0.1:1/none' });
		const response = await GET();
		expect(response.status).toBe(503);
		expect(response.headers.get('cache-control')).toBe('no-store');
		await current.destroy();
	});
});
