import type { ParamMatcher } from '@sveltejs/kit';

/** A campaign share code: 22 URL-safe base64 characters (128 bits). Anything else is a 404 without a database query. */
export const match: ParamMatcher = (param) => /^[A-Za-z0-9_-]{22}$/.test(param);
