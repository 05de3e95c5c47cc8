import { db } from './db';
import { ping, writesFailing } from './db/connect';

/**
 * The instance's health for load balancers: `unavailable` when the database does not answer, `degraded` while it
 * answers but writes fail for lack of space (nobody's answers can be saved).
 */
export async function health(): Promise<'ok' | 'degraded' | 'unavailable'> {
	if (!(await ping(db()))) return 'unavailable';
	return writesFailing(db()) ? 'degraded' : 'ok';
}
