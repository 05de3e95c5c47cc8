import { z } from 'zod';

/** The largest logo accepted: it is stored in the database and embedded in every report of the chamber. */
export const MAX_LOGO_BYTES = 200 * 1024;

/** `tekirdag-tso`: what `/chamber/<slug>` shows; ASCII so that it is typed and read the same everywhere. */
const slug = z
	.string()
	.regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'lower-case letters a–z, digits and single hyphens')
	.min(2)
	.max(60);

/** A new chamber, as the admin command (and later the admin page) gives it. */
export function chamberInput(provinceCodes: string[]) {
	return z.strictObject({
		slug,
		name: z.string().trim().min(2).max(200),
		province: z
			.string()
			.refine((code) => provinceCodes.includes(code), 'not a licence-plate code in provinces.yaml')
			.optional(),
		logo: z.string().startsWith('data:image/').optional()
	});
}

/** A new campaign: a name, and an optional window in which it takes assessments. */
export const campaignInput = z
	.strictObject({
		name: z.string().trim().min(2).max(200),
		opensAt: z.coerce.date().optional(),
		closesAt: z.coerce.date().optional()
	})
	.refine(
		(campaign) => !campaign.closesAt || campaign.closesAt > (campaign.opensAt ?? new Date(0)),
		{ message: 'the campaign must close after it opens', path: ['closesAt'] }
	);

const SIGNATURES: [string, number[]][] = [
	['image/png', [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]],
	['image/jpeg', [0xff, 0xd8, 0xff]]
];

/**
 * A logo file as a `data:` URL, or the reason it is refused. Only PNG and JPEG are taken, recognised by their first
 * bytes rather than by a file name, because both the page and the PDF report must be able to show it.
 */
export function logoDataUrl(
	bytes: Uint8Array
): { ok: true; url: string } | { ok: false; reason: string } {
	if (bytes.length > MAX_LOGO_BYTES)
		return { ok: false, reason: `larger than ${MAX_LOGO_BYTES / 1024} KB` };
	const match = SIGNATURES.find(([, signature]) => signature.every((byte, i) => bytes[i] === byte));
	if (!match) return { ok: false, reason: 'not a PNG or JPEG image' };
	return { ok: true, url: `data:${match[0]};base64,${Buffer.from(bytes).toString('base64')}` };
}
