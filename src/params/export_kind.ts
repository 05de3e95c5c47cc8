import type { ParamMatcher } from '@sveltejs/kit';
import { isExportKind } from '$lib/export-files';

/** `aggregates`, `respondents` or `matches`, as in `exports/aggregates.xlsx`; anything else is a 404. */
export const match = isExportKind satisfies ParamMatcher;
