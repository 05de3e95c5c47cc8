import type { Locale, Translate } from '$lib/i18n';
import { formatNumber } from '$lib/i18n/format';
import type { SymbiosisFrequency, SymbiosisSide } from '$lib/symbiosis/listing';
import type { SymbiosisUnit } from '$lib/symbiosis/categories';
import type { PresentedTable } from './table';

/** An item of the firm's listing as its service reads it, in the reader's language. */
export interface SymbiosisItemView {
	side: SymbiosisSide;
	category: string;
	categoryName: string;
	quantityPerYear: number;
	unit: SymbiosisUnit;
	frequency: SymbiosisFrequency | null;
	/** Null when not said (a category that cannot be hazardous). */
	hazardous: boolean | null;
	note: string | null;
	/** The item's province, else the firm's; null when neither is known. */
	provinceName: string | null;
	/** Whether a consenting firm of the chamber lists the other side of this category; null outside a chamber. */
	match: boolean | null;
}

export interface SymbiosisView {
	offers: SymbiosisItemView[];
	needs: SymbiosisItemView[];
	consentIntroduce: boolean;
	/** Whether the assessment belongs to a chamber, where matches are looked for. */
	inChamber: boolean;
}

/** One item as shown and printed. */
export interface PresentedSymbiosisItem {
	name: string;
	/** `12 t a year`. */
	quantity: string;
	/** Frequency, hazardous and province, joined: `monthly · hazardous · Bursa`. */
	details: string;
	note: string | null;
	/** "A firm in your chamber needs this…", or null without a match. */
	match: string | null;
}

export interface SymbiosisPresentation {
	heading: string;
	intro: string;
	sides: { side: SymbiosisSide; heading: string; items: PresentedSymbiosisItem[] }[];
	/** Whether anything is listed at all. */
	listed: boolean;
	/** What the consent to be introduced currently says. */
	consent: string;
	/** Outside a chamber's campaign nobody looks for matches: said once, instead of per item. */
	noChamber: string | null;
	/** Category, quantity, details and match of every item: the report's table. */
	table: PresentedTable;
}

/** `12 t a year`: the quantity in the reader's number style, with the unit's words. */
export function quantityText(view: SymbiosisItemView, t: Translate, locale: Locale): string {
	return t('symbiosis.quantity_per_year', {
		quantity: formatNumber(locale, view.quantityPerYear),
		unit: t(`symbiosis.unit_${view.unit}`)
	});
}

function matchText(view: SymbiosisItemView, consenting: boolean, t: Translate): string | null {
	if (!view.match) return null;
	const found = t(`symbiosis.match_${view.side}`);
	return `${found} ${t(consenting ? 'symbiosis.match_introduce' : 'symbiosis.match_consent')}`;
}

function present(
	view: SymbiosisItemView,
	consenting: boolean,
	t: Translate,
	locale: Locale
): PresentedSymbiosisItem {
	const details = [
		view.frequency ? t(`symbiosis.frequency_${view.frequency}`) : null,
		view.hazardous === true ? t('symbiosis.hazardous_yes') : null,
		view.provinceName
	].filter((part): part is string => part !== null);
	return {
		name: view.categoryName,
		quantity: quantityText(view, t, locale),
		details: details.join(' · '),
		note: view.note,
		match: matchText(view, consenting, t)
	};
}

/**
 * Words the firm's listing once, so that the results page and the PDF say the same of each item and of a match
 * (never whose: the chamber introduces).
 */
export function presentSymbiosis(
	view: SymbiosisView,
	t: Translate,
	locale: Locale
): SymbiosisPresentation {
	const sides = (['offer', 'need'] as const).map((side) => ({
		side,
		heading: t(`symbiosis.${side}s_title`),
		items: (side === 'offer' ? view.offers : view.needs).map((item) =>
			present(item, view.consentIntroduce, t, locale)
		)
	}));
	const all = sides.flatMap((side) => side.items.map((item) => ({ side: side.heading, item })));
	return {
		heading: t('symbiosis.title'),
		intro: t('symbiosis.results_intro'),
		sides,
		listed: all.length > 0,
		consent: t(view.consentIntroduce ? 'symbiosis.consent_given' : 'symbiosis.consent_not_given'),
		noChamber: view.inChamber ? null : t('symbiosis.no_chamber'),
		table: {
			caption: t('symbiosis.title'),
			head: [
				t('symbiosis.side_label'),
				t('symbiosis.category_label'),
				t('symbiosis.quantity_label'),
				t('symbiosis.details_label'),
				t('symbiosis.match_label')
			],
			rows: all.map(({ side, item }) => [
				side,
				item.name,
				item.quantity,
				item.details,
				item.match ?? '—'
			])
		}
	};
}
