import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import * as auditLog from '$lib/server/db/audit-log';
import { migrateToLatest, ping, type Db } from '$lib/server/db/connect';
import { migrationProvider } from '$lib/server/db/migrations';
import { testDatabases } from '../fixtures/databases';

describe.each(testDatabases())('database on $name', (target) => {
	let db: Db;
	beforeAll(async () => {
		db = await target.open();
	});
	afterAll(() => target.close());

	it('answers the health check', async () => {
		expect(await ping(db)).toBe(true);
	});

	it('runs migrations again without change', async () => {
		await migrateToLatest(db);
		const { rows } = await sql<{ n: number }>`select count(*) as n from kysely_migration`.execute(
			db
		);
		const known = Object.keys(await migrationProvider.getMigrations()).length;
		expect(Number(rows[0].n)).toBe(known);
	});

	it('keeps audit entries newest first and filters by target', async () => {
		await auditLog.record(
			db,
			{ actor: 'user-1', action: 'chamber.login' },
			new Date('2026-01-01T10:00:00Z')
		);
		await auditLog.record(
			db,
			{ actor: 'anonymous', action: 'assessment.delete', target: 'İzmir & Çerkezköy' },
			new Date('2026-01-02T10:00:00Z')
		);
		const all = await auditLog.listRecent(db);
		expect(all.map((entry) => entry.action)).toEqual(['assessment.delete', 'chamber.login']);
		const filtered = await auditLog.listRecent(db, { target: 'İzmir & Çerkezköy' });
		expect(filtered).toEqual([
			{
				at: '2026-01-02T10:00:00.000Z',
				actor: 'anonymous',
				action: 'assessment.delete',
				target: 'İzmir & Çerkezköy'
			}
		]);
	});
});

describe('a database that does not answer', () => {
	it('fails the health check instead of throwing', async () => {
		const { connect } = await import('$lib/server/db/connect');
		const db = connect({
			kind: 'postgres',
			connectionString: 'postgres://nobody@127.0.0.1:1/none'
		});
		expect(await ping(db)).toBe(false);
		await db.destroy();
	});
});
