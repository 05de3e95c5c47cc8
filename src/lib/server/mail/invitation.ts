import type { Locale } from '$lib/i18n/locales';
import { LINK_HOURS } from '../auth/one-time';
import { config } from '../config';
import { invitationMail } from './compose';
import { MailFailed, send } from './transport';

/** What became of an invitation's mail: the page says "sent to …", or that the link must be passed on by hand. */
export type InvitationMailing = 'sent' | 'failed' | 'disabled';

/**
 * Mails a chamber invitation's one-time link to the invited address, in the language the administrator chose for
 * it. Never throws for a mail server that refuses: the administrator still has the link on the page to pass on.
 */
export async function mailInvitation(invitation: {
	chamber: string;
	email: string;
	role: string;
	locale: Locale;
	link: string;
}): Promise<InvitationMailing> {
	const mail = config().mail;
	if (!mail) return 'disabled';
	try {
		await send(
			mail,
			await invitationMail(invitation.locale, invitation.email, {
				chamber: invitation.chamber,
				role: invitation.role,
				link: invitation.link,
				hours: LINK_HOURS.chamber_invitation
			})
		);
		return 'sent';
	} catch (error) {
		if (!(error instanceof MailFailed)) throw error;
		console.error(`An invitation could not be mailed: ${error.message}`);
		return 'failed';
	}
}
