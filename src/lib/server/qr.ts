import QRCode from 'qrcode';

/** Medium error correction: a printed code still scans with a smudge or a fold. */
const ERROR_CORRECTION = 'M';

/**
 * A QR code as an SVG document. `quietZone` is the white margin in modules: the standard's 4 for a file that will be
 * placed on any background (a flyer, a slide), 2 on our own white pages.
 */
export function qrSvg(text: string, quietZone = 4): Promise<string> {
	return QRCode.toString(text, {
		type: 'svg',
		margin: quietZone,
		errorCorrectionLevel: ERROR_CORRECTION
	});
}

/** A QR code as a PNG image, large enough (1024 px) to print sharp on an A4 poster. */
export function qrPng(text: string): Promise<Buffer> {
	return QRCode.toBuffer(text, {
		type: 'png',
		width: 1024,
		margin: 4,
		errorCorrectionLevel: ERROR_CORRECTION
	});
}

/**
 * A QR code as the source of an `<img>`: an SVG drawn on the server (no script, prints sharp at any size) in a
 * `data:` URL, which the CSP allows for images. An image cannot run script, so whatever the encoded text holds
 * (a user's e-mail in a TOTP address, a chamber's name), nothing of it is ever inserted into the page as markup.
 */
export async function qrDataUrl(text: string): Promise<string> {
	const svg = await qrSvg(text, 2);
	return `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
}
