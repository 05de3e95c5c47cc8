import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import * as assessments from '$lib/server/db/assessments';
import { connect, migrateToLatest, ping, type Db } from '$lib/server/db/connect';
import { DatabaseUnavailable } from '$lib/server/db/unavailable';
import { holdWriteLock } from '../fixtures/sqlite-lock';
import { testDatabases } from '../fixtures/databases';

// The routes read the process-wide database; point it at whichever real database each case needs.
let current: Db;
vi.mock('$lib/server/db', () => ({ db: () => current }));
const service = await import('$lib/server/assessment/assessment-service');
const assessmentRoute = await import('../../src/routes/api/v1/assessments/[token]/+server');
const healthz = await import('../../src/routes/healthz/+server');

type PatchEvent = Parameters<typeof assessmentRoute.PATCH>[0];
const patch = (token: string, answers: Record<string, unknown>) =>
	assessmentRoute.PATCH({
		params: { token },
		locals: { locale: 'en' },
		request: new Request(`http://localhost/api/v1/assessments/${token}`, {
			method: 'PATCH',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ answers })
		})
	} as unknown as PatchEvent);

/** The longest the event loop went without running a 5 ms timer while `work` ran. */
async function longestStall(work: () => Promise<unknown>): Promise<number> {
	let last = performance.now();
	let longest = 0;
	const timer = setInterval(() => {
		const now = performance.now();
		longest = Math.max(longest, now - last);
		last = now;
	}, 5);
	try {
		await work();
	} finally {
		clearInterval(timer);
	}
	return longest;
}

async function elapsed(work: () => Promise<unknown>): Promise<number> {
	const start = performance.now();
	await work();
	return performance.now() - start;
}

describe('SQLite locked by another process', () => {
	const dir = mkdtempSync(join(tmpdir(), 'yh-lock-'));
	const path = join(dir, 'locked.db');
	beforeAll(async () => {
		current = connect({ kind: 'sqlite', path });
		await migrateToLatest(current);
	});
	afterAll(async () => {
		await current.destroy();
		rmSync(dir, { recursive: true, force: true });
	});

	it('fails a write within about a second, storing nothing, while other requests go on', async () => {
		const token = await service.start({ locale: 'tr' });
		const { assessment } = (await service.open(token))!;
		const { released } = await holdWriteLock(path, 4000);

		let failure: unknown;
		let took = 0;
		let pingTook = 0;
		const stall = await longestStall(async () => {
			const write = elapsed(() =>
				assessments
					.saveAnswers(current, assessment.id, { company_name: 'Yarım' })
					.catch((error) => {
						failure = error;
					})
			);
			// A read in the middle of the write's wait is served at once (WAL lets it read past the lock).
			await new Promise((resolve) => setTimeout(resolve, 200));
			pingTook = await elapsed(async () => expect(await ping(current)).toBe(true));
			took = await write;
		});
		expect(failure).toBeInstanceOf(DatabaseUnavailable);
		expect((failure as DatabaseUnavailable).reason).toBe('busy');
		expect(took).toBeGreaterThan(900);
		expect(took).toBeLessThan(1500);
		expect(pingTook).toBeLessThan(100);
		expect(stall).toBeLessThan(100);

		// A transaction does not start without the lock, so a submission leaves nothing half done.
		await expect(
			assessments.submit(current, assessment.id, {
				answers: {},
				result: { overall: 0, level: 'beginner', themes: [{ id: 'energy', score: 50 }] },
				facts: {}
			} as unknown as Parameters<typeof assessments.submit>[2])
		).rejects.toBeInstanceOf(DatabaseUnavailable);
		const scores = await current.selectFrom('assessment_score').selectAll().execute();
		expect(scores).toEqual([]);
		expect((await assessments.findById(current, assessment.id))?.status).toBe('draft');

		// A read-only transaction (the dashboard's one snapshot) needs no write lock and reads at once.
		const snapshotTook = await elapsed(() =>
			current
				.transaction()
				.setAccessMode('read only')
				.execute((trx) => trx.selectFrom('assessment').select('id').execute())
		);
		expect(snapshotTook).toBeLessThan(100);

		await released;
		expect(await assessments.saveAnswers(current, assessment.id, { company_name: 'Tam' })).toBe(
			true
		);
	});

	it('answers the API with 503, Retry-After and the error shape', async () => {
		const token = await service.start({ locale: 'tr' });
		const { released } = await holdWriteLock(path, 3000);
		const response = await patch(token, { company_name: 'Kilitli A.Ş.' });
		expect(response.status).toBe(503);
		expect(response.headers.get('retry-after')).toBe('1');
		expect(await response.json()).toEqual({
			error: {
				code: 'database_busy',
				message: 'The database is busy just now; nothing was saved. Please try again in a moment.',
				issues: []
			}
		});
		await released;
		expect((await service.open(token))?.assessment.answers).toEqual({});
	});
});

