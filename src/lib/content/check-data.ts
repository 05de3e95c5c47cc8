import type { Province, Resource } from '../questionnaire/schema';
import { checkDuplicates, checkTranslations, Problems, type Problem } from './problems';

/** Checks the catalogue on its own: ids, translations, and that its themes exist in some questionnaire. */
export function checkResources(
	resources: Resource[],
	locales: string[],
	themeIds: Set<string>
): Problem[] {
	const problems = new Problems();
	checkDuplicates(resources, ['resources'], 'resource', problems);
	checkTranslations({ resources }, [], locales, problems);
	resources.forEach((resource, index) =>
		resource.themes.forEach((theme, themeIndex) => {
			if (!themeIds.has(theme))
				problems.add(['resources', index, 'themes', themeIndex], `no theme "${theme}"`);
		})
	);
	return problems.list;
}

/** Plate codes must be unique, or two provinces would share an answer. */
export function checkProvinces(provinces: Province[]): Problem[] {
	const problems = new Problems();
	checkDuplicates(
		provinces.map((province) => ({ id: province.code })),
		['provinces'],
		'province code',
		problems,
		'code'
	);
	return problems.list;
}
