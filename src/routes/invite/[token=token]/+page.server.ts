import { error, fail, redirect } from '@sveltejs/kit';
import { APIError } from 'better-auth/api';
import { z } from 'zod';
import { audit } from '$lib/server/audit';
import { auth } from '$lib/server/auth';
import * as accounts from '$lib/server/auth/account-service';
import { addToChamber, createAccount } from '$lib/server/auth/accounts';
import { invitationPayload } from '$lib/server/auth/one-time';
import { withConfirmedPassword } from '$lib/server/auth/passwords';
import * as chambers from '$lib/server/chamber/chamber-service';
import { parseForm } from '$lib/server/http/form';

const acceptForm = withConfirmedPassword({
	name: z.string().trim().min(2, 'admin.error_name').max(200, 'admin.error_name')
});

async function openInvitation(token: string) {
	const payload = invitationPayload.safeParse(await accounts.invitation(token));
	const chamber = payload.success ? await chambers.chamberById(payload.data.chamberId) : undefined;
	if (!payload.success || !chamber) error(404, { message: 'Not Found', kind: 'link' });
	return { ...payload.data, chamber };
}

export const load = async ({ params }) => {
	const { chamber, email, role } = await openInvitation(params.token);
	return { chamber: { name: chamber.name }, email, role };
};

export const actions = {
	/** Creates the invited person's account, adds it to the chamber, spends the link and signs them in. */
	default: async ({ params, request }) => {
		const { chamber, email, role } = await openInvitation(params.token);
		const parsed = await parseForm(request, acceptForm);
		if (!parsed.ok) return parsed.failure;
		const { name, password } = parsed.data;
		if (!(await accounts.spendLink(params.token)))
			error(404, { message: 'Not Found', kind: 'link' });
		try {
			const userId = await createAccount(auth(), { email, name, password });
			await addToChamber(auth(), { userId, chamberId: chamber.id, role });
			await audit({
				actor: userId,
				action: 'auth.invitation_accepted',
				target: chamber.slug
			});
		} catch (failure) {
			if (!(failure instanceof APIError)) throw failure;
			// An account with this e-mail exists already: the platform administrator adds it instead.
			return fail(400, { values: { name }, errors: { form: 'auth.error_account' } });
		}
		await auth().api.signInEmail({ body: { email, password }, headers: request.headers });
		redirect(303, `/chamber/${chamber.slug}`);
	}
};
