import { fail } from '@sveltejs/kit';
import { APIError } from 'better-auth/api';
import { z } from 'zod';
import { auth } from '$lib/server/auth';
import { requireSignedIn } from '$lib/server/auth/guards';
import { db } from '$lib/server/db';
import * as auditLog from '$lib/server/db/audit-log';
import { parseForm } from '$lib/server/form';
import { qrDataUrl } from '$lib/server/qr';

const passwordForm = z.object({
	password: z.string().min(1, 'auth.error_password_required').max(256)
});
const codeForm = z.object({
	code: z
		.string()
		.trim()
		.regex(/^\d{6}$/, 'auth.error_code')
});

export const load = ({ locals, url }) => {
	const user = requireSignedIn(locals, url);
	return { user: { name: user.name, email: user.email, twoFactor: user.twoFactor } };
};

/** A refused password or code, shown next to its field. */
function refused(field: string, key: string) {
	return fail(400, { values: {}, errors: { [field]: key } });
}

export const actions = {
	/**
	 * Starts two-step verification: a new TOTP secret (shown as a QR code for the authenticator app) and backup codes.
	 * It is switched on only once a code from the app is confirmed.
	 */
	enable: async ({ locals, url, request }) => {
		requireSignedIn(locals, url);
		const parsed = await parseForm(request, passwordForm);
		if (!parsed.ok) return parsed.failure;
		try {
			const started = await auth().api.enableTwoFactor({
				body: { password: parsed.data.password, method: 'totp' },
				headers: request.headers
			});
			if (started.method !== 'totp') throw new Error('two-factor enrolment did not start TOTP');
			const { totpURI, backupCodes } = started;
			return {
				enrolment: {
					qr: await qrDataUrl(totpURI),
					secret: new URL(totpURI).searchParams.get('secret') ?? '',
					backupCodes
				}
			};
		} catch (failure) {
			if (!(failure instanceof APIError)) throw failure;
			return refused('password', 'auth.error_password_wrong');
		}
	},

	/** Confirms the authenticator app with one of its codes; from now on sign-in asks for one. */
	confirm: async ({ locals, url, request }) => {
		const user = requireSignedIn(locals, url);
		const parsed = await parseForm(request, codeForm);
		if (!parsed.ok) return parsed.failure;
		try {
			await auth().api.verifyTOTP({ body: { code: parsed.data.code }, headers: request.headers });
		} catch (failure) {
			if (!(failure instanceof APIError)) throw failure;
			return refused('code', 'auth.error_code');
		}
		await auditLog.record(db(), { actor: user.id, action: 'auth.two_factor_enabled' });
		return { enabled: true };
	},

	disable: async ({ locals, url, request }) => {
		const user = requireSignedIn(locals, url);
		const parsed = await parseForm(request, passwordForm);
		if (!parsed.ok) return parsed.failure;
		try {
			await auth().api.disableTwoFactor({
				body: { password: parsed.data.password },
				headers: request.headers
			});
		} catch (failure) {
			if (!(failure instanceof APIError)) throw failure;
			return refused('password', 'auth.error_password_wrong');
		}
		await auditLog.record(db(), { actor: user.id, action: 'auth.two_factor_disabled' });
		return { disabled: true };
	}
};
