import type { RequestEvent } from '@sveltejs/kit';
import { describe, expect, it, vi } from 'vitest';
import { DatabaseUnavailable } from '$lib/server/db/unavailable';
import { markUnavailable, unavailableStatus } from '$lib/server/http/unavailable-response';

function event(path: string) {
	return {
		request: new Request(`http://localhost${path}`, { method: 'POST' }),
		url: new URL(`http://localhost${path}`),
		locals: { locale: 'tr' }
	} as unknown as RequestEvent;
}

/** What SvelteKit does with an unexpected error: asks handleError, renders the error page as a 500. */
function failingResolve(error: unknown) {
	return async (request: RequestEvent) => {
		markUnavailable(error, request);
		return new Response('<h1>error page</h1>', {
			status: 500,
			headers: { 'content-type': 'text/html' }
		});
	};
}

describe('a page or form that meets an unavailable database', () => {
	vi.spyOn(console, 'warn').mockImplementation(() => {});

	it('is a 503 with Retry-After showing the friendly page', async () => {
		const page = event('/assessment/x/review?/submit');
		const response = await unavailableStatus({
			event: page,
			resolve: failingResolve(new DatabaseUnavailable('busy'))
		});
		expect(response.status).toBe(503);
		expect(response.headers.get('retry-after')).toBe('1');
		expect(await response.text()).toBe('<h1>error page</h1>');
		expect(markUnavailable(new DatabaseUnavailable('busy'), page)).toEqual({
			message: 'Service Unavailable',
			kind: 'database_busy'
		});
	});

	it('is the API error shape under /api/, whichever endpoint threw', async () => {
		const response = await unavailableStatus({
			event: event('/api/v1/chambers/x/statistics'),
			resolve: failingResolve(Object.assign(new Error('disk full'), { code: 'SQLITE_FULL' }))
		});
		expect(response.status).toBe(503);
		expect(response.headers.get('retry-after')).toBe('30');
		expect((await response.json()).error).toMatchObject({
			code: 'storage_unavailable',
			issues: []
		});
	});

	it('leaves every other error alone', async () => {
		const response = await unavailableStatus({
			event: event('/assessment/x'),
			resolve: failingResolve(new Error('bug'))
		});
		expect(response.status).toBe(500);
	});
});
