import { json } from '@sveltejs/kit';
import { z } from 'zod';
import { createTranslator, type Locale } from '$lib/i18n';
import { formatPath } from '$lib/format-path';
import { cleanStrings } from '$lib/text';
import { asUnavailable } from '../db/unavailable';

/** The largest JSON body the API reads: a full answer set is a few kilobytes. */
const MAX_BODY_BYTES = 64 * 1024;

export interface ApiIssue {
	path: string;
	message: string;
}

/**
 * An error in the API's one shape: `{"error": {"code", "message", "issues"}}`, the message in the caller's
 * language (`?lang` or Accept-Language). Never a stack trace.
 */
export async function apiError(
	status: number,
	code: string,
	locale: Locale,
	issues: ApiIssue[] = [],
	headers: Record<string, string> = {}
): Promise<Response> {
	const t = await createTranslator(locale);
	return json(
		{ error: { code, message: t(`api.${code}`), issues } },
		{ status, headers: { 'cache-control': 'no-store', ...headers } }
	);
}

/** Thrown by `readJson` so an endpoint can answer it with `apiError`. */
export class BadRequest extends Error {
	constructor(
		readonly status: number,
		readonly code: string,
		readonly issues: ApiIssue[] = []
	) {
		super(code);
	}
}

// zod's own messages, in each interface language, for the issues of an invalid body.
const zodMessages: Record<Locale, ReturnType<typeof z.locales.en>> = {
	tr: z.locales.tr(),
	en: z.locales.en()
};

/**
 * Reads and validates a JSON body: 415 unless JSON, 413 when too large, 400 when broken or invalid, 400
 * `invalid_text` naming the first string (value or key) with a control character. Strings reach the schema in NFC.
 */
export async function readJson<T>(
	request: Request,
	schema: z.ZodType<T>,
	locale: Locale
): Promise<T> {
	const type = request.headers.get('content-type') ?? '';
	if (!/^application\/json\b/i.test(type)) throw new BadRequest(415, 'unsupported_media_type');
	const declared = Number(request.headers.get('content-length') ?? 0);
	if (declared > MAX_BODY_BYTES) throw new BadRequest(413, 'payload_too_large');
	const text = await request.text();
	if (Buffer.byteLength(text) > MAX_BODY_BYTES) throw new BadRequest(413, 'payload_too_large');
	let body: unknown;
	try {
		body = JSON.parse(text);
	} catch {
		throw new BadRequest(400, 'invalid_json');
	}
	const cleaned = cleanStrings(body);
	if (!cleaned.ok) {
		const t = await createTranslator(locale);
		throw new BadRequest(400, 'invalid_text', [
			{ path: formatPath(cleaned.path), message: t('form.error_control') }
		]);
	}
	return parse(cleaned.value, schema, locale, 'invalid_body');
}

/** A message of an input schema that is an i18n key (`plan.error_owner`); zod's own messages are already words. */
const isKey = (message: string) => /^[a-z_]+\.[a-z_]+$/.test(message);

/**
 * Validates a body `readJson` has read against a schema whose messages may be i18n keys (the ones its form shares):
 * 400 `invalid_body` naming every refused field in the caller's language.
 */
export async function validateBody<T>(
	body: unknown,
	schema: z.ZodType<T>,
	locale: Locale
): Promise<T> {
	const parsed = schema.safeParse(body, { error: zodMessages[locale].localeError });
	if (parsed.success) return parsed.data;
	const t = await createTranslator(locale);
	throw new BadRequest(
		400,
		'invalid_body',
		parsed.error.issues.map((issue) => ({
			path: formatPath(issue.path),
			message: isKey(issue.message) ? t(issue.message) : issue.message
		}))
	);
}

/**
 * Reads and validates the query string (`?name=value`, the last value of a repeated name); 400 when invalid. Its
 * schemas take fixed values (enums), which no control character can match.
 */
export function readQuery<T>(url: URL, schema: z.ZodType<T>, locale: Locale): T {
	return parse(Object.fromEntries(url.searchParams), schema, locale, 'invalid_query');
}

function parse<T>(input: unknown, schema: z.ZodType<T>, locale: Locale, code: string): T {
	const parsed = schema.safeParse(input, { error: zodMessages[locale].localeError });
	if (!parsed.success) {
		throw new BadRequest(
			400,
			code,
			parsed.error.issues.map((issue) => ({ path: formatPath(issue.path), message: issue.message }))
		);
	}
	return parsed.data;
}

/**
 * Runs an endpoint body, turning a BadRequest into its JSON error, and a database that cannot write just now (locked
 * elsewhere, disk full) into 503 with Retry-After: the client may simply try again, and nothing was half stored.
 */
export async function handleApi(locale: Locale, run: () => Promise<Response>): Promise<Response> {
	try {
		return await run();
	} catch (error) {
		if (error instanceof BadRequest)
			return apiError(error.status, error.code, locale, error.issues);
		const unavailable = asUnavailable(error);
		if (unavailable) {
			return apiError(503, unavailable.code, locale, [], {
				'retry-after': String(unavailable.retryAfter)
			});
		}
		throw error;
	}
}
