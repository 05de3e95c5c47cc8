import { fail, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { audit } from '$lib/server/audit';
import { auth } from '$lib/server/auth';
import * as accounts from '$lib/server/auth/account-service';
import { safeNext } from '$lib/server/auth/guards';
import { email } from '$lib/server/auth/passwords';
import { SIGN_IN_FAILED, addressActor } from '$lib/server/auth/throttle';
import { parseForm } from '$lib/server/http/form';

const signInForm = z.object({
	email,
	password: z.string().min(1, 'auth.error_password_required').max(256, 'auth.error_sign_in')
});

export const load = ({ locals, url }) => {
	if (locals.user) redirect(303, safeNext(url.searchParams.get('next')));
	return { signedOut: url.searchParams.has('signed_out') };
};

export const actions = {
	/**
	 * Signs in with e-mail and password. An unknown e-mail and a wrong password get the same answer (and the library
	 * hashes a dummy password for an unknown e-mail, so the timing is alike too); attempts are counted before the
	 * password is checked, and throttled.
	 */
	signIn: async ({ request, url, getClientAddress, setHeaders }) => {
		const parsed = await parseForm(request, signInForm);
		if (!parsed.ok) return parsed.failure;
		const { email: address, password } = parsed.data;
		const values = { email: address };
		const client = getClientAddress();

		const checked = await accounts.checkPassword(
			{ email: address, address: client, actor: addressActor(client), failure: SIGN_IN_FAILED },
			() => auth().api.signInEmail({ body: { email: address, password }, headers: request.headers })
		);
		if (checked.outcome === 'throttled') {
			setHeaders({ 'retry-after': String(checked.retryAfter) });
			return fail(429, {
				values,
				errors: { form: 'auth.error_throttled' },
				minutes: Math.ceil(checked.retryAfter / 60)
			});
		}
		if (checked.outcome === 'refused') {
			return fail(400, { values, errors: { form: 'auth.error_sign_in' } });
		}
		const result = checked.value;
		if ('twoFactorRedirect' in result) {
			// The password was right; the session starts once the authenticator code is too.
			await checked.settle({ actor: addressActor(client), action: 'auth.password_accepted' });
			redirect(
				303,
				`/chamber/login/two-factor?next=${encodeURIComponent(safeNext(url.searchParams.get('next')))}`
			);
		}
		await checked.settle({ actor: result.user.id, action: 'auth.sign_in' });
		redirect(303, safeNext(url.searchParams.get('next')));
	},

	/** Ends the session (on the server, not only in the browser). */
	signOut: async ({ request, locals }) => {
		if (locals.user) {
			await auth().api.signOut({ headers: request.headers });
			await audit({ actor: locals.user.id, action: 'auth.sign_out' });
		}
		redirect(303, '/chamber/login?signed_out=1');
	}
};
