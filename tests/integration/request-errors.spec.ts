import { isHttpError } from '@sveltejs/kit';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Db } from '$lib/server/db/connect';
import { redact } from '$lib/server/http/request-errors';
import { stepsOf } from '$lib/questionnaire/steps';
import { testDatabases } from '../fixtures/databases';

// The routes read the process-wide database; point it at a real one.
let current: Db;
vi.mock('$lib/server/db', () => ({ db: () => current }));
const assessmentService = await import('$lib/server/assessment/assessment-service');
const { catalogue } = await import('$lib/server/content');
const { actions } = await import('../../src/routes/assessment/[token=token]/[step]/+page.server');
const { handleError } = await import('../../src/hooks.server');

const TOKEN = 'Abcd' + 'x'.repeat(38) + 'Z'; // 43 URL-safe characters, like every resume and one-time link

describe('redaction', () => {
	it.each([
		[`PATCH /api/v1/assessments/${TOKEN}`, 'PATCH /api/v1/assessments/Abcd…'],
		[`GET /setup/${TOKEN}?x=1`, 'GET /setup/Abcd…?x=1'],
		[`token=${TOKEN}&a=b`, 'token=Abcd…&a=b'],
		['GET /c/AbCdEfGhIjKlMnOpQrStUv', 'GET /c/AbCd…'],
		['Authorization: Bearer s3cr3t-token.value, next', 'Authorization: Bearer s3cr…, next']
	])('%s', (line, redacted) => {
		expect(redact(line)).toBe(redacted);
	});

	it('leaves ids, slugs and shorter or longer words alone', () => {
		const line = 'chamber tekirdag-tso id Q0l3mZx8abcdEF12 SQLITE_CONSTRAINT_PRIMARYKEY';
		expect(redact(line)).toBe(line);
	});
});

describe('what the server logs about a failed request', () => {
	const [sqlite] = testDatabases();
	const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
	beforeAll(async () => {
		current = await sqlite.open();
	});
	afterEach(() => logged.mockClear());
	afterAll(() => sqlite.close());

	function lines() {
		return logged.mock.calls.map((call) => call.map(String).join(' '));
	}

	it('a truncated form body is a 400 and one line, without the token or a stack', async () => {
		const token = await assessmentService.start({ locale: 'tr' });
		const step = stepsOf(catalogue().questionnaires.get('green-deal-readiness')!)[0].id;
		const url = `http://localhost/assessment/${token}/${step}?/save`;
		const request = new Request(url, {
			method: 'POST',
			headers: { 'content-type': 'multipart/form-data; boundary=XYZ' },
			body: '--XYZ\r\nContent-Disposition: form-data; name="intent"\r\n\r\nnext'
		});
		const thrown = await actions
			.save({ params: { token, step }, request, locals: { locale: 'tr' } } as never)
			.catch((error: unknown) => error);
		expect(isHttpError(thrown) && thrown.status).toBe(400);
		expect(isHttpError(thrown) && thrown.body).toEqual({ message: 'Bad Request', kind: 'request' });
		expect(lines()).toHaveLength(1);
		const [line] = lines();
		expect(line).toMatch(
			new RegExp(
				`^\\d{4}-\\d\\d-\\d\\dT[\\d:.]+Z POST /assessment/${token.slice(0, 4)}…/${step} 400: `
			)
		);
		expect(line).not.toContain(token);
		expect(line).not.toMatch(/\n\s+at /);
	});

	it('a server fault keeps its stack, but not the tokens in the path or the message', async () => {
		const event = {
			request: new Request(`http://localhost/api/v1/assessments/${TOKEN}`, { method: 'PATCH' }),
			url: new URL(`http://localhost/api/v1/assessments/${TOKEN}`)
		};
		const answer = await handleError({
			error: new Error(`no row for ${TOKEN}`),
			status: 500,
			message: 'Internal Error',
			event
		} as never);
		expect(answer).toEqual({ message: 'Internal Error' });
		const [line] = lines();
		expect(line).toContain('PATCH /api/v1/assessments/Abcd… 500: Error: no row for Abcd…');
		expect(line).toMatch(/\n\s+at /);
		expect(line).not.toContain(TOKEN);
	});

	it('a request SvelteKit refuses (a form action posted without a body) is one line and a 4xx page', async () => {
		const url = `http://localhost/chamber/login?/signOut`;
		const refused = Object.assign(new Error('Form actions expect form-encoded data'), {
			status: 415
		});
		const answer = await handleError({
			error: refused,
			status: 415,
			message: 'Unsupported Media Type',
			event: { request: new Request(url, { method: 'POST' }), url: new URL(url) }
		} as never);
		expect(answer).toEqual({ message: 'Bad Request', kind: 'request' });
		expect(lines()).toEqual([
			expect.stringMatching(/Z POST \/chamber\/login 415: Form actions expect form-encoded data$/)
		]);
	});
});
