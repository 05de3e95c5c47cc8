import { inspect } from 'node:util';

/*
 * What the server writes about a failed request. Whoever reads the logs must not get working links: resume and
 * one-time-link tokens (43 URL-safe characters), bearer tokens and campaign share codes keep their first four
 * characters, enough to tell lines apart, and lose the rest.
 */
const TOKEN = /(?<![\w-])([\w-]{4})[\w-]{39}(?![\w-])/g;
const SHARE_CODE = /(\/c\/[\w-]{4})[\w-]{18}(?![\w-])/g;
const BEARER = /(Bearer\s+[^\s,;]{4})[^\s,;]*/gi;

/** The text with every token it holds cut to its first four characters and `…`. */
export function redact(text: string): string {
	return text.replace(TOKEN, '$1…').replace(SHARE_CODE, '$1…').replace(BEARER, '$1…');
}

/**
 * One log line per failed request: UTC time, method, path, status and what went wrong, redacted. A client's mistake
 * (4xx) is one line with the message; only a server fault (5xx) carries the stack, which is what needs fixing.
 */
export function logRequestError(
	request: Request,
	status: number,
	error: unknown,
	now = new Date()
) {
	const detail =
		status >= 500 ? inspect(error) : error instanceof Error ? error.message : String(error);
	const { pathname } = new URL(request.url);
	console.error(redact(`${now.toISOString()} ${request.method} ${pathname} ${status}: ${detail}`));
}

/**
 * What a visitor is told about an error: never its details. A 4xx other than 404 is the request's fault (a body
 * that cannot be read, a form posted without one), so the page says to go back and send the form again.
 */
export function publicError(status: number): App.Error {
	if (status === 404) return { message: 'Not Found' };
	if (status < 500) return { message: 'Bad Request', kind: 'request' };
	return { message: 'Internal Error' };
}
