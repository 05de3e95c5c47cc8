import {
	NOT_APPLICABLE,
	type Condition,
	type Province,
	type Question,
	type Questionnaire,
	type Resource,
	type Text
} from './schema';
import { CBAM_ROLE_OPTIONS, CBAM_SECTORS } from '../carbon/cbam';
import { carbonFacts, type EmissionFactors } from '../carbon/factors';
import { isScored, lowestScore, maxScore } from './questions';

/** One thing wrong in a file, located by its path inside the file (`themes[2].questions[0].text.en`). */
export interface Problem {
	path: string;
	message: string;
}

type Path = (string | number)[];

export function formatPath(path: readonly PropertyKey[]): string {
	return path
		.map((part, index) =>
			typeof part === 'number' ? `[${part}]` : `${index === 0 ? '' : '.'}${String(part)}`
		)
		.join('');
}

class Problems {
	readonly list: Problem[] = [];
	add(path: Path, message: string) {
		this.list.push({ path: formatPath(path), message });
	}
}

/** Walks every nested value and checks each `Text` (a record of strings keyed by language) has every language. */
function checkTranslations(value: unknown, path: Path, locales: string[], problems: Problems) {
	if (Array.isArray(value)) {
		value.forEach((item, index) => checkTranslations(item, [...path, index], locales, problems));
		return;
	}
	if (value === null || typeof value !== 'object') return;
	for (const [key, child] of Object.entries(value)) {
		if (isText(key, child)) {
			for (const locale of locales) {
				if (!(locale in child)) problems.add([...path, key, locale], 'missing translation');
			}
			for (const locale of Object.keys(child)) {
				if (!locales.includes(locale)) {
					problems.add(
						[...path, key, locale],
						`language not listed in locales (${locales.join(', ')})`
					);
				}
			}
		} else {
			checkTranslations(child, [...path, key], locales, problems);
		}
	}
}

const TEXT_KEYS = new Set([
	'title',
	'description',
	'text',
	'help',
	'label',
	'name',
	'unit',
	'low',
	'high',
	'provider'
]);

function isText(key: string, value: unknown): value is Text {
	return (
		TEXT_KEYS.has(key) &&
		value !== null &&
		typeof value === 'object' &&
		!Array.isArray(value) &&
		Object.values(value).every((entry) => typeof entry === 'string')
	);
}

function checkDuplicates(
	items: { id: string }[],
	path: Path,
	what: string,
	problems: Problems,
	key = 'id'
) {
	const seen = new Set<string>();
	items.forEach((item, index) => {
		if (seen.has(item.id)) problems.add([...path, index, key], `duplicate ${what} "${item.id}"`);
		seen.add(item.id);
	});
}

interface Located {
	question: Question;
	path: Path;
	/** Position in asking order, to tell earlier from later questions. */
	order: number;
	theme?: string;
}

function locateQuestions(questionnaire: Questionnaire): Located[] {
	const located: Located[] = questionnaire.profile.questions.map((question, index) => ({
		question,
		path: ['profile', 'questions', index]
	})) as Located[];
	questionnaire.themes.forEach((theme, themeIndex) =>
		theme.questions.forEach((question, index) =>
			located.push({
				question,
				path: ['themes', themeIndex, 'questions', index],
				order: 0,
				theme: theme.id
			})
		)
	);
	questionnaire.energy?.questions.forEach((question, index) =>
		located.push({ question, path: ['energy', 'questions', index], order: 0 })
	);
	located.forEach((entry, order) => (entry.order = order));
	return located;
}

