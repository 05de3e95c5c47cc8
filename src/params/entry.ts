import type { ParamMatcher } from '@sveltejs/kit';

/** A position in a firm's history of results: 1 for the oldest. Anything else is a 404 without a database query. */
export const match: ParamMatcher = (param) => /^[1-9][0-9]{0,3}$/.test(param);
