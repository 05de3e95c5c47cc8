import type { Region, Resource, ResourceScope } from './schema';

/*
 * Which catalogue resources a firm sees, and in what order. A resource applies nationally or to some provinces (a
 * list, or a development-agency region of regions.yaml); it may also be limited to some sectors and size classes,
 * and end on its `validUntil` day. A firm sees its own region's resources first, then national ones, and never one
 * scoped to another province. The rule for a recommendation's card is in `cardResources`.
 */

/** What a catalogue resource is matched against. Unknown facts are undefined: a firm that did not say is not sent
 * a resource limited to some. */
export interface FirmPlace {
	province?: string;
	sectorCodes: readonly string[];
	sizeClass?: string | null;
}

/** Where a resource stands for a firm: its own region's, national, or not for it. */
export type Reach = 'regional' | 'national';

/** The plate codes a scope covers, or `national`. A region missing from the file covers nothing. */
export function scopeProvinces(
	scope: ResourceScope,
	regions: readonly Region[]
): string[] | 'national' {
	if (scope === 'national') return 'national';
	if ('provinces' in scope) return scope.provinces;
	return regions.find((region) => region.code === scope.region)?.provinces ?? [];
}

/** The calendar day (`2027-03-31`, UTC) a `validUntil` is compared with. */
export const isoDay = (now: Date) => now.toISOString().slice(0, 10);

/**
 * The limits a resource may have, the catalogue's or a chamber's own: no list (or an empty one) means every sector or
 * size, no `validUntil` means no end.
 */
export interface ResourceLimits {
	sectors?: readonly string[] | null;
	sizeClasses?: readonly string[] | null;
	validUntil?: string | null;
}

/** Still shown on `today`: a resource is shown through its `validUntil` day and disappears the day after. */
export function inDate(resource: Pick<ResourceLimits, 'validUntil'>, today: string): boolean {
	return !resource.validUntil || resource.validUntil >= today;
}

/** Whether its sector and size limits, if any, fit the firm. */
export function fitsProfile(
	resource: Pick<ResourceLimits, 'sectors' | 'sizeClasses'>,
	firm: FirmPlace
): boolean {
	const sectors = resource.sectors ?? [];
	const sizes = resource.sizeClasses ?? [];
	const sectorFits =
		sectors.length === 0 || sectors.some((code) => firm.sectorCodes.includes(code));
	const sizeFits =
		sizes.length === 0 || (typeof firm.sizeClass === 'string' && sizes.includes(firm.sizeClass));
	return sectorFits && sizeFits;
}

/** Whether the firm sees a resource, and as its region's or a national one; undefined when not at all. */
export function reachFor(
	resource: Resource,
	firm: FirmPlace,
	regions: readonly Region[],
	today: string
): Reach | undefined {
	if (!inDate(resource, today) || !fitsProfile(resource, firm)) return undefined;
	const provinces = scopeProvinces(resource.scope, regions);
	if (provinces === 'national') return 'national';
	return firm.province !== undefined && provinces.includes(firm.province) ? 'regional' : undefined;
}

/** The resources a firm sees, its region's first, then national ones, each group in the order given. */
export function forFirm(
	resources: readonly Resource[],
	firm: FirmPlace,
	regions: readonly Region[],
	today: string
): { regional: Resource[]; national: Resource[] } {
	const reach = (resource: Resource) => reachFor(resource, firm, regions, today);
	return {
		regional: resources.filter((resource) => reach(resource) === 'regional'),
		national: resources.filter((resource) => reach(resource) === 'national')
	};
}

/**
 * A recommendation's catalogue resources for a firm, in order: those it names that are for the firm's region, then
 * at most one organisation of the firm's region (its development agency, chamber or OSB) whose themes include the
 * recommendation's theme though the recommendation does not name it, then the national ones it names. Resources
 * not for the firm are left out. The caller puts a chamber's own resources first and keeps four.
 */
export function cardResources(
	named: readonly Resource[],
	theme: string,
	catalogue: readonly Resource[],
	firm: FirmPlace,
	regions: readonly Region[],
	today: string
): Resource[] {
	const own = forFirm(named, firm, regions, today);
	const namedIds = new Set(named.map((resource) => resource.id));
	const organisation = forFirm(catalogue, firm, regions, today).regional.find(
		(resource) =>
			resource.type === 'organisation' &&
			resource.themes.includes(theme) &&
			!namedIds.has(resource.id)
	);
	return [...own.regional, ...(organisation ? [organisation] : []), ...own.national];
}
