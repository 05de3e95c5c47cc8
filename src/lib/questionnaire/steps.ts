import type { Question, Questionnaire, Text } from './schema';
import { visibleQuestionIds, type Answers } from './visibility';

/**
 * The pages of an assessment: the company profile, one per theme, the optional energy figures when the questionnaire
 * has them, the optional symbiosis listing when the installation offers the exchange, then a review before
 * submitting.
 */
export interface Step {
	id: string;
	kind: 'profile' | 'theme' | 'energy' | 'symbiosis' | 'review';
	questions: Question[];
}

/** What the installation offers beside the questionnaire (its steps are no questions of it). */
export interface StepOptions {
	/** The symbiosis exchange's step: a listing, with nothing required. */
	symbiosis?: boolean;
}

export const PROFILE_STEP = 'profile';
/** A hyphen keeps it apart from every theme id (lower case, digits and _). */
const ENERGY_STEP = 'energy-figures';
export const SYMBIOSIS_STEP = 'symbiosis-exchange';
export const REVIEW_STEP = 'review';

export function stepsOf(questionnaire: Questionnaire, options: StepOptions = {}): Step[] {
	return [
		{ id: PROFILE_STEP, kind: 'profile', questions: questionnaire.profile.questions },
		...questionnaire.themes.map((theme) => ({
			id: theme.id,
			kind: 'theme' as const,
			questions: theme.questions
		})),
		...(questionnaire.energy
			? [{ id: ENERGY_STEP, kind: 'energy' as const, questions: questionnaire.energy.questions }]
			: []),
		...(options.symbiosis
			? [{ id: SYMBIOSIS_STEP, kind: 'symbiosis' as const, questions: [] }]
			: []),
		{ id: REVIEW_STEP, kind: 'review', questions: [] }
	];
}

/** The title and introduction a step's page shows; the symbiosis and review steps' are interface strings. */
export function stepHeading(
	questionnaire: Questionnaire,
	step: Step
): { title: Text; description?: Text } | undefined {
	switch (step.kind) {
		case 'profile':
			return questionnaire.profile;
		case 'energy':
			return questionnaire.energy;
		case 'theme':
			return questionnaire.themes.find((theme) => theme.id === step.id);
		case 'symbiosis':
		case 'review':
			return undefined;
	}
}

export interface StepProgress {
	id: string;
	/** Questions shown for the current answers. */
	shown: number;
	/** Shown questions that must be answered before submitting: what the progress counter counts. */
	required: number;
	/** Shown required questions still without an answer. */
	missing: number;
}

/**
 * How far each step is, counting only the questions the current answers show. The counter a person sees counts the
 * required ones (`required - missing` of `required`): optional figures left blank must not read as work left undone.
 */
export function progressOf(
	questionnaire: Questionnaire,
	answers: Answers,
	options: StepOptions = {}
): StepProgress[] {
	const visible = visibleQuestionIds(questionnaire, answers);
	return stepsOf(questionnaire, options).map((step) => {
		const shown = step.questions.filter((question) => visible.has(question.id));
		const required = shown.filter((question) => question.required);
		const missing = required.filter((question) => answers[question.id] === undefined);
		return {
			id: step.id,
			shown: shown.length,
			required: required.length,
			missing: missing.length
		};
	});
}
