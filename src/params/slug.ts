import type { ParamMatcher } from '@sveltejs/kit';

/** A chamber slug: lower-case letters, digits and single hyphens (see chamber-input.ts). */
export const match: ParamMatcher = (param) => /^[a-z0-9]+(-[a-z0-9]+)*$/.test(param);
