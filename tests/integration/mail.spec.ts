import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Db } from '$lib/server/db/connect';
import { randomAnswers, seededRandom } from '../fixtures/answers';
import { testDatabases } from '../fixtures/databases';
import { recipient, startSmtp } from '../fixtures/smtp';

// A real SMTP server on loopback; the app is pointed at it before its configuration is first read.
const smtp = await startSmtp();
process.env.SMTP_URL = smtp.url;
process.env.MAIL_FROM = 'Yeşil Hazırlık <bildirim@example.org>';
process.env.ORIGIN = 'https://hazirlik.example.org';
process.env.AUTH_SECRET = randomBytes(32).toString('base64url');

let current: Db;
vi.mock('$lib/server/db', () => ({ db: () => current }));
const service = await import('$lib/server/assessment/assessment-service');
const { questionnaire } = await import('$lib/server/content');
const { sendDueReminders, REMINDER_DAYS } = await import('$lib/server/mail/reminders');
const { mailInvitation } = await import('$lib/server/mail/invitation');
const sendLinkApi = await import('../../src/routes/api/v1/assessments/[token]/send-link/+server');
const unsubscribePage = await import('../../src/routes/unsubscribe/[token=token]/+page.server');

// The firm's own words, which no mail may ever carry.
const answers = {
	...randomAnswers(questionnaire(), seededRandom(11)),
	company_name: 'Gizli Tekstil A.Ş.',
	contact_email: 'gizli@tekstil.example'
};
const DAY = 86_400_000;

/** `POST /api/v1/assessments/<token>/send-link` as a client sends it. */
async function sendLink(token: string, body: unknown, locale: 'tr' | 'en' = 'en') {
	const request = new Request(
		`https://hazirlik.example.org/api/v1/assessments/${token}/send-link`,
		{
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify(body)
		}
	);
	const response = await sendLinkApi.POST({
		params: { token },
		request,
		locals: { locale },
		url: new URL(request.url)
	} as never);
	return { status: response.status, headers: response.headers, body: await response.json() };
}

const address = () => `firma-${randomBytes(4).toString('hex')}@example.org`;
const mailsTo = (to: string) => smtp.mails.filter((mail) => recipient(mail) === to);
const answerTexts = [answers.company_name, answers.contact_email];

/** The unsubscribe token of the last mail to `to`, from its List-Unsubscribe link. */
function unsubscribeToken(to: string): string {
	const text = mailsTo(to).at(-1)!.text ?? '';
	return /\/unsubscribe\/([A-Za-z0-9_-]{43})/.exec(text)![1];
}

afterAll(() => smtp.close());

