import { error } from '@sveltejs/kit';
import { requireChamber } from '../auth/guards';
import { qrPng, qrSvg } from '../qr';
import { campaignOf } from './campaign-service';

/*
 * What a chamber hands out to bring its members to a campaign: the share link, its QR code as files and the flyer.
 * The campaign page, the flyer and the two QR downloads all start from `sharedCampaign`, so they check access alike.
 */

/**
 * The campaign in a chamber page's address, with its share link. Only the chamber's users get it (anyone else gets
 * the 404 of an unknown chamber, logged); another chamber's campaign id answers 404 like an unknown one.
 */
export async function sharedCampaign(
	locals: App.Locals,
	url: URL,
	params: { slug: string; id: string }
) {
	const access = await requireChamber(locals, url, params.slug);
	const campaign = await campaignOf(access.chamber.id, params.id);
	if (!campaign) error(404, 'Not Found');
	return { ...access, campaign, link: `${url.origin}/c/${campaign.code}` };
}

const QR_TYPES = { png: 'image/png', svg: 'image/svg+xml; charset=utf-8' } as const;

/**
 * A campaign's QR code as a file to download (for a printer, a slide or a newsletter): PNG at print size, or SVG
 * that scales to any size. It carries only the public share link, but the chamber's pages are private, so no shared
 * cache keeps it.
 */
export async function qrDownload(
	format: keyof typeof QR_TYPES,
	link: string,
	fileName: string
): Promise<Response> {
	const body = format === 'png' ? new Uint8Array(await qrPng(link)) : await qrSvg(link);
	return new Response(body, {
		headers: {
			'content-type': QR_TYPES[format],
			'content-disposition': `attachment; filename="${fileName}.${format}"`,
			'cache-control': 'private, no-store'
		}
	});
}
