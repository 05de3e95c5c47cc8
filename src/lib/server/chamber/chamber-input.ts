import { z } from 'zod';
import { emptyAsUndefined, optionalDay } from '../http/fields';

/** The largest logo accepted: it is stored in the database and embedded in every report of the chamber. */
export const MAX_LOGO_BYTES = 200 * 1024;

/*
 * The messages are i18n keys: the admin pages show them in the reader's language and `npm run admin` prints the
 * English text.
 */

/** Paths under /chamber/ that are pages, not chambers. */
const RESERVED_SLUGS = ['login', 'account'];

/** `tekirdag-tso`: what `/chamber/<slug>` shows; ASCII so that it is typed and read the same everywhere. */
const slug = z
	.string()
	.trim()
	.regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'admin.error_slug')
	.min(2, 'admin.error_slug')
	.max(60, 'admin.error_slug')
	.refine((value) => !RESERVED_SLUGS.includes(value), 'admin.error_slug');

/** A chamber's name as its members and the firms it invites read it. */
const chamberName = z.string().trim().min(2, 'admin.error_name').max(200, 'admin.error_name');

/** A new chamber, from the admin command or the platform administrator's page. */
export function chamberInput(provinceCodes: string[]) {
	return z.object({
		slug,
		name: chamberName,
		province: z.preprocess(
			emptyAsUndefined,
			z
				.string()
				.refine((code) => provinceCodes.includes(code), 'admin.error_province')
				.optional()
		),
		logo: z.string().startsWith('data:image/').optional()
	});
}

/**
 * A change to a registered chamber on the platform administrator's page. The fields are named apart from the new
 * chamber form's (`chamberName`, not `name`), so that a refused change is shown on its own card only.
 */
export const chamberEdit = z.object({
	chamber: z.string().min(1).max(100),
	chamberName
});

const SIGNATURES: [string, number[]][] = [
	['image/png', [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]],
	['image/jpeg', [0xff, 0xd8, 0xff]]
];

/**
 * A logo file as a `data:` URL, or the reason it is refused (an i18n key). Only PNG and JPEG are taken, recognised by their first
 * bytes rather than by a file name, because both the page and the PDF report must be able to show it.
 */
export function logoDataUrl(
	bytes: Uint8Array
): { ok: true; url: string } | { ok: false; reason: string } {
	if (bytes.length > MAX_LOGO_BYTES) return { ok: false, reason: 'admin.error_logo_size' };
	const match = SIGNATURES.find(([, signature]) => signature.every((byte, i) => bytes[i] === byte));
	if (!match) return { ok: false, reason: 'admin.error_logo_type' };
	return { ok: true, url: `data:${match[0]};base64,${Buffer.from(bytes).toString('base64')}` };
}

/**
 * The logo file field of a form: no file chosen is no change (`url` undefined); a chosen file is read with
 * `logoDataUrl`. The size is checked before the bytes are read, so a large file is refused without copying it.
 */
export async function formLogo(
	field: FormDataEntryValue | null
): Promise<{ ok: true; url?: string } | { ok: false; reason: string }> {
	if (!(field instanceof File) || field.size === 0) return { ok: true };
	if (field.size > MAX_LOGO_BYTES) return { ok: false, reason: 'admin.error_logo_size' };
	return logoDataUrl(new Uint8Array(await field.arrayBuffer()));
}

/**
 * A new API token: a name saying what it is for, the chamber role it acts with (`admin` or `member`, a viewer) and an
 * optional last day, which must be in the future (a token that never works is a mistake).
 */
export const apiTokenInput = z.object({
	name: z.string().trim().min(2, 'api_tokens.error_name').max(100, 'api_tokens.error_name'),
	role: z.enum(['admin', 'member'], 'api_tokens.error_role'),
	expiresAt: optionalDay.refine((date) => !date || date > new Date(), 'api_tokens.error_expiry')
});
