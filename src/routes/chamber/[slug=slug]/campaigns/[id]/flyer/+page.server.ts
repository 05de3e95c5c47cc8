import { sharedCampaign } from '$lib/server/chamber/campaign-share';
import { qrDataUrl } from '$lib/server/qr';

export const load = async ({ locals, url, params }) => {
	const { chamber, campaign, link } = await sharedCampaign(locals, url, params);
	return {
		/** Who invites: the flyer is printed for the chamber's members, so its name and logo head it. */
		chamber: { slug: chamber.slug, name: chamber.name, logo: chamber.logo },
		/** Only what a firm needs: no state, no counts (the flyer hangs on walls for weeks). */
		campaign: { id: campaign.id, name: campaign.name, closesAt: campaign.closesAt },
		link,
		/** The share link as a QR code, for print: an SVG image's data URL (see qrDataUrl). */
		qr: await qrDataUrl(link)
	};
};
