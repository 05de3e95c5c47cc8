import type { Locale } from '$lib/i18n/locales';
import type { LinkedResource } from '$lib/presenters/resource';
import type { Opened } from './assessment-service';
import type { Chamber } from '../db/chambers';
import { resourcesForFirm } from '../chamber/chamber-resource-service';
import { firmSectorCodes } from '$lib/questionnaire/sectors';

/** How many resources a recommendation card lists at most. */
export const RESOURCES_PER_CARD = 4;

/**
 * A chamber's own resource as a link on a card: the chamber's name stands where a catalogue link names its provider,
 * and the chamber speaks for itself, so it is a primary source.
 */
export type ChamberResourceLink = LinkedResource;

/**
 * The links of the chamber's own resources for each theme, for an assessment that came through one of the chamber's
 * campaigns: active, in date and fitting the firm's sector and size. Read when the results are shown, not fixed at
 * submission, so a resource retired or expired since disappears. No chamber, no links.
 */
export async function chamberResourceLinks(
	opened: Opened,
	chamber: Chamber | undefined,
	locale: Locale
): Promise<(theme: string) => ChamberResourceLink[]> {
	if (!chamber) return () => [];
	const { assessment, questionnaire } = opened;
	const resources = await resourcesForFirm(chamber.id, {
		sectorCodes: firmSectorCodes(questionnaire, assessment.answers),
		sizeClass: assessment.sizeClass
	});
	return (theme) =>
		resources
			.filter((resource) => resource.themes.includes(theme))
			.map((resource) => ({
				id: `chamber-${resource.id}`,
				title: (locale === 'en' ? resource.titleEn : null) ?? resource.titleTr,
				provider: chamber.name,
				url: resource.url,
				source: 'primary' as const,
				otherLanguages: []
			}));
}

/** A card's resources: the chamber's own first, then the catalogue's, at most four. */
export function chamberFirst<T>(
	own: ChamberResourceLink[],
	catalogue: T[]
): (ChamberResourceLink | T)[] {
	return [...own, ...catalogue].slice(0, RESOURCES_PER_CARD);
}
