import type { Handle, RequestEvent } from '@sveltejs/kit';
import { apiError } from './api';
import { asUnavailable } from '../db/unavailable';

/**
 * For `handleError`: when the error is a database that cannot write just now (locked elsewhere, disk full), notes it
 * on the request for `unavailableStatus` and returns the error the friendly page shows; otherwise undefined.
 * SvelteKit renders every unexpected error as a 500 and handleError cannot change that, hence the two steps.
 */
export function markUnavailable(error: unknown, event: RequestEvent): App.Error | undefined {
	const unavailable = asUnavailable(error);
	if (!unavailable) return undefined;
	event.locals.unavailable = unavailable;
	console.warn(`${event.request.method} ${event.url.pathname}: ${unavailable.message}`);
	return { message: 'Service Unavailable', kind: unavailable.code };
}

/**
 * Turns the 500 of a request that met an unavailable database into 503 with Retry-After, so that browsers, clients
 * and load balancers know to come back; under /api/ the body becomes the API's one error shape.
 */
export const unavailableStatus: Handle = async ({ event, resolve }) => {
	const response = await resolve(event);
	const unavailable = event.locals.unavailable;
	if (!unavailable) return response;
	const retryAfter = String(unavailable.retryAfter);
	if (event.url.pathname.startsWith('/api/'))
		return apiError(503, unavailable.code, event.locals.locale, [], { 'retry-after': retryAfter });
	const headers = new Headers(response.headers);
	headers.set('retry-after', retryAfter);
	headers.set('cache-control', 'no-store');
	return new Response(response.body, { status: 503, headers });
};
