import { CBAM_ROLE_OPTIONS, CBAM_SECTORS } from '../carbon/cbam';
import { carbonFacts, type EmissionFactors } from '../carbon/factors';
import { isScored } from '../questionnaire/questions';
import type { Located } from './check-questions';
import { checkDuplicates, checkTranslations, Problems, type Problem } from './problems';

/** Each emission source is fed by one question at most, and only by a number question that names a known one. */
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
		fed.add(question.carbon);
	}
}

/** The CBAM screen reads these roles' answers by option id, so the questions must offer exactly what it knows. */
export function checkCbamRole(entry: Located, problems: Problems) {
	const { question, path } = entry;
	const needs = (type: string) => problems.add([...path, 'role'], `needs a ${type} question`);
	switch (question.role) {
		case 'exports_eu':
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

/** The factors file: unique ids, every language, and conversions that lead to a source. */
export function checkEmissionFactors(factors: EmissionFactors, locales: string[]): Problem[] {
	const problems = new Problems();
	checkTranslations(factors, [], locales, problems);
	checkDuplicates(factors.sources, ['sources'], 'source', problems);
	checkDuplicates(factors.conversions, ['conversions'], 'conversion', problems);
	const sourceIds = new Set(factors.sources.map((source) => source.id));
	const reserved = new Set<string>(carbonFacts);
	factors.sources.forEach((source, index) => {
		if (reserved.has(source.id))
			problems.add(['sources', index, 'id'], `"${source.id}" is reserved for a fact`);
	});
	const converted = new Set<string>();
	factors.conversions.forEach((conversion, index) => {
		if (sourceIds.has(conversion.id) || reserved.has(conversion.id))
			problems.add(['conversions', index, 'id'], `"${conversion.id}" is already used`);
		if (!sourceIds.has(conversion.into))
			problems.add(['conversions', index, 'into'], `no source "${conversion.into}"`);
		if (converted.has(conversion.into))
			problems.add(['conversions', index, 'into'], `"${conversion.into}" already has a conversion`);
		converted.add(conversion.into);
	});
	const electricity = factors.sources.filter((source) => source.category === 'electricity');
	if (electricity.length > 1) problems.add(['sources'], 'only one source may be electricity');
	return problems.list;
}
