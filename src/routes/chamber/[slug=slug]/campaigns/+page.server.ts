import { error, redirect } from '@sveltejs/kit';
import { requireChamber } from '$lib/server/auth/guards';
import { campaignInput } from '$lib/server/chamber/campaign-input';
import { db } from '$lib/server/db';
import * as auditLog from '$lib/server/db/audit-log';
import * as campaigns from '$lib/server/db/campaigns';
import { parseForm } from '$lib/server/http/form';
import { DEFAULT_QUESTIONNAIRE } from '$lib/server/content';

export const load = async ({ locals, url, params }) => {
	const { chamber } = await requireChamber(locals, url, params.slug);
	const list = await campaigns.listForChamber(db(), chamber.id);
	return {
		/** The chamber's campaigns, newest first, each with whether it takes assessments now and its share link. */
		campaigns: list.map((campaign) => ({
			...campaign,
			state: campaigns.campaignState(campaign),
			link: `${url.origin}/c/${campaign.code}`
		})),
		today: new Date().toISOString().slice(0, 10)
	};
};

export const actions = {
	/** Creates a campaign and opens its page with the share link and QR code. */
	create: async ({ locals, url, params, request }) => {
		const { user, chamber, canEdit } = await requireChamber(locals, url, params.slug);
		if (!canEdit) error(403, 'Forbidden');
		const parsed = await parseForm(request, campaignInput);
		if (!parsed.ok) return parsed.failure;
		const { id } = await campaigns.create(db(), {
			chamberId: chamber.id,
			name: parsed.data.name,
			questionnaireId: DEFAULT_QUESTIONNAIRE,
			opensAt: parsed.data.opensAt ?? new Date(),
			closesAt: parsed.data.closesAt
		});
		await auditLog.record(db(), { actor: user.id, action: 'campaign.create', target: id });
		redirect(303, `/chamber/${chamber.slug}/campaigns/${id}`);
	}
};
