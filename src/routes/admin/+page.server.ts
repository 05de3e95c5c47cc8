import { error, fail, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { auth } from '$lib/server/auth';
import { audit } from '$lib/server/audit';
import { requirePlatformAdmin } from '$lib/server/auth/guards';
import { CHAMBER_ROLES } from '$lib/server/auth/options';
import { email } from '$lib/server/auth/passwords';
import { chamberEdit, chamberInput, formLogo } from '$lib/server/chamber/chamber-input';
import * as chambers from '$lib/server/chamber/chamber-service';
import { parseForm, parseFormData, readForm, type FormProblems } from '$lib/server/http/form';
import { catalogue } from '$lib/server/content';
import { locales } from '$lib/i18n/locales';
import { mailInvitation } from '$lib/server/mail/invitation';
import { mailEnabled } from '$lib/server/mail/resume-link';

const inviteForm = z.object({
	chamber: z.string().min(1),
	email,
	role: z.enum(CHAMBER_ROLES, 'admin.error_role'),
	// The language the invitation mail is written in (the page's own when the form has no choice: no SMTP_URL).
	language: z.enum(locales).optional()
});

const userForm = z.object({ userId: z.string().min(1).max(100) });

export const load = async ({ locals, url }) => {
	const user = await requirePlatformAdmin(locals, url);
	const provinces = catalogue().provinces;
	const provinceNames = new Map(provinces.map((province) => [province.code, province.name]));
	return {
		user: { name: user.name },
		/** Every chamber with its province's name, the people who can open it and its pending invitations. */
		chambers: (await chambers.chambersWithUsers()).map((chamber) => ({
			...chamber,
			provinceName: chamber.province ? (provinceNames.get(chamber.province) ?? null) : null
		})),
		provinces,
		roles: CHAMBER_ROLES,
		/** The slug of the chamber just changed (after the 303 of `updateChamber`), whose card says so. */
		updated: url.searchParams.get('updated'),
		/** Whether invitations are also mailed (SMTP_URL set): the form then asks for the mail's language. */
		mailEnabled: mailEnabled()
	};
};

export const actions = {
	/** Registers a chamber, with an optional PNG or JPEG logo. */
	createChamber: async ({ locals, url, request }) => {
		const admin = await requirePlatformAdmin(locals, url);
		const form = await readForm(request);
		const read = await formLogo(form.get('logo'));
		if (!read.ok) {
			const values = {
				slug: String(form.get('slug') ?? ''),
				name: String(form.get('name') ?? '')
			};
			return fail(400, { values, errors: { logo: read.reason } });
		}
		const logo = read.url;
		const schema = chamberInput(catalogue().provinces.map((province) => province.code));
		const parsed = parseFormData(form, schema);
		if (!parsed.ok) return parsed.failure;
		const chamber = await chambers.registerChamber(admin.id, { ...parsed.data, logo });
		if (chamber === 'slug_taken') {
			return fail(400, { values: parsed.data, errors: { slug: 'admin.error_slug_taken' } });
		}
		return { created: chamber.name };
	},

	/** Renames a chamber and, when a file is chosen, replaces its logo; each change audited. */
	updateChamber: async ({ locals, url, request }) => {
		const admin = await requirePlatformAdmin(locals, url);
		const form = await readForm(request);
		const parsed = parseFormData(form, chamberEdit);
		const logo = await formLogo(form.get('chamberLogo'));
		if (!parsed.ok || !logo.ok) {
			const { values, errors }: FormProblems = parsed.ok
				? { values: { ...parsed.data }, errors: {} }
				: parsed.failure.data;
			if (!logo.ok) errors.chamberLogo = logo.reason;
			return fail(400, { values, errors });
		}
		const chamber = await chambers.chamberById(parsed.data.chamber);
		if (!chamber) error(404, 'Not Found');
		await chambers.updateChamber(admin.id, chamber, {
			name: parsed.data.chamberName,
			logo: logo.url
		});
		redirect(303, `/admin?updated=${chamber.slug}#chamber-${chamber.slug}`);
	},

	/**
	 * A one-time link that lets the invited person create an account in the chamber: mailed to them when SMTP_URL is
	 * set, and shown once either way, to pass on.
	 */
	invite: async ({ locals, url, request }) => {
		const admin = await requirePlatformAdmin(locals, url);
		const parsed = await parseForm(request, inviteForm);
		if (!parsed.ok) return parsed.failure;
		const chamber = await chambers.chamberById(parsed.data.chamber);
		if (!chamber) error(404, 'Not Found');
		const token = await chambers.invite(admin.id, chamber, parsed.data);
		const link = `${url.origin}/invite/${token}`;
		const mailed = await mailInvitation({
			chamber: chamber.name,
			email: parsed.data.email,
			role: parsed.data.role,
			locale: parsed.data.language ?? locals.locale,
			link
		});
		return { invitation: { chamber: chamber.id, email: parsed.data.email, link, mailed } };
	},

	/** Disables an account: it can no longer sign in, and its sessions end now. */
	disable: async ({ locals, url, request }) => {
		const admin = await requirePlatformAdmin(locals, url);
		const parsed = await parseForm(request, userForm);
		if (!parsed.ok) return parsed.failure;
		await auth().api.banUser({ body: { userId: parsed.data.userId }, headers: request.headers });
		await audit({
			actor: admin.id,
			action: 'user.disable',
			target: parsed.data.userId
		});
		return { disabled: parsed.data.userId };
	},

	/** Lets a disabled account sign in again. */
	enable: async ({ locals, url, request }) => {
		const admin = await requirePlatformAdmin(locals, url);
		const parsed = await parseForm(request, userForm);
		if (!parsed.ok) return parsed.failure;
		await auth().api.unbanUser({ body: { userId: parsed.data.userId }, headers: request.headers });
		await audit({
			actor: admin.id,
			action: 'user.enable',
			target: parsed.data.userId
		});
		return { enabled: parsed.data.userId };
	}
};
