import { isScored, lowestScore, maxScore } from '../questionnaire/questions';
import type { Questionnaire } from '../questionnaire/schema';
import { checkCarbonFeeds, checkCbamRole } from './check-carbon';
import { checkCondition, checkQuestion, locateQuestions, type Located } from './check-questions';
import { checkDuplicates, checkTranslations, Problems, type Path, type Problem } from './problems';

/** Levels tile 0 to 100 without gaps or overlaps, so every score falls in exactly one. */
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

/**
 * `after` names existing recommendations and never loops back (a → b → a), so that the ranking can always put a
 * prerequisite first.
 */
function checkPrerequisites(questionnaire: Questionnaire, problems: Problems) {
	const after = new Map(questionnaire.recommendations.map((item) => [item.id, item.after]));
	questionnaire.recommendations.forEach((recommendation, index) => {
		recommendation.after.forEach((id, afterIndex) => {
			const path: Path = ['recommendations', index, 'after', afterIndex];
			if (!after.has(id)) problems.add(path, `no recommendation "${id}"`);
			else if (id === recommendation.id)
				problems.add(path, 'a recommendation cannot follow itself');
		});
	});
	// Depth-first search from each recommendation; meeting one still on the path closes a cycle.
	const done = new Set<string>();
	const reported = new Set<string>();
	const visit = (id: string, path: string[]) => {
		if (done.has(id)) return;
		const start = path.indexOf(id);
		if (start >= 0) {
			const cycle = [...path.slice(start), id];
			const index = questionnaire.recommendations.findIndex((item) => item.id === id);
			if (!reported.has(id))
				problems.add(['recommendations', index, 'after'], `cycle: ${cycle.join(' → ')}`);
			cycle.forEach((member) => reported.add(member));
			return;
		}
		for (const next of after.get(id) ?? []) if (next !== id) visit(next, [...path, id]);
		done.add(id);
	};
	for (const { id } of questionnaire.recommendations) visit(id, []);
}

/** Recommendations point at existing themes, questions and resources, and every weakest answer fires one. */
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
		recommendation.unless?.forEach(({ question, atLeast }, unlessIndex) => {
			const target = byId.get(question);
			if (!target || !target.theme || !isScored(target.question)) {
				problems.add(
					[...path, 'unless', unlessIndex, 'question'],
					`no scored question "${question}"`
				);
			} else if (atLeast > maxScore(target.question)) {
				problems.add(
					[...path, 'unless', unlessIndex, 'atLeast'],
					`above the question's best score (${maxScore(target.question)})`
				);
			}
		});
		recommendation.resources.forEach((resource, resourceIndex) => {
			if (resourceIds && !resourceIds.has(resource)) {
				problems.add(
					[...path, 'resources', resourceIndex],
					`no resource "${resource}" in resources.yaml`
				);
			}
		});
	});
	checkPrerequisites(questionnaire, problems);
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
