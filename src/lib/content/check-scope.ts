import type { Province, Region, Resource } from '../questionnaire/schema';
import { checkDuplicates, checkTranslations, Problems, type Problem } from './problems';

/** How many days before a resource's `validUntil` the checker starts to warn. */
export const EXPIRY_WARNING_DAYS = 30;

/** The names a resource's scope may use: plate codes, region codes, sector codes and size classes. */
export interface ScopeNames {
	/** Undefined when the folder has no provinces file: then plate codes are not checked. */
	provinces: Set<string> | undefined;
	regions: Set<string>;
	sectors: Set<string>;
	sizeClasses: Set<string>;
}

const addDays = (day: string, days: number) =>
	new Date(Date.parse(day) + days * 86_400_000).toISOString().slice(0, 10);

/**
 * Checks where each resource applies: names it does not know are errors (a typo would hide a resource from the
 * firms it is for), as is a missing web address on anything but an organisation. A `validUntil` within
 * EXPIRY_WARNING_DAYS of `today`, or past, is a warning: the resource disappears on its own, but the catalogue
 * should be updated.
 */
export function checkScopes(
	resources: Resource[],
	names: ScopeNames,
	today: string
): { problems: Problem[]; warnings: Problem[] } {
	const problems = new Problems();
	const warnings = new Problems();
	const soon = addDays(today, EXPIRY_WARNING_DAYS);
	resources.forEach((resource, index) => {
		const path = ['resources', index];
		const { scope } = resource;
		if (scope !== 'national' && 'provinces' in scope && names.provinces) {
			scope.provinces.forEach((code, at) => {
				if (!names.provinces?.has(code))
					problems.add([...path, 'scope', 'provinces', at], `no province "${code}"`);
			});
		}
		if (scope !== 'national' && 'region' in scope && !names.regions.has(scope.region))
			problems.add([...path, 'scope', 'region'], `no region "${scope.region}" in regions.yaml`);
		resource.sectors?.forEach((code, at) => {
			if (!names.sectors.has(code)) problems.add([...path, 'sectors', at], `no sector "${code}"`);
		});
		resource.sizeClasses?.forEach((code, at) => {
			if (!names.sizeClasses.has(code))
				problems.add([...path, 'sizeClasses', at], `no size class "${code}"`);
		});
		if (!resource.url && resource.type !== 'organisation')
			problems.add([...path, 'url'], 'required (only an organisation may be named without a link)');
		const until = resource.validUntil;
		if (until && until < today)
			warnings.add([...path, 'validUntil'], `expired on ${until}: no longer shown; remove it`);
		else if (until && until <= soon)
			warnings.add([...path, 'validUntil'], `expires on ${until}: renew or remove it`);
	});
	return { problems: problems.list, warnings: warnings.list };
}

/**
 * Each province belongs to exactly one development-agency region: a province in none would have no agency, one in
 * two would see two regions' resources.
 */
export function checkRegions(
	regions: Region[],
	provinces: Province[] | undefined,
	locales: string[]
): Problem[] {
	const problems = new Problems();
	checkDuplicates(
		regions.map((region) => ({ id: region.code })),
		['regions'],
		'region code',
		problems,
		'code'
	);
	checkTranslations({ regions }, [], locales, problems);
	if (!provinces) return problems.list;
	const known = new Set(provinces.map((province) => province.code));
	const regionOf = new Map<string, string>();
	regions.forEach((region, index) => {
		region.provinces.forEach((code, at) => {
			const path = ['regions', index, 'provinces', at];
			if (!known.has(code)) problems.add(path, `no province "${code}"`);
			const other = regionOf.get(code);
			if (other) problems.add(path, `province "${code}" is already in ${other}`);
			regionOf.set(code, region.code);
		});
	});
	for (const province of provinces) {
		if (!regionOf.has(province.code))
			problems.add(['regions'], `no region has province "${province.code}" (${province.name})`);
	}
	return problems.list;
}
