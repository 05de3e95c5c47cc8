import { json } from '@sveltejs/kit';
import { z } from 'zod';
import { apiError, handleApi, readJson, validateBody } from '$lib/server/http/api';
import { openOr404 } from '$lib/server/http/api-assessments';
import { email } from '$lib/server/auth/passwords';
import { MailFailed } from '$lib/server/mail/transport';
import { mailEnabled, sendResumeLink } from '$lib/server/mail/resume-link';

/** `remind`: also send up to two reminders if the draft is not submitted (the address is then kept until they end). */
const sendLinkBody = z.strictObject({ email, remind: z.boolean().optional() });

/**
 * Mails the firm its resume link, in the caller's language: 202 when the mail server took it, 503
 * `mail_unavailable` on a server without SMTP_URL (copy the link instead) and `mail_failed` when the mail server
 * refuses, 429 with Retry-After past the throttle (per assessment and per address), 404 for an unknown token.
 */
export async function POST({ params, request, locals, url }) {
	return handleApi(locals.locale, async () => {
		const found = await openOr404(params.token, locals.locale);
		if ('response' in found) return found.response;
		const body = await validateBody(
			await readJson(request, z.unknown(), locals.locale),
			sendLinkBody,
			locals.locale
		);
		if (!mailEnabled()) return apiError(503, 'mail_unavailable', locals.locale);
		try {
			const sent = await sendResumeLink(found.opened, {
				token: params.token,
				email: body.email,
				remind: body.remind ?? false,
				locale: locals.locale,
				origin: url.origin
			});
			if (sent.outcome === 'throttled') {
				return apiError(429, 'mail_throttled', locals.locale, [], {
					'retry-after': String(sent.retryAfter)
				});
			}
			if (sent.outcome === 'disabled') return apiError(503, 'mail_unavailable', locals.locale);
			return json(
				{ sent: true, reminders: sent.reminders },
				{ status: 202, headers: { 'cache-control': 'no-store' } }
			);
		} catch (error) {
			if (error instanceof MailFailed) return apiError(503, 'mail_failed', locals.locale);
			throw error;
		}
	});
}
