import { redirect } from '@sveltejs/kit';
import { remindersPending, unsubscribe } from '$lib/server/mail/unsubscribe';

export const load = async ({ params, url, setHeaders }) => {
	// A secret link, like the resume link: out of shared caches and search engines.
	setHeaders({ 'cache-control': 'private, no-store', 'x-robots-tag': 'noindex' });
	return {
		/** Just stopped by this page's button. */
		done: url.searchParams.has('done'),
		/** Whether reminders are still to come for this link (none after submitting, erasing or stopping them). */
		pending: await remindersPending(params.token)
	};
};

export const actions = {
	/** Stops the reminders and deletes the address; asked by a button, so a link preview cannot do it unasked. */
	default: async ({ params }) => {
		await unsubscribe(params.token);
		redirect(303, `/unsubscribe/${params.token}?done`);
	}
};
