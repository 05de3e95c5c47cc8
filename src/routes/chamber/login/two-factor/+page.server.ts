import { fail, redirect } from '@sveltejs/kit';
import { APIError } from 'better-auth/api';
import { z } from 'zod';
import { audit } from '$lib/server/audit';
import { auth } from '$lib/server/auth';
import * as accounts from '$lib/server/auth/account-service';
import { safeNext } from '$lib/server/auth/guards';
import { parseForm } from '$lib/server/http/form';

/** Six digits from the authenticator app, or one of the printed backup codes. */
const codeForm = z.object({
	code: z
		.string()
		.trim()
		.min(6, 'auth.error_code')
		.max(40, 'auth.error_code')
		.transform((code) => code.replace(/\s+/g, ''))
});

export const load = ({ locals, url }) => {
	if (locals.user) redirect(303, safeNext(url.searchParams.get('next')));
	return {};
};

export const actions = {
	/**
	 * Completes a sign-in whose password was right. better-auth checks the code against the pending sign-in's
	 * signed cookie, and locks the second step after repeated wrong codes. Who signs in is only known once the code
	 * is accepted, so an authenticator code already used is refused afterwards, ending the session just started.
	 */
	verify: async ({ request, url, cookies }) => {
		const parsed = await parseForm(request, codeForm);
		if (!parsed.ok) return parsed.failure;
		const { code } = parsed.data;
		try {
			const body = { code };
			const totp = /^\d{6}$/.test(code);
			const { user, token } = totp
				? await auth().api.verifyTOTP({ body, headers: request.headers })
				: await auth().api.verifyBackupCode({ body, headers: request.headers });
			if (totp && !(await accounts.claimCode(user.id, code))) {
				const context = await auth().$context;
				if (token) await context.internalAdapter.deleteSession(token);
				cookies.delete(context.authCookies.sessionToken.name, { path: '/' });
				await audit({ actor: user.id, action: 'auth.two_factor_code_reused' });
				return fail(400, { values: {}, errors: { code: 'auth.error_code' } });
			}
			await audit({ actor: user.id, action: 'auth.sign_in', target: user.email });
		} catch (failure) {
			if (!(failure instanceof APIError)) throw failure;
			await audit({ actor: 'anonymous', action: 'auth.two_factor_failed' });
			return fail(400, { values: {}, errors: { code: 'auth.error_code' } });
		}
		redirect(303, safeNext(url.searchParams.get('next')));
	}
};
