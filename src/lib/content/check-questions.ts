import { isScored, maxScore } from '../questionnaire/questions';
import {
	NOT_APPLICABLE,
	type Condition,
	type Question,
	type Questionnaire
} from '../questionnaire/schema';
import { checkDuplicates, type Path, type Problems } from './problems';

/** A question with where it sits in the file, so every check can point at it. */
export interface Located {
	question: Question;
	path: Path;
	/** Position in asking order, to tell earlier from later questions. */
	order: number;
	theme?: string;
}

/** Every question of the questionnaire in asking order: profile, themes, then energy. */
export function locateQuestions(questionnaire: Questionnaire): Located[] {
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

/** A `showIf` may only look back at earlier questions, and only at answers those questions can give. */
export function checkCondition(
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

/** One question on its own: options, scores, ranges and the size-class roles. */
export function checkQuestion(entry: Located, questionnaire: Questionnaire, problems: Problems) {
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
	if (question.weightBySize) checkWeightBySize(entry, questionnaire, problems);
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
	} else if (question.type === 'single' || question.type === 'multi') {
		// Only a head-count or turnover band stands for a figure (the carbon intensities read it).
		(question.options ?? []).forEach((option, index) => {
			if (option.estimate !== undefined)
				problems.add(
					[...path, 'options', index, 'estimate'],
					'only options of the employees and turnover roles have an estimate'
				);
		});
	}
}

/** `weightBySize` names size classes of the file, on a scored question only. */
function checkWeightBySize(entry: Located, questionnaire: Questionnaire, problems: Problems) {
	const { question, path } = entry;
	if (entry.theme === undefined || !isScored(question)) {
		problems.add([...path, 'weightBySize'], 'only scored theme questions have a weight');
		return;
	}
	const classes = new Set(questionnaire.sizeClasses.map((sizeClass) => sizeClass.id));
	for (const sizeClass of Object.keys(question.weightBySize ?? {})) {
		if (!classes.has(sizeClass))
			problems.add([...path, 'weightBySize', sizeClass], 'expected one of the sizeClasses');
	}
}
