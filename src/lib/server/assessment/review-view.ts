import { createTranslator } from '$lib/i18n';
import type { Locale } from '$lib/i18n/locales';
import { answerText, answerWords } from '$lib/questionnaire/answer-text';
import { localize } from '$lib/questionnaire/localize';
import { stepHeading, stepsOf } from '$lib/questionnaire/steps';
import { visibleQuestionIds } from '$lib/questionnaire/visibility';
import { catalogue } from '../content';
import type { Opened } from './assessment-service';
import { answerWarnings } from './warnings';

/** One answer on the review page: the question, the answer as the reader reads it, and any warning about it. */
export interface ReviewAnswer {
	id: string;
	question: string;
	/** Option labels, `180.000 kWh` for a figure (the same echo as beside the field); null when not answered. */
	answer: string | null;
	warning: string | null;
}

/** A step's answers, with the step's id for the link back to change one. */
export interface ReviewStep {
	id: string;
	title: string;
	answers: ReviewAnswer[];
}

/**
 * Every question the firm's answers show, grouped by step, as the review page lists them before submitting: what
 * the firm sees here is what will be scored, and each links back to where it is asked.
 */
export async function reviewSteps(opened: Opened, locale: Locale): Promise<ReviewStep[]> {
	const { questionnaire, assessment } = opened;
	const t = await createTranslator(locale);
	const visible = visibleQuestionIds(questionnaire, assessment.answers);
	const warnings = await answerWarnings(questionnaire, assessment.answers, locale);
	const context = {
		locale,
		words: answerWords(t),
		provinces: catalogue().provinces
	};
	return stepsOf(questionnaire)
		.filter((step) => step.kind !== 'review')
		.map((step) => ({
			id: step.id,
			title: localize(stepHeading(questionnaire, step)?.title, locale) ?? step.id,
			answers: step.questions
				.filter((question) => visible.has(question.id))
				.map((question) => ({
					id: question.id,
					question: localize(question.text, locale),
					answer: answerText(question, assessment.answers[question.id], context) ?? null,
					warning: warnings.find((warning) => warning.question === question.id)?.message ?? null
				}))
		}));
}
