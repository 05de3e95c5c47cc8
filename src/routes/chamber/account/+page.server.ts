import { fail } from '@sveltejs/kit';
import { APIError } from 'better-auth/api';
import { z } from 'zod';
import { audit } from '$lib/server/audit';
import { auth } from '$lib/server/auth';
import * as accounts from '$lib/server/auth/account-service';
import { requireSignedIn } from '$lib/server/auth/guards';
import { type SignedIn } from '$lib/server/auth/session';
import { PASSWORD_CONFIRM_FAILED } from '$lib/server/auth/throttle';
import { parseForm } from '$lib/server/http/form';
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

export const load = async ({ locals, url }) => {
	const user = requireSignedIn(locals, url);
	return {
		user: { name: user.name, email: user.email, twoFactor: user.twoFactor },
		/** The account's role requires two-step verification: it cannot be turned off, and until it is on no other page opens. */
		required: await accounts.needsTwoFactor(user.id)
	};
};

/** A refused password or code, shown next to its field. */
function refused(field: string, key: string) {
	return fail(400, { values: {}, errors: { [field]: key } });
}

/**
 * Checks the password the account page asks for again, under the same throttle as sign-in (counted per account
 * and per network address, logged either way); `run` is the better-auth call that checks it.
 */
async function confirmPassword<T>(user: SignedIn, client: string, run: () => Promise<T>) {
	const checked = await accounts.checkPassword(
		{ email: user.email, address: client, actor: user.id, failure: PASSWORD_CONFIRM_FAILED },
		run
	);
	if (checked.outcome === 'throttled') {
		return fail(429, {
			values: {},
			errors: { password: 'auth.error_throttled' },
			minutes: Math.ceil(checked.retryAfter / 60)
		});
	}
	if (checked.outcome === 'refused') return refused('password', 'auth.error_password_wrong');
	return {
		value: checked.value,
		settle: (action: string) => checked.settle({ actor: user.id, action })
	};
}

export const actions = {
	/**
	 * Starts two-step verification: a new TOTP secret (shown as a QR code for the authenticator app) and backup codes.
	 * It is switched on only once a code from the app is confirmed.
	 */
	enable: async ({ locals, url, request, getClientAddress }) => {
		const user = requireSignedIn(locals, url);
		const parsed = await parseForm(request, passwordForm);
		if (!parsed.ok) return parsed.failure;
		const confirmed = await confirmPassword(user, getClientAddress(), () =>
			auth().api.enableTwoFactor({
				body: { password: parsed.data.password, method: 'totp' },
				headers: request.headers
			})
		);
		if (!('value' in confirmed)) return confirmed;
		await confirmed.settle('auth.two_factor_enrolment_started');
		const started = confirmed.value;
		if (started.method !== 'totp') throw new Error('two-factor enrolment did not start TOTP');
		const { totpURI, backupCodes } = started;
		return {
			enrolment: {
				qr: await qrDataUrl(totpURI),
				secret: new URL(totpURI).searchParams.get('secret') ?? '',
				backupCodes
			}
		};
	},

	/** Confirms the authenticator app with one of its codes; from now on sign-in asks for one. */
	confirm: async ({ locals, url, request }) => {
		const user = requireSignedIn(locals, url);
		const parsed = await parseForm(request, codeForm);
		if (!parsed.ok) return parsed.failure;
		// Claimed before it is checked (the user is known here), so the code cannot also sign in afterwards.
		if (!(await accounts.claimCode(user.id, parsed.data.code)))
			return refused('code', 'auth.error_code');
		try {
			await auth().api.verifyTOTP({ body: { code: parsed.data.code }, headers: request.headers });
		} catch (failure) {
			if (!(failure instanceof APIError)) throw failure;
			return refused('code', 'auth.error_code');
		}
		await audit({ actor: user.id, action: 'auth.two_factor_enabled' });
		return { enabled: true };
	},

	/** Turns two-step verification off, unless the account's role requires it. */
	disable: async ({ locals, url, request, getClientAddress }) => {
		const user = requireSignedIn(locals, url);
		const parsed = await parseForm(request, passwordForm);
		if (!parsed.ok) return parsed.failure;
		if (await accounts.needsTwoFactor(user.id)) {
			return refused('password', 'account.error_two_factor_required');
		}
		const confirmed = await confirmPassword(user, getClientAddress(), () =>
			auth().api.disableTwoFactor({
				body: { password: parsed.data.password },
				headers: request.headers
			})
		);
		if (!('value' in confirmed)) return confirmed;
		await confirmed.settle('auth.two_factor_disabled');
		return { disabled: true };
	}
};
