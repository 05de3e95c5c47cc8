import { z } from 'zod';
import { localize } from '$lib/questionnaire/localize';
import { inDate, isoDay, scopeProvinces, type Reach } from '$lib/questionnaire/resource-scope';
import { resourceTypes, type Resource } from '$lib/questionnaire/schema';
import { catalogue, questionnaire } from '$lib/server/content';

// Nothing here needs a script (links and a GET filter form), so the page sends none, as the landing page does:
// a phone gets the catalogue without the page's code or the 42 KB of its data serialised for the browser.
export const csr = false;

const filters = z.object({
	province: z.string().optional().catch(undefined),
	sector: z.string().optional().catch(undefined),
	theme: z.string().optional().catch(undefined),
	type: z.enum(resourceTypes).optional().catch(undefined)
});

/** A resource for a sector filter: one limited to no sector, to the section or to one of its divisions (`C13`). */
const fitsSector = (resource: Resource, sector: string | undefined) =>
	!sector || !resource.sectors || resource.sectors.some((code) => code.startsWith(sector));

export const load = ({ locals, url }) => {
	const { locale } = locals;
	const { provinces, regions, resources: all } = catalogue();
	const definition = questionnaire();
	const themes = definition.themes.map((theme) => ({
		id: theme.id,
		title: localize(theme.title, locale)
	}));
	const sectorQuestion = definition.profile.questions.find(
		(question) => question.role === 'sector'
	);
	const sectors =
		sectorQuestion?.type === 'single'
			? (sectorQuestion.options ?? []).map((option) => ({
					id: option.id,
					label: localize(option.label, locale)
				}))
			: [];
	const sectorLabel = new Map(sectors.map((sector) => [sector.id, sector.label]));
	const provinceName = new Map(provinces.map((province) => [province.code, province.name]));

	// Unknown filter values are ignored rather than refused: a stale bookmark still shows the catalogue.
	const parsed = filters.parse(Object.fromEntries(url.searchParams));
	const known = <T>(value: string | undefined, list: T[], key: (item: T) => string) =>
		list.some((item) => key(item) === value) ? value : undefined;
	const selected = {
		province: known(parsed.province, provinces, (province) => province.code),
		sector: known(parsed.sector, sectors, (sector) => sector.id),
		theme: known(parsed.theme, themes, (theme) => theme.id),
		type: parsed.type
	};
	const collator = new Intl.Collator(locale);
	const today = isoDay(new Date());

	const shown = [...all.values()]
		.filter((resource) => !selected.theme || resource.themes.includes(selected.theme))
		.filter((resource) => !selected.type || resource.type === selected.type)
		.filter((resource) => fitsSector(resource, selected.sector))
		.filter((resource) => inDate(resource, today))
		.map((resource) => {
			const scope = scopeProvinces(resource.scope, regions);
			// Without a province chosen, every resource for some provinces is listed in that group.
			const reach: Reach | undefined =
				scope === 'national'
					? 'national'
					: !selected.province || scope.includes(selected.province)
						? 'regional'
						: undefined;
			return { resource, scope, reach };
		})
		.filter(({ reach }) => reach !== undefined)
		.map(({ resource, scope, reach }) => ({
			id: resource.id,
			reach,
			title: localize(resource.title, locale),
			description: localize(resource.description, locale),
			provider: localize(resource.provider, locale),
			type: resource.type,
			themes: resource.themes,
			languages: resource.languages,
			url: resource.url,
			source: resource.source,
			support: resource.support,
			retrieved: resource.retrieved,
			validUntil: resource.validUntil,
			/** The provinces it is limited to, by name; empty for a national resource. */
			provinces: scope === 'national' ? [] : scope.map((code) => provinceName.get(code) ?? code),
			sectors: (resource.sectors ?? []).map((code) => sectorLabel.get(code) ?? code)
		}))
		.sort((a, b) => collator.compare(a.title, b.title));

	return {
		/**
		 * The catalogue after filtering, sorted by title in the reader's language: with a province chosen, its
		 * region's and the national ones; without, the national ones and those for some provinces.
		 */
		regional: shown.filter((resource) => resource.reach === 'regional'),
		national: shown.filter((resource) => resource.reach === 'national'),
		count: shown.length,
		provinces,
		sectors,
		themes,
		types: resourceTypes,
		selected
	};
};
