import nodemailer, { type Transporter } from 'nodemailer';
import type { Config } from '../config';

/** A plain-text mail, composed in the recipient's language (see compose.ts). */
export interface Mail {
	to: string;
	subject: string;
	text: string;
	/**
	 * The unsubscribe page, sent as List-Unsubscribe so that mail programs offer it. Not RFC 8058 one-click
	 * (List-Unsubscribe-Post): a mail provider's POST carries no Origin, and SvelteKit refuses cross-site form posts
	 * before any of our code runs; the page asks for one click instead.
	 */
	unsubscribe?: string;
}

/** Thrown when the SMTP server does not take a mail (down, refused, timed out): the caller may answer 503. */
export class MailFailed extends Error {}

/** A mail server that does not answer must not hold a request for nodemailer's default minutes. */
const TIMEOUTS_MS = { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 20_000 };

const transports = new Map<string, Transporter>();

/** One transport per SMTP URL, made on first use; it opens a connection per mail, so nothing idles open. */
function transportFor(smtpUrl: string): Transporter {
	let transport = transports.get(smtpUrl);
	if (!transport) {
		transport = nodemailer.createTransport({ url: smtpUrl, ...TIMEOUTS_MS });
		transports.set(smtpUrl, transport);
	}
	return transport;
}

/** Sends a mail through the configured SMTP server; `MailFailed` when it does not take it. */
export async function send(mail: NonNullable<Config['mail']>, message: Mail): Promise<void> {
	try {
		await transportFor(mail.smtpUrl).sendMail({
			from: mail.from,
			to: message.to,
			subject: message.subject,
			text: message.text,
			...(message.unsubscribe ? { list: { unsubscribe: message.unsubscribe } } : {})
		});
	} catch (error) {
		throw new MailFailed(error instanceof Error ? error.message : String(error), { cause: error });
	}
}
