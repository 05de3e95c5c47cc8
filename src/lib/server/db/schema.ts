import type { Generated } from 'kysely';

/**
 * The tables, as Kysely sees them. Times are ISO-8601 UTC strings on both databases so that they sort and compare the
 * same way in SQLite (which has no date type) and PostgreSQL.
 */
export interface Schema {
	audit_log: AuditLogTable;
}

export interface AuditLogTable {
	id: Generated<string>;
	at: string;
	/** Who acted: a user id, `system`, or `anonymous`. */
	actor: string;
	/** What happened, as a dotted verb such as `chamber.login` or `assessment.delete`. */
	action: string;
	/** What it happened to (an id or slug), if anything. */
	target: string | null;
}
