import { describe, expect, it } from 'vitest';
import * as devalue from 'devalue';
import { transport } from '../../src/hooks';
import { parseCatalogue } from '$lib/content/load';
import { stepsOf } from '$lib/questionnaire/steps';
import { viewQuestion, viewStepQuestions } from '$lib/questionnaire/view';
import { addVisible, stepRuleInputs, visibleQuestionIds } from '$lib/questionnaire/visibility';
import { randomAnswers, seededRandom } from '../fixtures/answers';
import { readFolder } from '../fixtures/catalogue';

// Against the real questionnaire: a step page gets only part of the answers, and must still show what the server
// would show, as the firm changes its answers on the step.
const questionnaire = parseCatalogue(readFolder('questionnaires')).questionnaires.get(
	'green-deal-readiness'
)!;
const steps = stepsOf(questionnaire).filter((step) => step.questions.length > 0);

describe("a step page's show-if inputs", () => {
	it('give the browser the same shown questions as the whole answers give the server', () => {
		for (let seed = 1; seed <= 40; seed++) {
			const answers = randomAnswers(questionnaire, seededRandom(seed));
			const visible = visibleQuestionIds(questionnaire, answers);
			for (const step of steps) {
				const inputs = stepRuleInputs(step.questions, answers, visible);
				const inBrowser = addVisible(step.questions, inputs.answers, new Set(inputs.visibleBefore));
				const onServer = step.questions.filter((question) => visible.has(question.id));
				expect(step.questions.filter((question) => inBrowser.has(question.id))).toEqual(onServer);
			}
		}
	});

	it("leave out the answers of other steps that the step's rules do not read", () => {
		const answers = randomAnswers(questionnaire, seededRandom(3));
		const resource = steps.find((step) => step.id === 'resource')!;
		const inputs = stepRuleInputs(
			resource.questions,
			answers,
			visibleQuestionIds(questionnaire, answers)
		);
		expect(answers.company_name).toBeDefined();
		expect(inputs.answers.company_name).toBeUndefined();
		for (const question of resource.questions)
			expect(inputs.answers[question.id]).toEqual(answers[question.id]);
		expect(Object.keys(inputs.answers).length).toBeLessThan(Object.keys(answers).length / 2);
	});
});

describe('question views', () => {
	const scored = questionnaire.themes[0].questions.find((question) => question.type === 'single')!;

	it("give the API's clients each option's score, and a step's form none", () => {
		const api = viewQuestion(scored, 'tr');
		const form = viewQuestion(scored, 'tr', 'form');
		expect(api.options!.every((option) => typeof option.score === 'number')).toBe(true);
		expect(form.options!.some((option) => 'score' in option)).toBe(false);
		expect(form.options!.map((option) => option.label)).toEqual(
			api.options!.map((option) => option.label)
		);
	});
});

describe("a step's questions on their way to the browser", () => {
	// As SvelteKit sends page data on a navigation (devalue with the app's transport) and reads it in the browser.
	const send = (data: unknown) =>
		devalue.parse(devalue.stringify(data, { Prepared: transport.Prepared.encode }), {
			Prepared: transport.Prepared.decode
		});

	it('arrive as the server made them, in each language, beside the rest of the data', () => {
		for (const step of steps) {
			for (const locale of ['tr', 'en'] as const) {
				const questions = viewStepQuestions(step.questions, locale);
				expect(send({ questions, savedAt: null })).toEqual({ questions, savedAt: null });
			}
		}
	});

	it('are made once per step and language, and other data is serialised as it is', () => {
		const resource = steps.find((step) => step.id === 'resource')!;
		const questions = viewStepQuestions(resource.questions, 'en');
		expect(viewStepQuestions(resource.questions, 'en')).toBe(questions);
		expect(viewStepQuestions(resource.questions, 'tr')).not.toBe(questions);
		expect(transport.Prepared.encode(questions)).toBe(JSON.stringify(questions));
		expect(transport.Prepared.encode([...questions])).toBeFalsy();
	});
});
