import { LineCounter, parseDocument } from 'yaml';
import type { z } from 'zod';
import { CBAM_ACTION_RESOURCES } from '../carbon/cbam';
import { carbonFacts, emissionFactorsFile, type EmissionFactors } from '../carbon/factors';
import { formatPath } from '../format-path';
import { locales as productLocales } from '../i18n/locales';
import {
	provincesFile,
	questionnaireFile,
	regionsFile,
	resourcesFile,
	type Province,
	type Questionnaire,
	type Region,
	type Resource
} from '../questionnaire/schema';
import { sectorCodes } from '../questionnaire/sectors';
import { checkEmissionFactors } from './check-carbon';
import { checkProvinces, checkResources } from './check-data';
import { checkRegions, checkScopes } from './check-scope';
import { checkQuestionnaire } from './check-questionnaire';
import {
	checkSymbiosisCategories,
	symbiosisCategoriesFile,
	type SymbiosisCategories
} from '../symbiosis/categories';
import type { Problem } from './problems';

export const RESOURCES_FILE = 'resources.yaml';
export const PROVINCES_FILE = 'provinces.yaml';
export const EMISSION_FACTORS_FILE = 'emission-factors.yaml';
export const REGIONS_FILE = 'regions.yaml';
export const SYMBIOSIS_CATEGORIES_FILE = 'symbiosis-categories.yaml';
const DATA_FILES = new Set([
	RESOURCES_FILE,
	PROVINCES_FILE,
	EMISSION_FACTORS_FILE,
	REGIONS_FILE,
	SYMBIOSIS_CATEGORIES_FILE
]);

/** Everything the product reads from `questionnaires/`, validated and cross-checked. */
export interface Catalogue {
	questionnaires: Map<string, Questionnaire>;
	resources: Map<string, Resource>;
	provinces: Province[];
	/** The development-agency regions a resource's scope may name. */
	regions: Region[];
	/** Not wrong, but to act on soon (a resource's `validUntil` near or past); the server starts regardless. */
	warnings: FileProblem[];
	/** Undefined when the folder has no factors file: then no assessment gets a carbon estimate. */
	emissionFactors: EmissionFactors | undefined;
	/** Undefined when the folder has no categories file: then the symbiosis exchange is not offered. */
	symbiosis: SymbiosisCategories | undefined;
}

export interface FileProblem extends Problem {
	file: string;
}

/** `green-deal-readiness.yaml: themes[2].questions[0].text.en: missing translation` */
export function formatProblem(problem: FileProblem): string {
	return `${problem.file}: ${problem.path || '(file)'}: ${problem.message}`;
}

/** Thrown when the files have problems; carries all of them, not just the first. */
export class CatalogueError extends Error {
	constructor(readonly problems: FileProblem[]) {
		super(problems.map(formatProblem).join('\n'));
	}
}

function parseFile<T>(
	file: string,
	source: string,
	schema: z.ZodType<T>,
	problems: FileProblem[]
): T | undefined {
	const lineCounter = new LineCounter();
	const document = parseDocument(source, { prettyErrors: false, uniqueKeys: true, lineCounter });
	if (document.errors.length > 0) {
		for (const error of document.errors) {
			const { line } = lineCounter.linePos(error.pos[0]);
			problems.push({ file, path: `line ${line}`, message: error.message.split('\n')[0] });
		}
		return undefined;
	}
	const result = schema.safeParse(document.toJS());
	if (result.success) return result.data;
	for (const issue of result.error.issues) {
		problems.push({ file, path: formatPath(issue.path), message: issue.message });
	}
	return undefined;
}

/** Replaces `optionsFrom: provinces` by ordinary options, so the rest of the product sees one shape. */
function resolveProvinces(questionnaire: Questionnaire, provinces: Province[]): Questionnaire {
	const options = provinces.map((province) => ({
		id: province.code,
		// Proper names are written the same in every language.
		label: Object.fromEntries(questionnaire.locales.map((locale) => [locale, province.name]))
	}));
	for (const question of questionnaire.profile.questions) {
		if (question.type === 'single' && question.optionsFrom === 'provinces')
			question.options = options;
	}
	return questionnaire;
}

/**
 * Parses and checks the files of `questionnaires/`, given as file name -> contents. Pure: reading the folder is the
 * caller's job, so the same code serves the server, the checker command and the tests. `today` (an ISO date) is
 * what a support call's closing date is compared with.
 */
