import { startSmtp } from '../fixtures/smtp';

/**
 * The test SMTP server the end-to-end server mails through (SMTP_URL in playwright.config.ts), for the whole run.
 * It writes every mail into E2E_MAIL_DIR, where the tests, in their own worker processes, read what arrived.
 */
export default async function globalSetup() {
	const smtp = await startSmtp({
		port: Number(process.env.E2E_SMTP_PORT),
		folder: process.env.E2E_MAIL_DIR
	});
	return () => smtp.close();
}