function checkCondition(
	condition: Condition,
	path: Path,
	self: Located,
	byId: Map<string, Located>,
	problems: Problems
) {
	if ('all' in condition || 'any' in condition) {
		const parts = 'all' in condition ? condition.all : condition.any;
		const key = 'all' in condition ? 'all' : 'any';
		parts.forEach((part, index) =>
			checkCondition(part, [...path, key, index], self, byId, problems)
		);
		return;
	}
	const target = byId.get(condition.question);
	if (!target) {
		problems.add([...path, 'question'], `no question "${condition.question}"`);
		return;
	}
	if (target.order >= self.order) {
		problems.add([...path, 'question'], `"${condition.question}" must come before this question`);
		return;
	}
	const optionIds = new Set(
		target.question.type === 'single' || target.question.type === 'multi'
			? (target.question.options ?? []).map((option) => option.id)
			: []
	);
	const kind = target.question.type;
	if ('equals' in condition) {
		const ok =
			kind === 'yesno'
				? typeof condition.equals === 'boolean'
				: kind === 'single' &&
					typeof condition.equals === 'string' &&
					optionIds.has(condition.equals);
		if (!ok) problems.add([...path, 'equals'], `not an answer of "${condition.question}"`);
	} else if ('in' in condition) {
		if (kind !== 'single') problems.add([...path, 'in'], `"in" needs a single-choice question`);
		condition.in.forEach((value, index) => {
			if (!optionIds.has(value))
				problems.add([...path, 'in', index], `not an option of "${condition.question}"`);
		});
	} else if (kind !== 'multi' || !optionIds.has(condition.includes)) {
		problems.add(
			[...path, 'includes'],
			`not an option of the multi-choice question "${condition.question}"`
		);
	}
}

function checkQuestion(entry: Located, questionnaire: Questionnaire, problems: Problems) {
	const { question, path } = entry;
	const scored = entry.theme !== undefined;
	if (question.type === 'single' || question.type === 'multi') {
		const options = question.options ?? [];
		if (
			question.type === 'single' &&
			(question.options ? 1 : 0) + (question.optionsFrom ? 1 : 0) !== 1
		) {
			problems.add(path, 'give either options or optionsFrom');
		}
		checkDuplicates(options, [...path, 'options'], 'option', problems);
		options.forEach((option, index) => {
			if (option.id === NOT_APPLICABLE) {
				problems.add(
					[...path, 'options', index, 'id'],
					`"${NOT_APPLICABLE}" is reserved for "not applicable"`
				);
			}
			if (scored && option.score === undefined) {
				problems.add([...path, 'options', index, 'score'], 'expected a number');
			}
		});
		if (scored && question.type === 'multi') {
			const reachable = options.reduce(
				(sum, option) => sum + (option.exclusive ? 0 : (option.score ?? 0)),
				0
			);
			if (reachable < question.max)
				problems.add([...path, 'max'], 'the chosen options can never reach this maximum');
		}
	}
	if (scored && !isScored(question)) {
		problems.add(
			[...path, 'type'],
			`a ${question.type} question is never scored: move it to the profile`
		);
	}
	if (scored && isScored(question) && maxScore(question) <= 0) {
		problems.add(path, 'the best answer must score more than 0');
	}
	if (!scored && question.allowNA)
		problems.add([...path, 'allowNA'], 'only theme questions are scored');
	if (question.type === 'number' && question.min >= question.max) {
		problems.add([...path, 'max'], 'must be greater than min');
	}
	if (question.role === 'employees' || question.role === 'turnover') {
		const classes = new Set(questionnaire.sizeClasses.map((sizeClass) => sizeClass.id));
		if (question.type !== 'single')
			problems.add([...path, 'role'], 'needs a single-choice question');
		else
			(question.options ?? []).forEach((option, index) => {
				if (!option.sizeClass || !classes.has(option.sizeClass)) {
					problems.add([...path, 'options', index, 'sizeClass'], 'expected one of the sizeClasses');
				}
			});
	}
}

function checkLevels(questionnaire: Questionnaire, problems: Problems) {
	const { levels } = questionnaire;
	checkDuplicates(levels, ['levels'], 'level', problems);
	if (levels[0].min !== 0) problems.add(['levels', 0, 'min'], 'the first level must start at 0');
	levels.forEach((level, index) => {
		if (level.min >= level.max) problems.add(['levels', index, 'max'], 'must be greater than min');
		const next = levels[index + 1];
		if (next && next.min !== level.max) {
			problems.add(
				['levels', index + 1, 'min'],
				`must equal the previous level's max (${level.max})`
			);
		}
	});
	if (levels[levels.length - 1].max !== 100) {
		problems.add(['levels', levels.length - 1, 'max'], 'the last level must end at 100');
	}
}

