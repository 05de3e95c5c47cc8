import { error, fail, redirect } from '@sveltejs/kit';
import { APIError } from 'better-auth/api';
import { z } from 'zod';
import { audit } from '$lib/server/audit';
import { auth } from '$lib/server/auth';
import * as accounts from '$lib/server/auth/account-service';
import { createAccount } from '$lib/server/auth/accounts';
import { email, withConfirmedPassword } from '$lib/server/auth/passwords';
import { parseForm } from '$lib/server/http/form';

const setupForm = withConfirmedPassword({
	name: z.string().trim().min(2, 'admin.error_name').max(200, 'admin.error_name'),
	email
});

async function usable(token: string) {
	if (!(await accounts.setupLinkUsable(token))) error(404, { message: 'Not Found', kind: 'link' });
}

export const load = async ({ params }) => {
	await usable(params.token);
	return {};
};

export const actions = {
	/** Creates the first platform administrator, spends the link and signs the new administrator in. */
	default: async ({ params, request }) => {
		await usable(params.token);
		const parsed = await parseForm(request, setupForm);
		if (!parsed.ok) return parsed.failure;
		const { name, email: address, password } = parsed.data;
		if (!(await accounts.spendLink(params.token)))
			error(404, { message: 'Not Found', kind: 'link' });
		try {
			const id = await createAccount(auth(), {
				email: address,
				name,
				password,
				platformAdmin: true
			});
			await audit({ actor: id, action: 'auth.platform_admin_created' });
		} catch (failure) {
			if (!(failure instanceof APIError)) throw failure;
			return fail(400, {
				values: { name, email: address },
				errors: { email: 'auth.error_account' }
			});
		}
		await auth().api.signInEmail({ body: { email: address, password }, headers: request.headers });
		redirect(303, '/admin');
	}
};
