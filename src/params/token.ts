import type { ParamMatcher } from '@sveltejs/kit';

/** A resume-link token: 43 URL-safe base64 characters (256 bits). Anything else is a 404 without a database query. */
export const match: ParamMatcher = (param) => /^[A-Za-z0-9_-]{43}$/.test(param);
