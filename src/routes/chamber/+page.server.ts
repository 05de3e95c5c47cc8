import { redirect } from '@sveltejs/kit';
import { requireSignedIn } from '$lib/server/auth/guards';
import * as accounts from '$lib/server/auth/account-service';

/** Where a signed-in user lands: their chamber, the admin page, or the list of their chambers. */
export const load = async ({ locals, url }) => {
	const user = requireSignedIn(locals, url);
	if (user.platformAdmin) redirect(303, '/admin');
	const chambers = await accounts.chambersOf(user.id);
	if (chambers.length === 1) redirect(303, `/chamber/${chambers[0].slug}`);
	return { user: { name: user.name }, chambers };
};
