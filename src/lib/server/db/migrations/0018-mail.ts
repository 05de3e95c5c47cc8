import type { Kysely } from 'kysely';

/**
 * E-mail (issue #17). `reminder`: a draft's owner who asked to be reminded if it does not finish; the address is kept
 * only here, only while a reminder is still to be sent, and goes with the assessment (cascade), with the submission,
 * the unsubscription or the last reminder. `mail_send`: when a resume link was mailed for an assessment or to an
 * address (a keyed digest, never the address), so that the sending can be throttled across instances; rows older
 * than the throttle's window are deleted as new ones come.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
	await db.schema
		.createTable('reminder')
		.addColumn('id', 'text', (column) => column.primaryKey())
		.addColumn('assessment_id', 'text', (column) =>
			column.notNull().unique().references('assessment.id').onDelete('cascade')
		)
		.addColumn('email', 'text', (column) => column.notNull())
		// The language the owner used when asking: the reminders speak it.
		.addColumn('locale', 'text', (column) => column.notNull())
		// The tokens of the resume and unsubscribe links, AES-256-GCM under a key derived from the server's secret
		// (see mail/reminders.ts): the database alone opens neither.
		.addColumn('sealed_links', 'text', (column) => column.notNull())
		// SHA-256 of the unsubscribe link's token.
		.addColumn('unsubscribe_hash', 'text', (column) => column.notNull().unique())
		// Reminders sent so far (0 or 1; the row goes after the last).
		.addColumn('sent', 'integer', (column) => column.notNull().defaultTo(0))
		.addColumn('due_at', 'text', (column) => column.notNull())
		// Set by the instance sending it, so two instances never send the same reminder; it expires if one dies.
		.addColumn('claimed_until', 'text')
		.addColumn('created_at', 'text', (column) => column.notNull())
		.execute();
	await db.schema.createIndex('reminder_due').on('reminder').column('due_at').execute();
	await db.schema
		.createTable('mail_send')
		.addColumn('id', 'text', (column) => column.primaryKey())
		// `assessment:<id>` or `address:<keyed digest>`.
		.addColumn('subject', 'text', (column) => column.notNull())
		.addColumn('at', 'text', (column) => column.notNull())
		.execute();
	await db.schema
		.createIndex('mail_send_subject_at')
		.on('mail_send')
		.columns(['subject', 'at'])
		.execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
	await db.schema.dropTable('mail_send').execute();
	await db.schema.dropTable('reminder').execute();
}
