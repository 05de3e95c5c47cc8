import { error } from '@sveltejs/kit';
import QRCode from 'qrcode';
import { requireChamber } from '$lib/server/auth/guards';
import { db } from '$lib/server/db';
import * as campaigns from '$lib/server/db/campaigns';

export const load = async ({ locals, url, params }) => {
	const { chamber } = await requireChamber(locals, url, params.slug);
	// Looked up within the chamber: another chamber's campaign id answers 404 like an unknown one.
	const campaign = await campaigns.findForChamber(db(), chamber.id, params.id);
	if (!campaign) error(404, 'Not Found');
	const link = `${url.origin}/c/${campaign.code}`;
	return {
		campaign: { ...campaign, state: campaigns.campaignState(campaign) },
		link,
		/** The share link as a QR code, drawn on the server as SVG (no script, prints sharp at any size). */
		qr: await QRCode.toString(link, { type: 'svg', margin: 2, errorCorrectionLevel: 'M' })
	};
};
