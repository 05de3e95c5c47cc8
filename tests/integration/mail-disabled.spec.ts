import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Db } from '$lib/server/db/connect';
import { testDatabases } from '../fixtures/databases';

// No SMTP_URL: the server mails nothing and says so, and pages only show the link to copy.
delete process.env.SMTP_URL;

let current: Db;
vi.mock('$lib/server/db', () => ({ db: () => current }));
const service = await import('$lib/server/assessment/assessment-service');
const { sendDueReminders } = await import('$lib/server/mail/reminders');
const sendLinkApi = await import('../../src/routes/api/v1/assessments/[token]/send-link/+server');

describe.each(testDatabases())('without SMTP_URL on $name', (target) => {
	beforeAll(async () => {
		current = await target.open();
	});
	afterAll(() => target.close());

	it('answers "send me my link" with a localised 503, and sends no reminders', async () => {
		const token = await service.start({ locale: 'tr' });
		const request = new Request(`http://localhost/api/v1/assessments/${token}/send-link`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ email: 'firma@example.org', remind: true })
		});
		const response = await sendLinkApi.POST({
			params: { token },
			request,
			locals: { locale: 'tr' },
			url: new URL(request.url)
		} as never);
		expect(response.status).toBe(503);
		const body = await response.json();
		expect(body.error.code).toBe('mail_unavailable');
		expect(body.error.message).toContain('SMTP');
		expect(await current.selectFrom('reminder').selectAll().execute()).toEqual([]);
		expect(await sendDueReminders(current)).toBe(0);
	});
});
