import { db } from './db';
import * as auditLog from './db/audit-log';

/**
 * Writes one entry of the audit log (sign-ins, exports, deletions, settings) in the process-wide database, so that
 * routes record what was done without reaching into the repositories.
 */
export async function audit(entry: { actor: string; action: string; target?: string | null }) {
	await auditLog.record(db(), entry);
}
