import type { Locale } from '$lib/i18n/locales';
import type { LinkedResource } from '$lib/presenters/resource';
import { localize } from '$lib/questionnaire/localize';
import { catalogue } from '../content';

/** A catalogue resource as a link; ids no longer in the catalogue are left out. */
export function resourceLinks(ids: readonly string[], locale: Locale): LinkedResource[] {
	const resources = catalogue().resources;
	return ids.flatMap((id) => {
		const resource = resources.get(id);
		return resource
			? [
					{
						id,
						title: localize(resource.title, locale),
						provider: localize(resource.provider, locale),
						url: resource.url,
						source: resource.source,
						support: resource.support,
						otherLanguages: resource.languages.includes(locale) ? [] : resource.languages
					}
				]
			: [];
	});
}
