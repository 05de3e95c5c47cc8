import type { ParsedMail } from 'mailparser';
import { expect } from './test';
import { mailsIn, recipient } from '../fixtures/smtp';

/** The mails the test SMTP server has received for `to` so far, oldest first. */
export async function mailsTo(to: string): Promise<ParsedMail[]> {
	const all = await mailsIn(process.env.E2E_MAIL_DIR!);
	return all.filter((mail) => recipient(mail) === to);
}

/** Waits until `to` has received `count` mails (the app sends while answering, but delivery is asynchronous). */
export async function waitForMails(to: string, count: number): Promise<ParsedMail[]> {
	await expect.poll(async () => (await mailsTo(to)).length, { timeout: 10_000 }).toBe(count);
	return mailsTo(to);
}

/** The first link of a mail's text that starts with `prefix`. */
export function linkIn(mail: ParsedMail, prefix: string): string {
	const escaped = prefix.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
	const found = new RegExp(`${escaped}\\S+`).exec(mail.text ?? '');
	if (!found) throw new Error(`no link starting with ${prefix} in: ${mail.text}`);
	return found[0];
}
