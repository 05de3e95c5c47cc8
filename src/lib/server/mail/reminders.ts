import { isLocale } from '$lib/i18n/locales';
import { config } from '../config';
import { authSecret } from '../auth/secret';
import type { Db } from '../db/connect';
import * as reminders from '../db/reminders';
import { hashToken, newToken } from '../assessment/tokens';
import { seal, unseal } from '../sealed';
import { reminderMail } from './compose';
import { MailFailed, send } from './transport';

/*
 * Reminders to finish a draft, for owners who asked for them when they mailed themselves their link: at most two,
 * REMINDER_DAYS after the request, none once the draft is submitted or erased or the owner unsubscribes. The row
 * holds the resume link's token sealed under the server's secret (AUTH_SECRET, or the generated one beside the
 * SQLite file), so a copy of the database alone opens no assessment.
 */

/** Days after the request that the first and the second reminder are due. */
export const REMINDER_DAYS = [3, 10] as const;

/** How long an instance holds a reminder it is sending before another may take it over. */
const CLAIM_MS = 5 * 60_000;

/** How often each server looks for due reminders. */
const ROUND_MS = 10 * 60_000;

const SEAL_PURPOSE = 'yesil-hazirlik reminder link';

/** The two tokens a reminder links to, sealed together in the row. */
interface SealedLinks {
	resume: string;
	unsubscribe: string;
}

/** The sealed tokens of a reminder; undefined when sealed under a secret this server no longer has. */
function openLinks(due: reminders.DueReminder): SealedLinks | undefined {
	try {
		return JSON.parse(
			unseal(authSecret(config()), SEAL_PURPOSE, due.assessmentId, due.sealedLinks)
		) as SealedLinks;
	} catch {
		return undefined;
	}
}

const addDays = (from: Date, days: number) => new Date(from.getTime() + days * 86_400_000);

/** The public address links in mails start with: ORIGIN, as set in production. */
export function publicOrigin(): string {
	const { origin, port } = config();
	return origin ?? `http://localhost:${port}`;
}

/** The token of a new unsubscribe link: only its hash is stored, and the reminder's sealed copy. */
export const newUnsubscribeToken = newToken;

/**
 * Records that the owner of a draft wants reminders at `email`, replacing an earlier request; `unsubscribe` is the
 * token of the link that stops them (already in the mail that confirmed the request).
 */
export async function requestReminders(
	db: Db,
	request: {
		assessmentId: string;
		email: string;
		locale: string;
		token: string;
		unsubscribe: string;
	},
	now = new Date()
): Promise<void> {
	const { unsubscribe } = request;
	await reminders.subscribe(
		db,
		{
			assessmentId: request.assessmentId,
			email: request.email,
			locale: request.locale,
			sealedLinks: seal(
				authSecret(config()),
				SEAL_PURPOSE,
				request.assessmentId,
				JSON.stringify({ resume: request.token, unsubscribe } satisfies SealedLinks)
			),
			unsubscribeHash: hashToken(unsubscribe),
			dueAt: addDays(now, REMINDER_DAYS[0])
		},
		now
	);
}

/** The unsubscribe page's address for a token. */
export const unsubscribeUrl = (origin: string, token: string) => `${origin}/unsubscribe/${token}`;

/** Whether an unsubscribe link still stands for reminders to come (the page says so, or that none are left). */
export function hasPendingReminders(db: Db, token: string): Promise<boolean> {
	return reminders.existsForUnsubscribe(db, hashToken(token));
}

/** Stops the reminders of an unsubscribe link and forgets the address; doing it twice is harmless. */
export function stopReminders(db: Db, token: string): Promise<void> {
	return reminders.unsubscribe(db, hashToken(token));
}

/**
 * One round: sends every reminder due by `now` and returns how many went. A reminder whose draft was submitted
 * meanwhile is dropped unsent; one the SMTP server refuses stays claimed until its claim expires and is tried again
 * in a later round. Without SMTP_URL, nothing is sent. Safe on several instances at once (see `claimDue`).
 */
export async function sendDueReminders(db: Db, now = new Date()): Promise<number> {
	const mail = config().mail;
	if (!mail) return 0;
	let sent = 0;
	for (const due of await reminders.claimDue(db, now, CLAIM_MS)) {
		const links = openLinks(due);
		// A draft submitted meanwhile needs no reminder; a link sealed under a lost secret cannot be given back.
		if (!due.draft || !links) {
			await reminders.finish(db, due.id);
			continue;
		}
		const last = due.sent + 1 >= REMINDER_DAYS.length;
		const message = await reminderMail(isLocale(due.locale) ? due.locale : 'tr', due.email, {
			resume: `${publicOrigin()}/assessment/${links.resume}`,
			unsubscribe: unsubscribeUrl(publicOrigin(), links.unsubscribe),
			last
		});
		try {
			await send(mail, message);
		} catch (error) {
			if (!(error instanceof MailFailed)) throw error;
			console.error(`A reminder could not be sent (tried again later): ${error.message}`);
			continue;
		}
		sent++;
		if (last) await reminders.finish(db, due.id);
		else
			await reminders.markSent(
				db,
				due.id,
				addDays(new Date(due.createdAt), REMINDER_DAYS[due.sent + 1])
			);
	}
	return sent;
}

/**
 * Starts this server's reminder rounds when SMTP_URL is set: one now, then every ten minutes. The timer never keeps
 * a stopping server alive, and a failed round (database away) is logged and left to the next.
 */
export function startReminderRounds(db: Db): void {
	if (!config().mail) return;
	const round = async () => {
		try {
			await sendDueReminders(db);
		} catch (error) {
			console.error('Sending reminders failed:', error);
		}
	};
	void round();
	setInterval(() => void round(), ROUND_MS).unref();
}
