import type { Locale } from '$lib/i18n/locales';
import type { LinkedResource } from '$lib/presenters/resource';
import { localize } from '$lib/questionnaire/localize';
import { profileFacts } from '$lib/questionnaire/profile';
import { cardResources, forFirm, isoDay, type FirmPlace } from '$lib/questionnaire/resource-scope';
import type { Resource } from '$lib/questionnaire/schema';
import { firmSectorCodes } from '$lib/questionnaire/sectors';
import type { Opened } from './assessment-service';
import { catalogue } from '../content';

/** Where the firm of an assessment is, its sector codes and its size: what the catalogue is matched against. */
export function firmPlace({ assessment, questionnaire }: Opened): FirmPlace {
	return {
		province: profileFacts(questionnaire, assessment.answers).province,
		sectorCodes: firmSectorCodes(questionnaire, assessment.answers),
		sizeClass: assessment.sizeClass
	};
}

/** The catalogue resources of these ids; ids no longer in the catalogue are left out. */
function byIds(ids: readonly string[]): Resource[] {
	const resources = catalogue().resources;
	return ids.flatMap((id) => resources.get(id) ?? []);
}

/** A catalogue resource as a link in the reader's language. */
function asLink(resource: Resource, locale: Locale): LinkedResource {
	return {
		id: resource.id,
		title: localize(resource.title, locale),
		provider: localize(resource.provider, locale),
		url: resource.url,
		source: resource.source,
		support: resource.support,
		otherLanguages: resource.languages.includes(locale) ? [] : resource.languages
	};
}

/**
 * A recommendation's catalogue links for a firm (see `cardResources`): read when shown, so an expired resource
 * disappears on its date even though the server has been running since before it.
 */
export function recommendationLinks(
	ids: readonly string[],
	theme: string,
	firm: FirmPlace,
	locale: Locale,
	now = new Date()
): LinkedResource[] {
	const { resources, regions } = catalogue();
	return cardResources(byIds(ids), theme, [...resources.values()], firm, regions, isoDay(now)).map(
		(resource) => asLink(resource, locale)
	);
}

/** The links of a fixed list (a CBAM action's): only those for the firm, its region's first. */
export function resourceLinks(
	ids: readonly string[],
	firm: FirmPlace,
	locale: Locale,
	now = new Date()
): LinkedResource[] {
	const { regional, national } = forFirm(byIds(ids), firm, catalogue().regions, isoDay(now));
	return [...regional, ...national].map((resource) => asLink(resource, locale));
}
