import type { Locale, Translate } from '$lib/i18n';
import { formatDateTimeInTurkiye, formatNumber } from '$lib/i18n/format';
import type { MatchFirm, MatchLine } from '$lib/server/chamber/symbiosis-matches';
import { encodeMatchKey } from '$lib/symbiosis/match-key';

/** One side of a match in words: who (or that only administrators see it), how much, where. */
export interface PresentedFirm {
	name: string;
	contact: string | null;
	quantity: string;
	province: string;
}

/** A match as a list item: the dashboard's section and, through `matchRows`, the export. */
export interface PresentedMatch {
	/** What the introduce form posts (`encodeMatchKey`); null for a viewer, who gets no button. */
	field: string | null;
	category: string;
	offer: PresentedFirm;
	need: PresentedFirm;
	distance: string;
	/** The same in whole kilometres, for an export's column to sort by; null when not known. */
	distanceKm: number | null;
	/** "Introduced on 12 March 2026 14:30 by Ayşe Yılmaz", or null when not yet introduced. */
	introduced: string | null;
}

export interface MatchesPresentation {
	heading: string;
	lead: string;
	/** Said to viewers: the firms' names are for administrators. */
	namesNote: string | null;
	empty: string;
	items: PresentedMatch[];
}

/** `12,5 t/yıl` */
function quantity(firm: MatchFirm, t: Translate, locale: Locale): string {
	return t('matches.quantity', {
		quantity: formatNumber(locale, firm.quantityPerYear),
		unit: t(`matches.unit_${firm.unit}`)
	});
}

function presentFirm(
	firm: MatchFirm,
	withNames: boolean,
	t: Translate,
	locale: Locale
): PresentedFirm {
	const unnamed = withNames ? t('report.company_unnamed') : t('matches.name_admins_only');
	return {
		name: firm.name ?? unnamed,
		contact: firm.contact,
		quantity: quantity(firm, t, locale),
		province: firm.province?.name ?? t('matches.province_unknown')
	};
}

/** How far apart, in words: the same province, kilometres, or not known. */
function distance(km: number | null, t: Translate, locale: Locale): string {
	if (km === null) return t('matches.distance_unknown');
	if (km === 0) return t('matches.distance_same');
	return t('matches.distance_km', { km: formatNumber(locale, km) });
}

/** "Introduced on <date and time in Türkiye> by <user>" for a match the chamber introduced. */
function introducedText(
	introduced: MatchLine['introduced'],
	t: Translate,
	locale: Locale
): string | null {
	if (!introduced) return null;
	return t('matches.introduced', {
		at: formatDateTimeInTurkiye(locale, introduced.at),
		by: introduced.by ?? t('matches.introduced_by_unknown')
	});
}

/**
 * Words the chamber's potential matches once. `withNames` is true for the chamber's owners and administrators, who
 * see the consenting firms' names and contacts; for a viewer the lines say that only administrators see them.
 */
export function presentMatches(
	matches: MatchLine[],
	withNames: boolean,
	t: Translate,
	locale: Locale
): MatchesPresentation {
	return {
		heading: t('matches.heading'),
		lead: t('matches.lead'),
		namesNote: withNames ? null : t('matches.names_admins_only'),
		empty: t('matches.empty'),
		items: matches.map((match) => ({
			field: match.key && encodeMatchKey(match.key),
			category: match.category.name,
			offer: presentFirm(match.offer, withNames, t, locale),
			need: presentFirm(match.need, withNames, t, locale),
			distance: distance(match.distanceKm, t, locale),
			distanceKm: match.distanceKm,
			introduced: introducedText(match.introduced, t, locale)
		}))
	};
}

/** How many matches the chamber has and how many it introduced, without names: the chamber report's line. */
export function matchesSummary(matches: MatchLine[], t: Translate): string {
	const introduced = matches.filter((match) => match.introduced !== null).length;
	return t('matches.summary', { count: matches.length, introduced });
}

/** The columns of the matches' export, one row per match. */
export function matchColumns(t: Translate): string[] {
	return [
		t('matches.category_col'),
		t('matches.offer_firm_col'),
		t('matches.offer_contact_col'),
		t('matches.offer_quantity_col'),
		t('matches.offer_province_col'),
		t('matches.need_firm_col'),
		t('matches.need_contact_col'),
		t('matches.need_quantity_col'),
		t('matches.need_province_col'),
		t('matches.distance_km_col'),
		t('matches.introduced_col')
	];
}

/**
 * The matches as the export's rows, in `matchColumns` order, worded as on the page but for the distance: kilometres
 * as a number (empty when unknown), so that a spreadsheet sorts by it.
 */
export function matchRows(presented: MatchesPresentation): (string | number | null)[][] {
	return presented.items.map((item) => [
		item.category,
		item.offer.name,
		item.offer.contact,
		item.offer.quantity,
		item.offer.province,
		item.need.name,
		item.need.contact,
		item.need.quantity,
		item.need.province,
		item.distanceKm,
		item.introduced
	]);
}
