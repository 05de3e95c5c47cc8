/**
 * The CBAM dates and figures a firm plans by, as the results page and the PDF list them. Facts from the corrections
 * section of the project's domain notes (DOMAIN.md), each with the source it was checked against; change them here
 * and nowhere else.
 */

const MARKUPS_SOURCE = 'https://cbamdefaults.com/updates/cbam-default-value-markups-2026-2028';
const SIMPLIFICATION_SOURCE =
	'https://taxation-customs.ec.europa.eu/news/officially-published-simplifications-carbon-border-adjustment-mechanism-cbam-2025-10-20_en';

export interface CbamDate {
	/** The i18n key `cbam.date.<id>` words it, with the values below. */
	id: string;
	/** ISO date, or year and month when only the month is fixed. */
	date: string;
	values?: Record<string, number>;
	/** A proposal is not law: the page says so. */
	proposal?: boolean;
	source: string;
}

export const CBAM_DATES: readonly CbamDate[] = [
	{
		id: 'downstream_proposal',
		date: '2025-12-17',
		values: { products: 180, from: 2028 },
		proposal: true,
		source: MARKUPS_SOURCE
	},
	{ id: 'definitive_period', date: '2026-01-01', source: SIMPLIFICATION_SOURCE },
	{ id: 'markup_2026', date: '2026-01-01', values: { markup: 0.1 }, source: MARKUPS_SOURCE },
	{ id: 'first_price', date: '2026-04-07', values: { price: 75.36 }, source: MARKUPS_SOURCE },
	{ id: 'markup_2027', date: '2027-01-01', values: { markup: 0.2 }, source: MARKUPS_SOURCE },
	{ id: 'certificate_sales', date: '2027-02', source: SIMPLIFICATION_SOURCE },
	{ id: 'first_declaration', date: '2027-09-30', source: SIMPLIFICATION_SOURCE },
	{ id: 'markup_2028', date: '2028-01-01', values: { markup: 0.3 }, source: MARKUPS_SOURCE }
];