function checkRecommendations(
	questionnaire: Questionnaire,
	byId: Map<string, Located>,
	resourceIds: Set<string> | undefined,
	problems: Problems
) {
	const themeIds = new Set(questionnaire.themes.map((theme) => theme.id));
	checkDuplicates(questionnaire.recommendations, ['recommendations'], 'recommendation', problems);
	questionnaire.recommendations.forEach((recommendation, index) => {
		const path: Path = ['recommendations', index];
		if (!themeIds.has(recommendation.theme))
			problems.add([...path, 'theme'], `no theme "${recommendation.theme}"`);
		const { when } = recommendation;
		if ('question' in when) {
			const target = byId.get(when.question);
			if (!target || !target.theme || !isScored(target.question)) {
				problems.add([...path, 'when', 'question'], `no scored question "${when.question}"`);
			} else if (when.below > maxScore(target.question)) {
				problems.add(
					[...path, 'when', 'below'],
					`above the question's best score (${maxScore(target.question)})`
				);
			}
		} else if (!themeIds.has(when.theme)) {
			problems.add([...path, 'when', 'theme'], `no theme "${when.theme}"`);
		}
		recommendation.resources.forEach((resource, resourceIndex) => {
			if (resourceIds && !resourceIds.has(resource)) {
				problems.add(
					[...path, 'resources', resourceIndex],
					`no resource "${resource}" in resources.yaml`
				);
			}
		});
	});
	// Every scored question's weakest answer must lead somewhere.
	for (const entry of byId.values()) {
		if (!entry.theme || !isScored(entry.question)) continue;
		const weakest = lowestScore(entry.question);
		const covered = questionnaire.recommendations.some(
			(recommendation) =>
				'question' in recommendation.when &&
				recommendation.when.question === entry.question.id &&
				weakest < recommendation.when.below
		);
		if (!covered) problems.add(entry.path, 'no recommendation fires on its weakest answer');
	}
}

/** Each emission source is fed by one question at most, and only by a number question that names a known one. */
function checkCarbonFeeds(
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
function checkCbamRole(entry: Located, problems: Problems) {
	const { question, path } = entry;
	const needs = (type: string) => problems.add([...path, 'role'], `needs a ${type} question`);
	switch (question.role) {
		case 'exports_eu':
			if (question.type !== 'yesno') needs('yes/no');
			break;
		case 'cbam_goods':
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
		case 'cbam_data':
			if (!entry.theme || !isScored(question)) needs('scored theme');
			break;
	}
}

/** Checks one questionnaire against itself and the resources catalogue. */
export function checkQuestionnaire(
	questionnaire: Questionnaire,
	/** The catalogue's ids; undefined when resources.yaml itself is broken (its own problems say so). */
	resourceIds: Set<string> | undefined,
	hasProvinces: boolean,
	/** What number questions may feed: emission-factors.yaml's sources and conversions, and the carbon facts. */
	carbonIds?: Set<string>
): Problem[] {
	const problems = new Problems();
	checkTranslations(questionnaire, [], questionnaire.locales, problems);
	const located = locateQuestions(questionnaire);
	const questionIds = new Set<string>();
	for (const entry of located) {
		if (questionIds.has(entry.question.id)) {
			problems.add([...entry.path, 'id'], `duplicate question id "${entry.question.id}"`);
		}
		questionIds.add(entry.question.id);
	}
	checkDuplicates(questionnaire.themes, ['themes'], 'theme', problems);
	checkDuplicates(questionnaire.sizeClasses, ['sizeClasses'], 'size class', problems);
	const byId = new Map(located.map((entry) => [entry.question.id, entry]));
	const roles = new Map<string, Path>();
	for (const entry of located) {
		checkQuestion(entry, questionnaire, problems);
		if (entry.question.showIf)
			checkCondition(entry.question.showIf, [...entry.path, 'showIf'], entry, byId, problems);
		const { role } = entry.question;
		checkCbamRole(entry, problems);
		if (role) {
			// The CBAM screen reads how ready the firm's emission data is from a scored market question.
			if (entry.theme && role !== 'cbam_data')
				problems.add([...entry.path, 'role'], 'roles belong in the profile');
			if (roles.has(role)) problems.add([...entry.path, 'role'], `role "${role}" is used twice`);
			roles.set(role, entry.path);
		}
		if (
			entry.question.type === 'single' &&
			entry.question.optionsFrom === 'provinces' &&
			!hasProvinces
		) {
			problems.add([...entry.path, 'optionsFrom'], 'provinces.yaml is missing or broken');
		}
	}
	checkCarbonFeeds(located, carbonIds, problems);
	checkLevels(questionnaire, problems);
	checkRecommendations(questionnaire, byId, resourceIds, problems);
	return problems.list;
}

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
