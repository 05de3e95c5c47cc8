import { getMigrations } from 'better-auth/db/migration';
import { PostgresAdapter, type Kysely } from 'kysely';
import { authSchemaOptions } from '../../auth/options';

/**
 * Chamber and platform accounts: better-auth's own tables (user, session, account, verification, member,
 * invitation, twoFactor) as its 1.7 release defines them for our plugins, created by the library's own migration
 * planner inside this migration so that they run once, under the migrator's lock, like every other migration.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
	const type = db.getExecutor().adapter instanceof PostgresAdapter ? 'postgres' : 'sqlite';
	const plan = await getMigrations(authSchemaOptions(db, type));
	await plan.runMigrations();

	// One-time links: the first platform administrator's set-up link and chamber invitations (no mail server needed:
	// the link is shown to whoever creates it, to pass on).
	await db.schema
		.createTable('one_time_link')
		.addColumn('token_hash', 'text', (column) => column.primaryKey())
		.addColumn('purpose', 'text', (column) => column.notNull())
		.addColumn('payload', 'text', (column) => column.notNull())
		.addColumn('created_at', 'text', (column) => column.notNull())
		.addColumn('expires_at', 'text', (column) => column.notNull())
		.addColumn('used_at', 'text')
		.execute();
	// Sign-in throttling counts recent failures per e-mail (target) and per network address (actor).
	await db.schema
		.createIndex('audit_log_action_target')
		.on('audit_log')
		.columns(['action', 'target', 'at'])
		.execute();
	await db.schema
		.createIndex('audit_log_action_actor')
		.on('audit_log')
		.columns(['action', 'actor', 'at'])
		.execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
	await db.schema.dropTable('one_time_link').execute();
	await db.schema.dropIndex('audit_log_action_actor').execute();
	await db.schema.dropIndex('audit_log_action_target').execute();
	for (const table of [
		'twoFactor',
		'invitation',
		'member',
		'verification',
		'account',
		'session',
		'user'
	]) {
		await db.schema.dropTable(table).ifExists().execute();
	}
	await db.schema.alterTable('chamber').dropColumn('metadata').execute();
}