/** Fills the database's free space and stops it from growing, as a full disk would. */
async function fillStorage(db: Db, name: 'sqlite' | 'postgres') {
	if (name === 'postgres') {
		// PostgreSQL cannot be made to run out of disk here; a trigger raises the very error (53100) it would.
		await sql`create function disk_full() returns trigger language plpgsql as $$
			begin raise exception 'could not extend file' using errcode = 'disk_full'; end $$`.execute(db);
		await sql`create trigger disk_full before update on assessment
			for each row execute function disk_full()`.execute(db);
		return;
	}
	const { rows } = await sql<{ page_count: number }>`pragma page_count`.execute(db);
	await sql.raw(`pragma max_page_count = ${rows[0].page_count}`).execute(db);
	// Drafts beside the one under test fill its page too, so that its answers cannot grow in place.
	for (const size of [4000, 1000, 200, 40, 1]) {
		try {
			for (let n = 0; ; n++) {
				await assessments.create(db, {
					tokenHash: `fill-${size}-${n}`,
					questionnaireId: 'fill',
					questionnaireVersion: '0',
					locale: 'tr',
					answers: { fill: 'x'.repeat(size) }
				});
			}
		} catch {
			// This size no longer fits anywhere; try a smaller one.
		}
	}
}

async function freeStorage(db: Db, name: 'sqlite' | 'postgres') {
	if (name === 'postgres') await sql`drop trigger disk_full on assessment`.execute(db);
	else await sql.raw('pragma max_page_count = 1000000').execute(db);
}

describe.each(testDatabases())('disk full on $name', (target) => {
	beforeAll(async () => {
		current = await target.open();
	});
	afterAll(() => target.close());

	it('answers 503 in the API shape, keeps the answers, and /healthz says degraded', async () => {
		const token = await service.start({ locale: 'tr' });
		await patch(token, { company_name: 'Eski Ad' });
		await fillStorage(current, target.name);

		const response = await patch(token, {
			company_name: 'Yeni ve çok daha uzun bir ad '.repeat(5)
		});
		expect(response.status).toBe(503);
		expect(response.headers.get('retry-after')).toBe('30');
		expect((await response.json()).error).toMatchObject({
			code: 'storage_unavailable',
			issues: []
		});
		expect((await service.open(token))?.assessment.answers).toEqual({ company_name: 'Eski Ad' });

		const health = await healthz.GET();
		expect(health.status).toBe(503);
		expect(await health.json()).toEqual({ status: 'degraded', database: 'writes_failing' });

		await freeStorage(current, target.name);
		expect((await patch(token, { company_name: 'Yeni Ad' })).status).toBe(200);
		expect((await healthz.GET()).status).toBe(200);
	});
});

describe.each(testDatabases().filter((target) => target.name === 'postgres'))(
	'a row locked by another session on $name',
	(target) => {
		let other: Db;
		beforeAll(async () => {
			current = await target.open();
			const { rows } = await sql<{ name: string }>`select current_database() as name`.execute(
				current
			);
			const url = new URL(process.env.TEST_DATABASE_URL!);
			url.pathname = `/${rows[0].name}`;
			other = connect({ kind: 'postgres', connectionString: url.href });
		});
		afterAll(async () => {
			await other.destroy();
			await target.close();
		});

		it('fails the write after lock_timeout with 503 instead of waiting', async () => {
			const token = await service.start({ locale: 'tr' });
			const { assessment } = (await service.open(token))!;
			const holder = await other.startTransaction().execute();
			await holder
				.selectFrom('assessment')
				.select('id')
				.where('id', '=', assessment.id)
				.forUpdate()
				.execute();
			const start = performance.now();
			const response = await patch(token, { company_name: 'Kilitli' });
			const took = performance.now() - start;
			await holder.rollback().execute();
			expect(response.status).toBe(503);
			expect(response.headers.get('retry-after')).toBe('1');
			expect((await response.json()).error.code).toBe('database_busy');
			expect(took).toBeLessThan(1500);
		});
	}
);
