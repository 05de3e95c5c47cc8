import type { Locale, Translate } from '$lib/i18n';
import { presentSymbiosis, type SymbiosisView } from '$lib/presenters/symbiosis';

/** The firm's symbiosis listing as the report prints it: a table of its items and whether a match exists. */
export interface ReportSymbiosis {
	heading: string;
	intro: string;
	table: { head: string[]; rows: string[][] };
	/** What the consent to be introduced says, and outside a chamber why no match is looked for. */
	notes: string[];
}

/**
 * The listing's page, worded by the same presenter as the results page; null when the exchange is not offered or
 * nothing is listed (an empty page would only say there is nothing to say).
 */
export function symbiosisModel(
	view: SymbiosisView | null,
	t: Translate,
	locale: Locale
): ReportSymbiosis | null {
	if (!view) return null;
	const symbiosis = presentSymbiosis(view, t, locale);
	if (!symbiosis.listed) return null;
	return {
		heading: symbiosis.heading,
		intro: symbiosis.intro,
		table: { head: symbiosis.table.head, rows: symbiosis.table.rows },
		notes: [symbiosis.consent, ...(symbiosis.noChamber ? [symbiosis.noChamber] : [])]
	};
}
