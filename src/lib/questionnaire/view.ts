import type { Locale } from '../i18n/locales';
import { prepare } from '../prepared';
import { localize } from './localize';
import type { Condition, Question, Questionnaire } from './schema';

/** A question in one language: what a page or an API client needs to ask it. */
export interface QuestionView {
	id: string;
	type: Question['type'];
	text: string;
	help?: string;
	required: boolean;
	allowNA: boolean;
	options?: { id: string; label: string; score?: number; exclusive?: boolean }[];
	min?: number;
	max?: number;
	integer?: boolean;
	unit?: string;
	scaleLabels?: { low: string; high: string };
	/** What a number question feeds in the carbon estimate. */
	carbon?: string;
	format?: 'email';
	maxLength?: number;
	showIf?: Condition;
}

/**
 * Views already made, by question and language. A loaded questionnaire never changes, so each view is made once
 * rather than on every page (a step page shows a dozen); frozen, because every request shares it.
 */
const views = new WeakMap<Question, Partial<Record<`${Locale} ${Audience}`, QuestionView>>>();

/** The API's clients get each option's score; a step's form does not show it, so its page data leaves it out. */
type Audience = 'api' | 'form';

export function viewQuestion(
	question: Question,
	locale: Locale,
	audience: Audience = 'api'
): QuestionView {
	let cached = views.get(question);
	if (!cached) views.set(question, (cached = {}));
	return (cached[`${locale} ${audience}`] ??= freezeView(makeView(question, locale, audience)));
}

/** A step's questions as its form asks them in one language: made once per list and language, prepared to send. */
const stepViews = new WeakMap<Question[], Partial<Record<Locale, readonly QuestionView[]>>>();

export function viewStepQuestions(questions: Question[], locale: Locale): readonly QuestionView[] {
	let cached = stepViews.get(questions);
	if (!cached) stepViews.set(questions, (cached = {}));
	return (cached[locale] ??= prepare(
		Object.freeze(questions.map((question) => viewQuestion(question, locale, 'form')))
	));
}

function makeView(question: Question, locale: Locale, audience: Audience): QuestionView {
	const view: QuestionView = {
		id: question.id,
		type: question.type,
		text: localize(question.text, locale),
		help: localize(question.help, locale),
		required: question.required,
		allowNA: question.allowNA,
		showIf: question.showIf
	};
	switch (question.type) {
		case 'single':
		case 'multi':
			view.options = (question.options ?? []).map((option) => ({
				id: option.id,
				label: localize(option.label, locale),
				score: audience === 'api' ? option.score : undefined,
				exclusive: option.exclusive
			}));
			if (question.type === 'multi') view.max = question.max;
			break;
		case 'scale':
			view.scaleLabels = {
				low: localize(question.scaleLabels.low, locale),
				high: localize(question.scaleLabels.high, locale)
			};
			break;
		case 'number':
			Object.assign(view, {
				min: question.min,
				max: question.max,
				integer: question.integer,
				unit: localize(question.unit, locale),
				carbon: question.carbon
			});
			break;
		case 'text':
			Object.assign(view, { format: question.format, maxLength: question.maxLength });
			break;
	}
	return view;
}

/**
 * Freezes what the view made itself (its show-if rule is the questionnaire's own), leaving out the fields a question
 * does not have: JSON drops them anyway, and a step page's data is the smaller and quicker to serialise without them.
 */
function freezeView(view: QuestionView): QuestionView {
	if (view.options) view.options = view.options.map(definedOnly);
	Object.freeze(view.options);
	Object.freeze(view.scaleLabels);
	return definedOnly(view);
}

function definedOnly<T extends object>(value: T): T {
	return Object.freeze(
		Object.fromEntries(Object.entries(value).filter(([, field]) => field !== undefined))
	) as T;
}

/** The whole questionnaire in one language: the public API's shape (`GET /api/v1/questionnaires/<id>`). */
export function viewQuestionnaire(questionnaire: Questionnaire, locale: Locale) {
	return {
		id: questionnaire.id,
		version: questionnaire.version,
		locale,
		title: localize(questionnaire.title, locale),
		profile: {
			title: localize(questionnaire.profile.title, locale),
			questions: questionnaire.profile.questions.map((question) => viewQuestion(question, locale))
		},
		themes: questionnaire.themes.map((theme) => ({
			id: theme.id,
			title: localize(theme.title, locale),
			description: localize(theme.description, locale),
			weight: theme.weight,
			colour: theme.colour,
			questions: theme.questions.map((question) => viewQuestion(question, locale))
		})),
		energy: questionnaire.energy
			? {
					title: localize(questionnaire.energy.title, locale),
					questions: questionnaire.energy.questions.map((question) =>
						viewQuestion(question, locale)
					)
				}
			: null,
		levels: questionnaire.levels.map((level) => ({
			id: level.id,
			name: localize(level.name, locale),
			min: level.min,
			max: level.max
		}))
	};
}
