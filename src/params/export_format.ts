import type { ParamMatcher } from '@sveltejs/kit';
import { isExportFormat } from '$lib/export-files';

/** `csv` or `xlsx`, the extension of an export's file name; anything else is a 404. */
export const match = isExportFormat satisfies ParamMatcher;
