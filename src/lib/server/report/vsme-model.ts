import type { Locale, Translate } from '$lib/i18n';
import type { VsmeSheet } from '$lib/carbon/vsme';
import { presentVsme } from '$lib/presenters/vsme';

/** The VSME data sheet as the report prints it: a page with its table, what is missing and what it leaves out. */
export interface ReportVsme {
	heading: string;
	intro: string;
	table: { head: string[]; rows: string[][] };
	/** "Missing metrics: …", or that every metric is filled in. */
	missing: string;
	notes: string[];
	notCovered: string;
}

/**
 * The sheet's page, worded by the same presenter as the results page; null without a sheet (no factors loaded),
 * which gets no page.
 */
export function vsmeModel(
	sheet: VsmeSheet | null,
	t: Translate,
	locale: Locale
): ReportVsme | null {
	if (!sheet) return null;
	const vsme = presentVsme(sheet, t, locale);
	return {
		heading: vsme.heading,
		intro: vsme.intro,
		table: { head: vsme.table.head, rows: vsme.table.rows },
		missing: vsme.missing,
		notes: vsme.notes,
		notCovered: vsme.notCovered
	};
}
