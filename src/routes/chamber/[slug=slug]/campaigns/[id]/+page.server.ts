import { error, fail, redirect } from '@sveltejs/kit';
import { requireChamber } from '$lib/server/auth/guards';
import { campaignEdit } from '$lib/server/chamber/campaign-input';
import * as campaigns from '$lib/server/chamber/campaign-service';
import { sharedCampaign } from '$lib/server/chamber/campaign-share';
import { parseForm } from '$lib/server/http/form';
import { qrDataUrl } from '$lib/server/qr';

export const load = async ({ locals, url, params }) => {
	const { campaign, link } = await sharedCampaign(locals, url, params);
	return {
		campaign,
		link,
		/** The share link as a QR code: an SVG image's data URL (see qrDataUrl). */
		qr: await qrDataUrl(link)
	};
};

export const actions = {
	/** Changes the campaign's name, days (Türkiye time) and target; owners and administrators only. */
	edit: async ({ locals, url, params, request }) => {
		const { user, chamber, canEdit } = await requireChamber(locals, url, params.slug);
		if (!canEdit) error(403, 'Forbidden');
		const parsed = await parseForm(request, campaignEdit);
		if (!parsed.ok) return parsed.failure;
		if (!(await campaigns.editCampaign(user.id, chamber.id, params.id, parsed.data))) {
			error(404, 'Not Found');
		}
		redirect(303, `${url.pathname}?saved=edit`);
	},
	/** Ends the campaign now, before its closing day; owners and administrators only. */
	close: async ({ locals, url, params }) => {
		const { user, chamber, canEdit } = await requireChamber(locals, url, params.slug);
		if (!canEdit) error(403, 'Forbidden');
		if (!(await campaigns.closeCampaign(user.id, chamber.id, params.id))) {
			if (!(await campaigns.campaignOf(chamber.id, params.id))) error(404, 'Not Found');
			return fail(400, { values: {}, errors: { close: 'campaigns.error_not_open' } });
		}
		redirect(303, `${url.pathname}?saved=close`);
	}
};
