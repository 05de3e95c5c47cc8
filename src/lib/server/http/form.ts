import { error, fail, type ActionFailure } from '@sveltejs/kit';
import type { z } from 'zod';
import { cleanText } from '$lib/text';
import { logRequestError, publicError } from './request-errors';

/** What a form action returns for a refused form: the values to show again and an i18n key per field. */
export interface FormProblems {
	values: Record<string, string>;
	errors: Record<string, string>;
}

export type ParsedForm<T> =
	{ ok: true; data: T } | { ok: false; failure: ActionFailure<FormProblems> };

/**
 * Reads a form and validates it with a zod schema whose messages are i18n keys (`auth.error_email`), so the page
 * shows each problem next to its field in the reader's language. Never echoes passwords back.
 */
export async function parseForm<T>(request: Request, schema: z.ZodType<T>): Promise<ParsedForm<T>> {
	return parseFormData(await readForm(request), schema);
}

/**
 * A form action's body. A body that cannot be read as a form (truncated, no multipart boundary) is the client's
 * fault: a 400 page saying so and one log line, rather than a 500 with a stack trace.
 */
export async function readForm(request: Request): Promise<FormData> {
	try {
		return await request.formData();
	} catch (cause) {
		logRequestError(request, 400, cause);
		error(400, publicError(400));
	}
}

/**
 * `parseForm` for a form already read (a multipart form whose files the action handles itself). A field with a
 * control character is refused before the schema sees it; every other field reaches it in NFC.
 */
export function parseFormData<T>(form: FormData, schema: z.ZodType<T>): ParsedForm<T> {
	const fields: Record<string, string> = {};
	const errors: Record<string, string> = {};
	for (const [key, value] of form) {
		if (typeof value !== 'string') continue;
		const clean = cleanText(value);
		if (clean === undefined) errors[key] = 'form.error_control';
		fields[key] = clean ?? value;
	}
	const parsed = Object.keys(errors).length === 0 ? schema.safeParse(fields) : undefined;
	if (parsed?.success) return { ok: true, data: parsed.data };
	for (const issue of parsed?.error.issues ?? [])
		errors[String(issue.path[0] ?? 'form')] ??= issue.message;
	const values = Object.fromEntries(
		Object.entries(fields).filter(([key]) => !/password/i.test(key))
	);
	return { ok: false, failure: fail(400, { values, errors }) };
}
