import {
	optionalSupportTypes,
	supportTypes,
	type Province,
	type Resource
} from '../questionnaire/schema';
import { checkDuplicates, checkTranslations, Problems, type Path, type Problem } from './problems';

/**
 * Checks the catalogue on its own: ids, translations, that its themes exist in some questionnaire, and that every
 * support programme and finance line says what it offers and whether its call is open. `today` (an ISO date) is
 * the day of the check: a call shown as open after its closing date would send firms to a dead end.
 */
export function checkResources(
	resources: Resource[],
	locales: string[],
	themeIds: Set<string>,
	today: string
): Problem[] {
	const problems = new Problems();
	checkDuplicates(resources, ['resources'], 'resource', problems);
	checkTranslations({ resources }, [], locales, problems);
	resources.forEach((resource, index) => {
		resource.themes.forEach((theme, themeIndex) => {
			if (!themeIds.has(theme))
				problems.add(['resources', index, 'themes', themeIndex], `no theme "${theme}"`);
		});
		checkSupport(resource, ['resources', index], today, problems);
	});
	return problems.list;
}

function checkSupport(resource: Resource, path: Path, today: string, problems: Problems) {
	const { support } = resource;
	if (!supportTypes.includes(resource.type) && !optionalSupportTypes.includes(resource.type)) {
		const allowed = [...supportTypes, ...optionalSupportTypes].join(', ');
		if (support) problems.add([...path, 'support'], `only ${allowed} have one`);
		return;
	}
	if (!support) {
		if (optionalSupportTypes.includes(resource.type)) return;
		problems.add([...path, 'support'], `a ${resource.type} must state its kind and call`);
		return;
	}
	const { from, until } = support.period ?? {};
	// ISO dates compare correctly as strings.
	if (from && until && from > until)
		problems.add([...path, 'support', 'period'], 'from is after until');
	if (support.call === 'open' && !until)
		problems.add([...path, 'support', 'period', 'until'], 'an open call needs its closing date');
	if (support.call === 'open' && until && until < today)
		problems.add(
			[...path, 'support', 'call'],
			`the call closed on ${until}: set call to closed (or expected)`
		);
	if (support.asOf > today) problems.add([...path, 'support', 'asOf'], 'is in the future');
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
