import type { SymbiosisUnit } from './categories';
import type { SymbiosisSide } from './listing';

/*
 * Potential matches of the symbiosis exchange: one firm offers what another needs. Pure, so that the chamber's page,
 * API and export pair and order the same way, and the rules are tested without a database.
 */

/** What pairing reads of a listed item. */
export interface MatchableItem {
	side: SymbiosisSide;
	/** The firm's assessment: two items of one assessment are one firm and never match each other. */
	assessmentId: string;
	category: string;
	quantityPerYear: number;
	unit: SymbiosisUnit;
	province?: string;
	/** Whether the firm lets the chamber introduce it: only such firms are paired. */
	consenting: boolean;
}

/** An offer and a need of the same category from two firms, and how far apart they are. */
export interface Match<Item extends MatchableItem = MatchableItem> {
	category: string;
	offer: Item;
	need: Item;
	/** Great-circle kilometres between the provinces' centres; 0 in one province; null when either is unknown. */
	distanceKm: number | null;
}

/** A province's centre in degrees. */
export interface Centre {
	lat: number;
	lon: number;
}

/** The Earth's mean radius (IUGG), in kilometres. */
const EARTH_RADIUS_KM = 6371.0088;

/** The great-circle distance between two points (haversine formula), in kilometres. */
export function greatCircleKm(from: Centre, to: Centre): number {
	const radians = (degrees: number) => (degrees * Math.PI) / 180;
	const dLat = radians(to.lat - from.lat);
	const dLon = radians(to.lon - from.lon);
	const h =
		Math.sin(dLat / 2) ** 2 +
		Math.cos(radians(from.lat)) * Math.cos(radians(to.lat)) * Math.sin(dLon / 2) ** 2;
	return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** How far apart two provinces are: 0 for the same one, null when either is not known or has no centre. */
export function provinceDistanceKm(
	from: string | undefined,
	to: string | undefined,
	centres: ReadonlyMap<string, Centre>
): number | null {
	if (from === undefined || to === undefined) return null;
	if (from === to) return 0;
	const a = centres.get(from);
	const b = centres.get(to);
	return a && b ? greatCircleKm(a, b) : null;
}

/**
 * Every offer paired with every need of its category from another firm, among consenting firms only; closest
 * first, those of an unknown distance last, then in the order of `categories` (the catalogue's), then in the
 * items' own order (stable sort).
 */
export function pairMatches<Item extends MatchableItem>(
	items: readonly Item[],
	centres: ReadonlyMap<string, Centre>,
	categories: readonly string[]
): Match<Item>[] {
	const consenting = items.filter((item) => item.consenting);
	const needs = consenting.filter((item) => item.side === 'need');
	const matches = consenting
		.filter((item) => item.side === 'offer')
		.flatMap((offer) =>
			needs
				.filter(
					(need) => need.category === offer.category && need.assessmentId !== offer.assessmentId
				)
				.map((need) => ({
					category: offer.category,
					offer,
					need,
					distanceKm: provinceDistanceKm(offer.province, need.province, centres)
				}))
		);
	const rank = new Map(categories.map((id, index) => [id, index]));
	const place = (id: string) => rank.get(id) ?? categories.length;
	return matches.sort(
		(a, b) =>
			(a.distanceKm ?? Infinity) - (b.distanceKm ?? Infinity) ||
			place(a.category) - place(b.category)
	);
}
