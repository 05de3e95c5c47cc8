import { json } from '@sveltejs/kit';
import { health } from '$lib/server/health';

/**
 * Health for load balancers: 200 while the database answers; 503 `unavailable` when it does not, and 503 `degraded`
 * while it answers but writes fail for lack of space (the instance cannot save anyone's answers).
 */
export async function GET() {
	const status = await health();
	return json(
		{ status, ...(status === 'degraded' ? { database: 'writes_failing' } : {}) },
		{ status: status === 'ok' ? 200 : 503, headers: { 'cache-control': 'no-store' } }
	);
}
