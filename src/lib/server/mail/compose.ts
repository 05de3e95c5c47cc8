import type { Locale } from '$lib/i18n/locales';
import type { Mail } from './transport';
import { mailTranslator } from './translate';

/*
 * The words of every mail, in the recipient's language. Mails are plain text and carry links only: never an answer,
 * a score or anything else of an assessment, since mail crosses servers the firm does not control.
 */

/** An invitation to join a chamber: who invites, as what, and the one-time link. */
export async function invitationMail(
	locale: Locale,
	to: string,
	invitation: { chamber: string; role: string; link: string; hours: number }
): Promise<Mail> {
	const t = await mailTranslator(locale);
	return {
		to,
		subject: t('mail.invitation_subject', { chamber: invitation.chamber }),
		text: `${t('mail.invitation_body', {
			chamber: invitation.chamber,
			role: t(`admin.role_${invitation.role}`),
			link: invitation.link,
			hours: invitation.hours
		})}\n\n${t('mail.signature')}`
	};
}

/** The firm's own resume link, which it asked for; with the way to stop reminders when it asked for those too. */
export async function resumeLinkMail(
	locale: Locale,
	to: string,
	links: { resume: string; unsubscribe?: string }
): Promise<Mail> {
	const t = await mailTranslator(locale);
	const reminders = links.unsubscribe
		? `\n\n${t('mail.resume_reminders', { unsubscribe: links.unsubscribe })}`
		: '';
	return {
		to,
		subject: t('mail.resume_subject'),
		text: `${t('mail.resume_body', { link: links.resume })}${reminders}\n\n${t('mail.signature')}`,
		unsubscribe: links.unsubscribe
	};
}

/** A reminder to finish a draft: the link, whether it is the last, and the one-click way out. */
export async function reminderMail(
	locale: Locale,
	to: string,
	reminder: { resume: string; unsubscribe: string; last: boolean }
): Promise<Mail> {
	const t = await mailTranslator(locale);
	const last = reminder.last ? `\n\n${t('mail.reminder_last')}` : '';
	return {
		to,
		subject: t('mail.reminder_subject'),
		text:
			`${t('mail.reminder_body', { link: reminder.resume })}${last}\n\n` +
			`${t('mail.reminder_unsubscribe', { unsubscribe: reminder.unsubscribe })}\n\n${t('mail.signature')}`,
		unsubscribe: reminder.unsubscribe
	};
}
