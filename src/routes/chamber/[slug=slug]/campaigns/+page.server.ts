import { error, redirect } from '@sveltejs/kit';
import { dayInTurkiye } from '$lib/i18n/format';
import { requireChamber } from '$lib/server/auth/guards';
import { campaignInput } from '$lib/server/chamber/campaign-input';
import * as campaigns from '$lib/server/chamber/campaign-service';
import { campaignsWithProgress } from '$lib/server/chamber/progress-service';
import { parseForm } from '$lib/server/http/form';

export const load = async ({ locals, url, params }) => {
	const { chamber } = await requireChamber(locals, url, params.slug);
	const list = await campaignsWithProgress(chamber.id);
	return {
		/**
		 * The chamber's campaigns, newest first, each with whether it takes assessments now, its share link and its
		 * progress (withheld counts null, as on the dashboard).
		 */
		campaigns: list.map((campaign) => ({
			...campaign,
			link: `${url.origin}/c/${campaign.code}`
		})),
		/** Today in Türkiye, the day a new campaign opens unless told otherwise. */
		today: dayInTurkiye(new Date())
	};
};

export const actions = {
	/** Creates a campaign and opens its page with the share link and QR code. */
	create: async ({ locals, url, params, request }) => {
		const { user, chamber, canEdit } = await requireChamber(locals, url, params.slug);
		if (!canEdit) error(403, 'Forbidden');
		const parsed = await parseForm(request, campaignInput);
		if (!parsed.ok) return parsed.failure;
		const id = await campaigns.createCampaign(user.id, chamber.id, parsed.data);
		redirect(303, `/chamber/${chamber.slug}/campaigns/${id}`);
	}
};