export function parseCatalogue(
	files: Record<string, string>,
	today = new Date().toISOString().slice(0, 10)
): Catalogue {
	const problems: FileProblem[] = [];
	const warnings: FileProblem[] = [];
	const inFile = (file: string, list: Problem[]) =>
		list.forEach((problem) => problems.push({ file, ...problem }));

	const resources =
		files[RESOURCES_FILE] === undefined
			? (problems.push({ file: RESOURCES_FILE, path: '', message: 'file is missing' }), undefined)
			: parseFile(RESOURCES_FILE, files[RESOURCES_FILE], resourcesFile, problems)?.resources;
	const provinces =
		files[PROVINCES_FILE] === undefined
			? undefined
			: parseFile(PROVINCES_FILE, files[PROVINCES_FILE], provincesFile, problems)?.provinces;
	if (provinces) inFile(PROVINCES_FILE, checkProvinces(provinces));
	const regions =
		files[REGIONS_FILE] === undefined
			? undefined
			: parseFile(REGIONS_FILE, files[REGIONS_FILE], regionsFile, problems)?.regions;
	if (regions) inFile(REGIONS_FILE, checkRegions(regions, provinces, [...productLocales]));
	const emissionFactors =
		files[EMISSION_FACTORS_FILE] === undefined
			? undefined
			: parseFile(
					EMISSION_FACTORS_FILE,
					files[EMISSION_FACTORS_FILE],
					emissionFactorsFile,
					problems
				);
	if (emissionFactors)
		inFile(EMISSION_FACTORS_FILE, checkEmissionFactors(emissionFactors, [...productLocales]));
	const symbiosis =
		files[SYMBIOSIS_CATEGORIES_FILE] === undefined
			? undefined
			: parseFile(
					SYMBIOSIS_CATEGORIES_FILE,
					files[SYMBIOSIS_CATEGORIES_FILE],
					symbiosisCategoriesFile,
					problems
				);
	if (symbiosis)
		inFile(SYMBIOSIS_CATEGORIES_FILE, checkSymbiosisCategories(symbiosis, [...productLocales]));
	const carbonIds = new Set<string>([
		...carbonFacts,
		...(emissionFactors?.sources ?? []).map((source) => source.id),
		...(emissionFactors?.conversions ?? []).map((conversion) => conversion.id),
		...(emissionFactors?.calorificValues ?? []).map((calorific) => calorific.id)
	]);

	const questionnaires = new Map<string, Questionnaire>();
	const questionnaireFiles = Object.keys(files)
		.filter((file) => !DATA_FILES.has(file))
		.sort();
	if (questionnaireFiles.length === 0) {
		problems.push({ file: '(folder)', path: '', message: 'no questionnaire file' });
	}
	for (const file of questionnaireFiles) {
		const questionnaire = parseFile(file, files[file], questionnaireFile, problems);
		if (!questionnaire) continue;
		if (questionnaires.has(questionnaire.id)) {
			problems.push({
				file,
				path: 'id',
				message: `another file already has id "${questionnaire.id}"`
			});
		}
		const resourceIds = resources && new Set(resources.map((resource) => resource.id));
		inFile(
			file,
			checkQuestionnaire(questionnaire, resourceIds, provinces !== undefined, carbonIds)
		);
		questionnaires.set(questionnaire.id, resolveProvinces(questionnaire, provinces ?? []));
	}

	if (resources) {
		const themeIds = new Set(
			[...questionnaires.values()].flatMap((questionnaire) =>
				questionnaire.themes.map((theme) => theme.id)
			)
		);
		inFile(RESOURCES_FILE, checkResources(resources, [...productLocales], themeIds, today));
		const scopes = checkScopes(
			resources,
			{
				provinces: provinces && new Set(provinces.map((province) => province.code)),
				regions: new Set((regions ?? []).map((region) => region.code)),
				sectors: new Set([...questionnaires.values()].flatMap(sectorCodes)),
				sizeClasses: new Set(
					[...questionnaires.values()].flatMap((questionnaire) =>
						questionnaire.sizeClasses.map((sizeClass) => sizeClass.id)
					)
				)
			},
			today
		);
		inFile(RESOURCES_FILE, scopes.problems);
		scopes.warnings.forEach((warning) => warnings.push({ file: RESOURCES_FILE, ...warning }));
		const ids = new Set(resources.map((resource) => resource.id));
		const screensCbam = [...questionnaires.values()].some((questionnaire) =>
			questionnaire.profile.questions.some((question) => question.role === 'exports_eu')
		);
		for (const [action, used] of screensCbam ? Object.entries(CBAM_ACTION_RESOURCES) : []) {
			for (const id of used.filter((resource) => !ids.has(resource))) {
				problems.push({
					file: RESOURCES_FILE,
					path: '(file)',
					message: `no resource "${id}", which the CBAM screen's action "${action}" points to`
				});
			}
		}
	}

	if (problems.length > 0 || !resources) throw new CatalogueError(problems);
	return {
		questionnaires,
		resources: new Map(resources.map((resource) => [resource.id, resource])),
		provinces: provinces ?? [],
		regions: regions ?? [],
		warnings,
		emissionFactors,
		symbiosis
	};
}
