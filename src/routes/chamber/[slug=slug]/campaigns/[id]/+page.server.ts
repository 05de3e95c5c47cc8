import { sharedCampaign } from '$lib/server/chamber/campaign-share';
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
