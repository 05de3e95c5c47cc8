import { json } from '@sveltejs/kit';
import { z } from 'zod';
import { apiError } from '$lib/server/http/api';
import { audit } from '$lib/server/audit';
import { requireChamberApi } from '$lib/server/auth/api-guard';
import { EDITOR_ROLES } from '$lib/server/auth/options';
import { respondentPage } from '$lib/server/chamber/chamber-dashboard';

/** Firms per answer; `next` leads to the following page. */
const PAGE = 1000;

/** Where a page ended, as `next` hands it out: opaque to the caller, checked when it comes back. */
const position = z.object({
	submittedAt: z.string().min(1).max(40),
	id: z.string().min(1).max(100)
});

const encode = (at: z.infer<typeof position>) =>
	Buffer.from(JSON.stringify(at)).toString('base64url');

function decode(value: string): z.infer<typeof position> | undefined {
	try {
		const parsed = position.safeParse(JSON.parse(Buffer.from(value, 'base64url').toString('utf8')));
		return parsed.success ? parsed.data : undefined;
	} catch {
		return undefined;
	}
}

/**
 * The firms that consented to share their identity with the chamber (name, contact, submission day, level), for the
 * chamber's own systems; the same list as the respondents CSV. Personal data, so owners and administrators only,
 * by session or administrator token: a viewer or viewer token gets 403. Every page read is audit-logged as an export.
 */
export async function GET(event) {
	const access = await requireChamberApi(event);
	if (access instanceof Response) return access;
	const { chamber, role, actor } = access;
	const { locale } = event.locals;
	if (!EDITOR_ROLES.includes(role)) return apiError(403, 'personal_data_forbidden', locale);
	const cursor = event.url.searchParams.get('after');
	const after = cursor === null ? undefined : decode(cursor);
	if (cursor !== null && !after) return apiError(400, 'invalid_cursor', locale);
	const page = await respondentPage(chamber, locale, { limit: PAGE, after });
	await audit({
		actor,
		action: 'chamber.export_respondents',
		target: chamber.slug
	});
	return json(
		{
			chamber: chamber.slug,
			respondents: page.lines,
			next: page.next ? encode(page.next) : null
		},
		{ headers: { 'cache-control': 'private, no-store' } }
	);
}
