import { qrDownload, sharedCampaign } from '$lib/server/chamber/campaign-share';

/** The campaign's QR code as an SVG file, for the chamber's users only. */
export async function GET({ locals, url, params }) {
	const { chamber, campaign, link } = await sharedCampaign(locals, url, params);
	return qrDownload('svg', link, `${chamber.slug}-qr-${campaign.code}`);
}
