import { error, fail, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import * as assessmentService from '$lib/server/assessment/assessment-service';
import { email } from '$lib/server/auth/passwords';
import { parseForm } from '$lib/server/http/form';
import { MailFailed } from '$lib/server/mail/transport';
import { mailEnabled, sendResumeLink } from '$lib/server/mail/resume-link';

const sendLinkForm = z.object({
	email,
	remind: z.literal('on').optional(),
	// The page the form was on (a step's id, `review` or `results`), to come back to: a path segment, nothing more.
	back: z
		.string()
		.regex(/^[a-z0-9_-]{1,64}$/)
		.catch('results')
});

/** The form posts here from the resume box of every page; this page only shows a refusal without JavaScript. */
export const load = () => {
	if (!mailEnabled()) error(404, 'Not Found');
};

export const actions = {
	/**
	 * Mails the firm its link (and records its wish for reminders), then goes back to the page it came from, which says
	 * it was sent. A refusal is shown here without JavaScript, beside the form, and with it in the resume box.
	 */
	default: async ({ params, request, locals, url }) => {
		const opened = await assessmentService.open(params.token);
		if (!opened || !mailEnabled()) error(404, 'Not Found');
		const parsed = await parseForm(request, sendLinkForm);
		if (!parsed.ok) return parsed.failure;
		const values = {
			email: parsed.data.email,
			remind: parsed.data.remind ?? '',
			back: parsed.data.back
		};
		try {
			const sent = await sendResumeLink(opened, {
				token: params.token,
				email: parsed.data.email,
				remind: parsed.data.remind === 'on',
				locale: locals.locale,
				origin: url.origin
			});
			if (sent.outcome === 'throttled') {
				const minutes = Math.ceil(sent.retryAfter / 60);
				return fail(429, { values, errors: { form: 'resume.mail_throttled' }, minutes });
			}
			if (sent.outcome === 'sent') {
				const flag = sent.reminders ? 'reminders' : '1';
				redirect(303, `/assessment/${params.token}/${parsed.data.back}?link_sent=${flag}`);
			}
		} catch (failure) {
			if (!(failure instanceof MailFailed)) throw failure;
		}
		return fail(503, { values, errors: { form: 'resume.mail_failed' } });
	}
};