describe.each(testDatabases())('e-mail on $name', (target) => {
	beforeAll(async () => {
		current = await target.open();
	});
	afterAll(() => target.close());
	beforeEach(async () => {
		// Each test starts with no pending reminders of the others, so its rounds count only its own.
		await current.deleteFrom('reminder').execute();
	});

	it('mails the firm its own link in its language, with no answer in it (202)', async () => {
		const token = await service.start({ locale: 'tr', answers });
		const to = address();
		const sent = await sendLink(token, { email: `  ${to.toUpperCase()} ` }, 'tr');
		expect(sent.status).toBe(202);
		expect(sent.body).toEqual({ sent: true, reminders: false });
		const [mail] = mailsTo(to);
		expect(mail.subject).toBe('Yeşil Hazırlık değerlendirmenizin bağlantısı');
		expect(mail.from?.text).toContain('bildirim@example.org');
		expect(mail.text).toContain(`https://hazirlik.example.org/assessment/${token}`);
		expect(mail.html).toBe(false);
		for (const text of answerTexts) expect(mail.text).not.toContain(text);
		// Not kept: no reminder was asked for.
		expect(await current.selectFrom('reminder').selectAll().execute()).toEqual([]);
	});

	it('refuses a bad address (400) and an unknown link (404), localised', async () => {
		const token = await service.start({ locale: 'en', answers });
		const bad = await sendLink(token, { email: 'not-an-address' }, 'tr');
		expect(bad.status).toBe(400);
		expect(bad.body.error.code).toBe('invalid_body');
		expect(bad.body.error.issues[0].path).toBe('email');
		const unknown = await sendLink('A'.repeat(43), { email: address() });
		expect(unknown.status).toBe(404);
		expect(unknown.body.error.code).toBe('assessment_not_found');
	});

	it('throttles per assessment and per address: 429 with Retry-After', async () => {
		const token = await service.start({ locale: 'en', answers });
		for (let i = 0; i < 3; i++)
			expect((await sendLink(token, { email: address() })).status).toBe(202);
		const refused = await sendLink(token, { email: address() });
		expect(refused.status).toBe(429);
		expect(refused.body.error.code).toBe('mail_throttled');
		expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(3000);

		const to = address();
		for (let i = 0; i < 3; i++) {
			const other = await service.start({ locale: 'en', answers });
			expect((await sendLink(other, { email: to })).status).toBe(202);
		}
		const fourth = await service.start({ locale: 'en', answers });
		expect((await sendLink(fourth, { email: to })).status).toBe(429);
		expect(mailsTo(to)).toHaveLength(3);
	});

	it('sends at most two reminders, in the owner’s language, each with a way out', async () => {
		const token = await service.start({ locale: 'en', answers });
		const to = address();
		const asked = new Date();
		expect((await sendLink(token, { email: to, remind: true })).body.reminders).toBe(true);
		expect(mailsTo(to)[0].text).toContain('/unsubscribe/');

		expect(await sendDueReminders(current, new Date(asked.getTime() + DAY))).toBe(0);
		const first = new Date(asked.getTime() + REMINDER_DAYS[0] * DAY + 60_000);
		expect(await sendDueReminders(current, first)).toBe(1);
		expect(await sendDueReminders(current, first)).toBe(0);
		const reminder = mailsTo(to)[1];
		expect(reminder.subject).toBe('Your Yeşil Hazırlık assessment is waiting for you');
		expect(reminder.text).toContain(`https://hazirlik.example.org/assessment/${token}`);
		const listUnsubscribe = reminder.headerLines.find((line) => line.key === 'list-unsubscribe');
		// Folded over two lines by the sender, as long headers are.
		expect(listUnsubscribe?.line.replace(/\r\n\s+/g, ' ')).toMatch(
			/^List-Unsubscribe: <https:\/\/hazirlik\.example\.org\/unsubscribe\/[A-Za-z0-9_-]{43}>$/
		);
		for (const text of answerTexts) expect(reminder.text).not.toContain(text);

		const second = new Date(asked.getTime() + REMINDER_DAYS[1] * DAY + 60_000);
		expect(await sendDueReminders(current, second)).toBe(1);
		expect(mailsTo(to)[2].text).toContain('This is the last reminder');
		expect(await sendDueReminders(current, new Date(asked.getTime() + 60 * DAY))).toBe(0);
		// The address is gone with the last reminder.
		expect(await current.selectFrom('reminder').selectAll().execute()).toEqual([]);
	});

	it('sends none after the draft is submitted, and forgets the address at once', async () => {
		const token = await service.start({ locale: 'en', answers });
		await sendLink(token, { email: address(), remind: true });
		const outcome = await service.submit((await service.open(token))!);
		expect(outcome.ok).toBe(true);
		expect(await current.selectFrom('reminder').selectAll().execute()).toEqual([]);
		expect(await sendDueReminders(current, new Date(Date.now() + 30 * DAY))).toBe(0);
	});

	it('sends none after the owner unsubscribes with the link of the mail', async () => {
		const token = await service.start({ locale: 'tr', answers });
		const to = address();
		await sendLink(token, { email: to, remind: true }, 'tr');
		const unsubscribe = unsubscribeToken(to);
		const page = () =>
			unsubscribePage.load({
				params: { token: unsubscribe },
				url: new URL(`https://hazirlik.example.org/unsubscribe/${unsubscribe}`),
				setHeaders: () => {}
			} as never);
		expect(await page()).toMatchObject({ pending: true, done: false });
		await expect(
			unsubscribePage.actions.default({ params: { token: unsubscribe } } as never)
		).rejects.toMatchObject({ status: 303 });
		expect(await page()).toMatchObject({ pending: false });
		expect(await sendDueReminders(current, new Date(Date.now() + 30 * DAY))).toBe(0);
	});

	it('erases the request with the assessment', async () => {
		const token = await service.start({ locale: 'en', answers });
		await sendLink(token, { email: address(), remind: true });
		await service.erase((await service.open(token))!, 'this');
		expect(await current.selectFrom('reminder').selectAll().execute()).toEqual([]);
	});

	it('never sends one reminder twice when two rounds run at once (two instances)', async () => {
		const token = await service.start({ locale: 'en', answers });
		const to = address();
		await sendLink(token, { email: to, remind: true });
		const due = new Date(Date.now() + REMINDER_DAYS[0] * DAY + 60_000);
		const rounds = await Promise.all([
			sendDueReminders(current, due),
			sendDueReminders(current, due),
			sendDueReminders(current, due)
		]);
		expect(rounds.reduce((sum, sent) => sum + sent, 0)).toBe(1);
		expect(mailsTo(to)).toHaveLength(2);
	});

	it('mails an invitation in the language chosen for it', async () => {
		const to = address();
		const link = `https://hazirlik.example.org/invite/${'x'.repeat(43)}`;
		const outcome = await mailInvitation({
			chamber: 'Kocaeli Sanayi Odası',
			email: to,
			role: 'admin',
			locale: 'tr',
			link
		});
		expect(outcome).toBe('sent');
		const [mail] = mailsTo(to);
		expect(mail.subject).toBe("Kocaeli Sanayi Odası sizi Yeşil Hazırlık'a davet ediyor");
		expect(mail.text).toContain(link);
		expect(mail.text).toContain('72 saat');
	});
});
