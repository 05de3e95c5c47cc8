import type { ChamberResourceFields } from '../db/chamber-resources';

// The sector codes live with the questionnaire, so the catalogue checker can use them too.
export { firmSectorCodes, sectorCodes } from '$lib/questionnaire/sectors';

/** What a resource is matched against: the firm's sector codes and size class. */
export interface FirmProfile {
	sectorCodes: string[];
	sizeClass: string | null;
}

/** The calendar day (`2027-03-31`, UTC) a resource's `validUntil` is compared with. */
export const today = (now = new Date()) => now.toISOString().slice(0, 10);

/** Whether a resource is still in date: shown through its `validUntil` day. */
export function inDate(resource: Pick<ChamberResourceFields, 'validUntil'>, now = new Date()) {
	return resource.validUntil === null || resource.validUntil >= today(now);
}

/**
 * Whether a resource fits a firm: an empty list means every sector or size; a firm that did not say its sector or
 * size is not sent a resource limited to some.
 */
export function fitsFirm(
	resource: Pick<ChamberResourceFields, 'sectors' | 'sizeClasses'>,
	firm: FirmProfile
): boolean {
	const sectorFits =
		resource.sectors.length === 0 ||
		resource.sectors.some((code) => firm.sectorCodes.includes(code));
	const sizeFits =
		resource.sizeClasses.length === 0 ||
		(firm.sizeClass !== null && resource.sizeClasses.includes(firm.sizeClass));
	return sectorFits && sizeFits;
}
