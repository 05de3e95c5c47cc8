import { error, fail, redirect } from '@sveltejs/kit';
import { fromFormFields, missingRequired } from '$lib/questionnaire/answers';
import { createTranslator } from '$lib/i18n';
import { localize } from '$lib/questionnaire/localize';
import { bandsUsed } from '$lib/carbon/answers';
import { bandNotes } from '$lib/presenters/band-notes';
import { stepHeading, stepsOf } from '$lib/questionnaire/steps';
import { viewStepQuestions } from '$lib/questionnaire/view';
import { stepRuleInputs, visibleQuestionIds } from '$lib/questionnaire/visibility';
import * as actionPlan from '$lib/server/assessment/action-plan';
import * as assessmentService from '$lib/server/assessment/assessment-service';
import * as symbiosis from '$lib/server/assessment/symbiosis';
import { symbiosisStep, saveSymbiosisStep } from './symbiosis-step.server';
import { describeIssues } from '$lib/server/assessment/messages';
import { answerWarnings } from '$lib/server/assessment/warnings';
import { warningKey } from '$lib/questionnaire/warning-key';
import type { Question } from '$lib/questionnaire/schema';
import { readForm } from '$lib/server/http/form';

/** The assessment and the step in the URL; loads share the request's copy, actions read afresh. */
async function openStep(token: string, stepId: string, locals?: App.Locals) {
	const opened = locals
		? await assessmentService.openForRequest(locals, token)
		: await assessmentService.open(token);
	if (!opened) error(404, 'Not Found');
	const steps = stepsOf(opened.questionnaire, symbiosis.stepOptions());
	const index = steps.findIndex((step) => step.id === stepId && step.kind !== 'review');
	if (index === -1) error(404, 'Not Found');
	return { opened, steps, index, step: steps[index] };
}

export const load = async ({ params, locals, url }) => {
	const { opened, steps, index, step } = await openStep(params.token, params.step, locals);
	// A submitted assessment's listing stays editable: its results page links back to this step.
	if (opened.assessment.status === 'submitted' && step.kind !== 'symbiosis')
		redirect(303, `/assessment/${params.token}/results`);
	const { questionnaire, assessment } = opened;
	const heading = stepHeading(questionnaire, step);
	return {
		step: {
			id: step.id,
			title:
				step.kind === 'symbiosis'
					? (await createTranslator(locals.locale))('symbiosis.step_title')
					: localize(heading?.title, locals.locale),
			description: localize(heading?.description, locals.locale),
			previous: steps[index - 1]?.id ?? null,
			next: steps[index + 1].id
		},
		/** The step's questions in the page's language, with their show-if rules for the browser. */
		questions: viewStepQuestions(step.questions, locals.locale),
		/**
		 * The saved answers the page reads (this step's fill the form; the earlier ones its rules read decide what
		 * it shows), and which of those earlier questions are shown: `visibleBefore`.
		 */
		...stepRuleInputs(
			step.questions,
			assessment.answers,
			visibleQuestionIds(questionnaire, assessment.answers)
		),
		/** Coming from the review's list, required questions still unanswered are marked next to the field. */
		missing: url.searchParams.has('missing')
			? missingRequired(questionnaire, assessment.answers).filter((id) =>
					step.questions.some((question) => question.id === id)
				)
			: [],
		savedAt: assessment.updatedAt,
		/** On a re-assessment's first step, the action plan it carried over, with what was marked done. */
		carriedPlan:
			index === 0 && assessment.previousId
				? (await actionPlan.planView(opened, locals.locale)).actions
				: [],
		/** On the energy step: the profile bands the intensities use, so head count is not asked twice. */
		bandNotes:
			step.kind === 'energy'
				? bandNotes(
						bandsUsed(questionnaire, assessment.answers),
						await createTranslator(locals.locale),
						locals.locale
					)
				: [],
		/** Figures of this step that look wrong for the firm (saved as typed), each shown beside its field. */
		warnings: await answerWarnings(questionnaire, assessment.answers, locals.locale, {
			only: step.questions.map((question) => question.id)
		}),
		/** On the symbiosis step: the stored listing as the form's rows and the choices it offers; null elsewhere. */
		symbiosis: step.kind === 'symbiosis' ? await symbiosisStep(opened, locals.locale) : null
	};
};

/** The text of the step's number fields as typed, for the warnings that read it ("12.000" on the English page). */
function typedNumbers(questions: Question[], form: FormData): Record<string, string> {
	return Object.fromEntries(
		questions
			.filter((question) => question.type === 'number')
			.map((question) => [question.id, form.get(question.id)])
			.filter((entry): entry is [string, string] => typeof entry[1] === 'string')
	);
}

export const actions = {
	/**
	 * Saves the step and moves on (or back). Without JavaScript, a "next" that reveals new questions on this step
	 * comes back here so they can be answered: the server applies the same show-if rules as the browser.
	 */
	save: async ({ params, request, locals }) => {
		const { opened, steps, index, step } = await openStep(params.token, params.step);
		const form = await readForm(request);
		const intent = form.get('intent');
		const visibleBefore = visibleQuestionIds(opened.questionnaire, opened.assessment.answers);
		const outcome = await assessmentService.saveAnswers(
			opened,
			fromFormFields(step.questions, form, locals.locale)
		);
		if (!outcome.ok && outcome.reason === 'submitted') {
			redirect(303, `/assessment/${params.token}/results`);
		}
		if (!outcome.ok) {
			const values = Object.fromEntries(
				step.questions.map((question) => [question.id, form.getAll(question.id).map(String)])
			);
			return fail(400, { values, errors: await describeIssues(outcome.issues, locals.locale) });
		}
		if (intent === 'back' && index > 0)
			redirect(303, `/assessment/${params.token}/${steps[index - 1].id}`);
		const warnings = await answerWarnings(opened.questionnaire, outcome.answers, locals.locale, {
			typed: typedNumbers(step.questions, form),
			only: step.questions.map((question) => question.id)
		});
		// A warning the page has not shown yet keeps the firm here to look at it; saving again moves on.
		const seen = new Set(form.getAll('seen_warning').map(String));
		if (warnings.some((warning) => !seen.has(warningKey(warning))))
			return { saved: true, warnings };
		const visibleAfter = visibleQuestionIds(opened.questionnaire, outcome.answers);
		const revealed = step.questions.find(
			(question) =>
				visibleAfter.has(question.id) &&
				!visibleBefore.has(question.id) &&
				outcome.answers[question.id] === undefined
		);
		if (revealed) redirect(303, `/assessment/${params.token}/${step.id}?more=1#q-${revealed.id}`);
		redirect(303, `/assessment/${params.token}/${steps[index + 1].id}`);
	},

	/**
	 * Saves the symbiosis listing and moves on (or back; to the results once submitted). Its "add" and "remove"
	 * buttons re-render the rows without saving, so the form works without JavaScript.
	 */
	symbiosis: async ({ params, request, locals }) => {
		const { opened, steps, index, step } = await openStep(params.token, params.step);
		if (step.kind !== 'symbiosis') error(404, 'Not Found');
		const outcome = await saveSymbiosisStep(opened, await readForm(request), locals.locale);
		if (outcome.kind === 'form')
			return outcome.status === 400 ? fail(400, outcome.data) : outcome.data;
		const target =
			opened.assessment.status === 'submitted'
				? 'results#symbiosis'
				: steps[outcome.direction === 'back' ? index - 1 : index + 1].id;
		redirect(303, `/assessment/${params.token}/${target}`);
	}
};
