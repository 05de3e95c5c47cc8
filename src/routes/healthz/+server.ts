import { json } from '@sveltejs/kit';
import { db } from '$lib/server/db';
import { ping } from '$lib/server/db/connect';

/** Liveness for load balancers: 200 while the database answers, 503 when it does not. */
export async function GET() {
	const healthy = await ping(db());
	return json(
		{ status: healthy ? 'ok' : 'unavailable' },
		{ status: healthy ? 200 : 503, headers: { 'cache-control': 'no-store' } }
	);
}
