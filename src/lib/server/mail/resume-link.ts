import { createHmac } from 'node:crypto';
import type { Locale } from '$lib/i18n/locales';
import { config } from '../config';
import { authSecret } from '../auth/secret';
import { db } from '../db';
import * as auditLog from '../db/audit-log';
import * as mailSends from '../db/mail-sends';
import * as reminders from '../db/reminders';
import type { Opened } from '../assessment/assessment-service';
import { resumeLinkMail } from './compose';
import { newUnsubscribeToken, requestReminders, unsubscribeUrl } from './reminders';
import { send } from './transport';

/**
 * "Send me my link": a firm mails itself its resume link, at the address it types, and may ask for reminders. The
 * address is kept only with that request (see reminders.ts); the throttle keeps a keyed digest of it for an hour.
 */

/**
 * At most `perHour` mails for one assessment and as many to one address, so that the form cannot be used to flood
 * a mailbox, nor a firm's link be mailed to many places unnoticed.
 */
export const SEND_LINK_THROTTLE = { perHour: 3 };

const HOUR_MS = 3_600_000;

export type SendLinkOutcome =
	| { outcome: 'sent'; reminders: boolean }
	/** No SMTP_URL: the page shows the link to copy instead. */
	| { outcome: 'disabled' }
	| { outcome: 'throttled'; retryAfter: number };

/** Whether this server sends mail at all (SMTP_URL set); without it, pages show links to copy. */
export const mailEnabled = (): boolean => config().mail !== undefined;

/** A digest of the address under the server's secret: it tells repeats apart without keeping the address. */
function addressSubject(email: string): string {
	const digest = createHmac('sha256', authSecret(config())).update(email).digest('base64url');
	return `address:${digest}`;
}

/** Seconds until one more mail is allowed for a subject, given its recent mails besides this one; 0 for now. */
function wait(recent: { at: string }[], now: Date): number {
	if (recent.length < SEND_LINK_THROTTLE.perHour) return 0;
	const freedAt = new Date(recent[SEND_LINK_THROTTLE.perHour - 1].at).getTime() + HOUR_MS;
	return Math.max(1, Math.ceil((freedAt - now.getTime()) / 1000));
}

/**
 * Mails the firm its resume link (`token`, the one its page was opened with) and, when it asks and the assessment
 * is still a draft, records its request for reminders. The mail is counted before the throttle looks, so parallel
 * requests count each other; a refused one takes its count back. `MailFailed` when the SMTP server refuses it.
 * Audited, without the address.
 */
export async function sendResumeLink(
	opened: Opened,
	request: { token: string; email: string; remind: boolean; locale: Locale; origin: string },
	now = new Date()
): Promise<SendLinkOutcome> {
	const mail = config().mail;
	if (!mail) return { outcome: 'disabled' };
	const { assessment } = opened;
	const subjects = [`assessment:${assessment.id}`, addressSubject(request.email)];
	const since = new Date(now.getTime() - HOUR_MS);
	const own = await mailSends.record(db(), subjects, now, since);
	const waits = await Promise.all(
		subjects.map(async (subject) => {
			const recent = await mailSends.recent(db(), subject, since, SEND_LINK_THROTTLE.perHour + 2);
			return wait(
				recent.filter((row) => !own.includes(row.id)),
				now
			);
		})
	);
	const retryAfter = Math.max(...waits);
	if (retryAfter > 0) {
		await mailSends.remove(db(), own);
		return { outcome: 'throttled', retryAfter };
	}
	const remind = request.remind && assessment.status === 'draft';
	const unsubscribe = remind ? newUnsubscribeToken() : undefined;
	await send(
		mail,
		await resumeLinkMail(request.locale, request.email, {
			resume: `${request.origin}/assessment/${request.token}`,
			unsubscribe: unsubscribe && unsubscribeUrl(request.origin, unsubscribe)
		})
	);
	// Only once the mail that tells how to stop them has gone.
	if (unsubscribe) {
		const { token, email, locale } = request;
		await requestReminders(
			db(),
			{ assessmentId: assessment.id, email, locale, token, unsubscribe },
			now
		);
	}
	await auditLog.record(db(), {
		actor: 'anonymous',
		action: remind ? 'assessment.send_link_with_reminders' : 'assessment.send_link',
		target: assessment.id
	});
	return { outcome: 'sent', reminders: remind };
}

/** Whether the assessment's owner asked for reminders that are still to come (the page says so). */
export function remindersRequested(opened: Opened): Promise<boolean> {
	return reminders.isSubscribed(db(), opened.assessment.id);
}
