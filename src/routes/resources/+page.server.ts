import { z } from 'zod';
import { localize } from '$lib/questionnaire/localize';
import { resourceTypes } from '$lib/questionnaire/schema';
import { catalogue, questionnaire } from '$lib/server/content';

const filters = z.object({
	theme: z.string().optional().catch(undefined),
	type: z.enum(resourceTypes).optional().catch(undefined)
});

export const load = ({ locals, url }) => {
	const { locale } = locals;
	const themes = questionnaire().themes.map((theme) => ({
		id: theme.id,
		title: localize(theme.title, locale)
	}));
	// Unknown filter values are ignored rather than refused: a stale bookmark still shows the catalogue.
	const parsed = filters.parse(Object.fromEntries(url.searchParams));
	const theme = themes.some((candidate) => candidate.id === parsed.theme)
		? parsed.theme
		: undefined;
	const collator = new Intl.Collator(locale);

	const resources = [...catalogue().resources.values()]
		.filter((resource) => !theme || resource.themes.includes(theme))
		.filter((resource) => !parsed.type || resource.type === parsed.type)
		.map((resource) => ({
			id: resource.id,
			title: localize(resource.title, locale),
			description: localize(resource.description, locale),
			provider: localize(resource.provider, locale),
			type: resource.type,
			themes: resource.themes,
			languages: resource.languages,
			url: resource.url,
			source: resource.source,
			support: resource.support,
			retrieved: resource.retrieved
		}))
		.sort((a, b) => collator.compare(a.title, b.title));

	return {
		/** The catalogue after filtering, sorted by title in the reader's language. */
		resources,
		themes,
		types: resourceTypes,
		selected: { theme, type: parsed.type }
	};
};
