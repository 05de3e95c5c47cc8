import { error } from '@sveltejs/kit';
import { requireChamber } from '$lib/server/auth/guards';
import * as campaigns from '$lib/server/chamber/campaign-service';
import { qrDataUrl } from '$lib/server/qr';

export const load = async ({ locals, url, params }) => {
	const { chamber } = await requireChamber(locals, url, params.slug);
	// Looked up within the chamber: another chamber's campaign id answers 404 like an unknown one.
	const campaign = await campaigns.campaignOf(chamber.id, params.id);
	if (!campaign) error(404, 'Not Found');
	const link = `${url.origin}/c/${campaign.code}`;
	return {
		campaign,
		link,
		/** The share link as a QR code: an SVG image's data URL (see qrDataUrl). */
		qr: await qrDataUrl(link)
	};
};
