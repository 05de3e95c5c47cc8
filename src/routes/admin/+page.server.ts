import { error, fail } from '@sveltejs/kit';
import { z } from 'zod';
import { auth } from '$lib/server/auth';
import { requirePlatformAdmin } from '$lib/server/auth/guards';
import { issueLink } from '$lib/server/auth/one-time';
import { CHAMBER_ROLES } from '$lib/server/auth/options';
import { email } from '$lib/server/auth/passwords';
import { chamberInput, logoDataUrl } from '$lib/server/chamber/chamber-input';
import { db } from '$lib/server/db';
import * as auditLog from '$lib/server/db/audit-log';
import * as chambers from '$lib/server/db/chambers';
import * as members from '$lib/server/db/members';
import { parseForm, parseFormData, readForm } from '$lib/server/http/form';
import { catalogue } from '$lib/server/content';

const inviteForm = z.object({
	chamber: z.string().min(1),
	email,
	role: z.enum(CHAMBER_ROLES, 'admin.error_role')
});

const userForm = z.object({ userId: z.string().min(1).max(100) });

export const load = async ({ locals, url }) => {
	const user = await requirePlatformAdmin(locals, url);
	const all = await chambers.listAll(db());
	return {
		user: { name: user.name },
		/** Every chamber with the people who can open it. */
		chambers: await Promise.all(
			all.map(async (chamber) => ({
				id: chamber.id,
				slug: chamber.slug,
				name: chamber.name,
				users: await members.usersOf(db(), chamber.id)
			}))
		),
		provinces: catalogue().provinces,
		roles: CHAMBER_ROLES
	};
};

export const actions = {
	/** Registers a chamber, with an optional PNG or JPEG logo. */
	createChamber: async ({ locals, url, request }) => {
		const admin = await requirePlatformAdmin(locals, url);
		const form = await readForm(request);
		const file = form.get('logo');
		let logo: string | undefined;
		if (file instanceof File && file.size > 0) {
			const read = logoDataUrl(new Uint8Array(await file.arrayBuffer()));
			if (!read.ok) {
				const values = {
					slug: String(form.get('slug') ?? ''),
					name: String(form.get('name') ?? '')
				};
				return fail(400, { values, errors: { logo: read.reason } });
			}
			logo = read.url;
		}
		const schema = chamberInput(catalogue().provinces.map((province) => province.code));
		const parsed = parseFormData(form, schema);
		if (!parsed.ok) return parsed.failure;
		if (await chambers.findBySlug(db(), parsed.data.slug)) {
			return fail(400, { values: parsed.data, errors: { slug: 'admin.error_slug_taken' } });
		}
		const chamber = await chambers.create(db(), { ...parsed.data, logo });
		await auditLog.record(db(), {
			actor: admin.id,
			action: 'chamber.create',
			target: chamber.slug
		});
		return { created: chamber.name };
	},

	/** A one-time link that lets the invited person create an account in the chamber (shown once, to pass on). */
	invite: async ({ locals, url, request }) => {
		const admin = await requirePlatformAdmin(locals, url);
		const parsed = await parseForm(request, inviteForm);
		if (!parsed.ok) return parsed.failure;
		const chamber = await chambers.findById(db(), parsed.data.chamber);
		if (!chamber) error(404, 'Not Found');
		const token = await issueLink(db(), 'chamber_invitation', {
			chamberId: chamber.id,
			email: parsed.data.email,
			role: parsed.data.role
		});
		await auditLog.record(db(), {
			actor: admin.id,
			action: 'chamber.invite',
			target: chamber.slug
		});
		return {
			invitation: {
				chamber: chamber.id,
				email: parsed.data.email,
				link: `${url.origin}/invite/${token}`
			}
		};
	},

	/** Disables an account: it can no longer sign in, and its sessions end now. */
	disable: async ({ locals, url, request }) => {
		const admin = await requirePlatformAdmin(locals, url);
		const parsed = await parseForm(request, userForm);
		if (!parsed.ok) return parsed.failure;
		await auth().api.banUser({ body: { userId: parsed.data.userId }, headers: request.headers });
		await auditLog.record(db(), {
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
		await auditLog.record(db(), {
			actor: admin.id,
			action: 'user.enable',
			target: parsed.data.userId
		});
		return { enabled: parsed.data.userId };
	}
};
