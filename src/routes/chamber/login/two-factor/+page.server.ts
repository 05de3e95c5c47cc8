import { fail, redirect } from '@sveltejs/kit';
import { APIError } from 'better-auth/api';
import { z } from 'zod';
import { auth } from '$lib/server/auth';
import { safeNext } from '$lib/server/auth/guards';
import { claimCode } from '$lib/server/auth/two-factor';
import { db } from '$lib/server/db';
import * as auditLog from '$lib/server/db/audit-log';
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
			if (totp && !(await claimCode(db(), user.id, code))) {
				const context = await auth().$context;
				if (token) await context.internalAdapter.deleteSession(token);
				cookies.delete(context.authCookies.sessionToken.name, { path: '/' });
				await auditLog.record(db(), { actor: user.id, action: 'auth.two_factor_code_reused' });
				return fail(400, { values: {}, errors: { code: 'auth.error_code' } });
			}
			await auditLog.record(db(), { actor: user.id, action: 'auth.sign_in', target: user.email });
		} catch (failure) {
			if (!(failure instanceof APIError)) throw failure;
			await auditLog.record(db(), { actor: 'anonymous', action: 'auth.two_factor_failed' });
			return fail(400, { values: {}, errors: { code: 'auth.error_code' } });
		}
		redirect(303, safeNext(url.searchParams.get('next')));
	}
};
