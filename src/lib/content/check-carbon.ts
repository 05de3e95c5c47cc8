import { CBAM_ROLE_OPTIONS, CBAM_SECTORS } from '../carbon/cbam';
import { carbonFactLimits, carbonFacts, type EmissionFactors } from '../carbon/factors';
import { isScored } from '../questionnaire/questions';
import type { Located } from './check-questions';
import { checkDuplicates, checkTranslations, Problems, type Problem } from './problems';

/**
 * Each emission source is fed by one question at most, and only by a number question that names a known one; a
 * question feeding a bounded fact (a percentage, the supplier's kg CO2e per kWh) refuses answers beyond its bound.
 */
export function checkCarbonFeeds(
	located: Located[],
	carbonIds: Set<string> | undefined,
	problems: Problems
) {
	const fed = new Set<string>();
	for (const { question, path } of located) {
		if (question.type !== 'number' || !question.carbon) continue;
		if (carbonIds && !carbonIds.has(question.carbon)) {
			problems.add(
				[...path, 'carbon'],
				`no source, conversion or fact "${question.carbon}" in emission-factors.yaml`
			);
		}
		if (fed.has(question.carbon))
			problems.add([...path, 'carbon'], `"${question.carbon}" is fed by another question`);
		const limit = (carbonFactLimits as Partial<Record<string, number>>)[question.carbon];
		if (limit !== undefined && question.max > limit)
			problems.add([...path, 'max'], `"${question.carbon}" allows at most ${limit}`);
		fed.add(question.carbon);
	}
}

/** The CBAM screen reads these roles' answers by option id, so the questions must offer exactly what it knows. */
export function checkCbamRole(entry: Located, problems: Problems) {
	const { question, path } = entry;
	const needs = (type: string) => problems.add([...path, 'role'], `needs a ${type} question`);
	switch (question.role) {
		case 'exports_eu':
		case 'circular_economy':
			if (question.type !== 'yesno') needs('yes/no');
			break;
		case 'cbam_data':
			if (!entry.theme || !isScored(question)) return needs('scored theme');
		// falls through: its options must also be the ones the screen reads
		case 'cbam_goods':
		case 'cbam_route':
		case 'cbam_tonnage': {
			const expected: readonly string[] = CBAM_ROLE_OPTIONS[question.role];
			if (question.type !== 'single') return needs('single-choice');
			const ids = (question.options ?? []).map((option) => option.id);
			if (ids.length !== expected.length || !expected.every((id) => ids.includes(id)))
				problems.add([...path, 'options'], `expected the options ${expected.join(', ')}`);
			break;
		}
		case 'cbam_sectors':
			if (question.type !== 'multi') return needs('multi-choice');
			question.options.forEach((option, index) => {
				if (!(CBAM_SECTORS as readonly string[]).includes(option.id))
					problems.add(
						[...path, 'options', index, 'id'],
						`expected one of ${CBAM_SECTORS.join(', ')}`
					);
			});
			break;
	}
}

/**
 * The factors file: unique ids, every language, conversions and calorific values that lead to a source, and biogenic
 * CO2 only on a fuel. Every factor, conversion and calorific value has its source title, address and year by schema.
 */
export function checkEmissionFactors(factors: EmissionFactors, locales: string[]): Problem[] {
	const problems = new Problems();
	checkTranslations(factors, [], locales, problems);
	checkDuplicates(factors.sources, ['sources'], 'source', problems);
	checkDuplicates(factors.conversions, ['conversions'], 'conversion', problems);
	checkDuplicates(factors.calorificValues, ['calorificValues'], 'calorific value', problems);
	const sourceIds = new Set(factors.sources.map((source) => source.id));
	const reserved = new Set<string>(carbonFacts);
	factors.sources.forEach((source, index) => {
		if (reserved.has(source.id))
			problems.add(['sources', index, 'id'], `"${source.id}" is reserved for a fact`);
		if (source.biogenicCo2 !== undefined && source.scope !== 1)
			problems.add(['sources', index, 'biogenicCo2'], 'only a fuel (scope 1) has biogenic CO2');
	});
	const taken = new Set([...sourceIds, ...reserved]);
	/** A conversion or calorific value: a fresh id, and one per source it leads to. */
	const checkLinks = (
		entries: { id: string; target: string }[],
		at: { list: string; key: string; noun: string }
	) => {
		const targets = new Set<string>();
		entries.forEach(({ id, target }, index) => {
			if (taken.has(id)) problems.add([at.list, index, 'id'], `"${id}" is already used`);
			if (!sourceIds.has(target)) problems.add([at.list, index, at.key], `no source "${target}"`);
			if (targets.has(target))
				problems.add([at.list, index, at.key], `"${target}" already has a ${at.noun}`);
			targets.add(target);
		});
		entries.forEach(({ id }) => taken.add(id));
	};
	checkLinks(
		factors.conversions.map(({ id, into }) => ({ id, target: into })),
		{ list: 'conversions', key: 'into', noun: 'conversion' }
	);
	checkLinks(
		factors.calorificValues.map(({ id, for: target }) => ({ id, target })),
		{ list: 'calorificValues', key: 'for', noun: 'calorific value' }
	);
	const electricity = factors.sources.filter((source) => source.category === 'electricity');
	if (electricity.length > 1) problems.add(['sources'], 'only one source may be electricity');
	return problems.list;
}
