import { describe, expect, it } from 'vitest';
import {
	checkAnswers,
	fromFormFields,
	mergeAnswers,
	missingRequired
} from '$lib/questionnaire/answers';
import type { Question } from '$lib/questionnaire/schema';
import { miniCatalogue } from '../fixtures/catalogue';

const mini = miniCatalogue().questionnaires.get('mini')!;

describe('checkAnswers', () => {
	it('accepts valid answers of every type', () => {
		const { changes, issues } = checkAnswers(mini, {
			company: '  Öz Çağ Metal A.Ş.  ',
			sector: 'C',
			exports_eu: true,
			q1: 'mid',
			q3: 'na',
			q4: ['a', 'c', 'a']
		});
		expect(issues).toEqual([]);
		expect(changes).toEqual({
			company: 'Öz Çağ Metal A.Ş.',
			sector: 'C',
			exports_eu: true,
			q1: 'mid',
			q3: 'na',
			q4: ['a', 'c']
		});
	});

	it.each([
		[{ q9: 'top' }, { question: 'q9', code: 'unknown_question' }],
		[{ q1: 'huge' }, { question: 'q1', code: 'invalid_option' }],
		[{ q1: 'na' }, { question: 'q1', code: 'invalid_option' }],
		[{ q2: 'yes' }, { question: 'q2', code: 'invalid_option' }],
		[{ q3: 5 }, { question: 'q3', code: 'invalid_option' }],
		[{ q3: 2.5 }, { question: 'q3', code: 'invalid_option' }],
		[{ q4: ['a', 'none'] }, { question: 'q4', code: 'exclusive' }],
		[{ q4: 'a' }, { question: 'q4', code: 'invalid_option' }],
		[{ company: 42 }, { question: 'company', code: 'invalid' }],
		[{ company: 'x'.repeat(201) }, { question: 'company', code: 'too_long', values: { max: 200 } }]
	])('refuses %o', (input, issue) => {
		const { changes, issues } = checkAnswers(mini, input);
		expect(issues).toEqual([issue]);
		expect(changes).toEqual({});
	});

	it('clears an answer given as null or as empty text', () => {
		expect(checkAnswers(mini, { q1: null, company: '   ' }).changes).toEqual({
			q1: undefined,
			company: undefined
		});
	});
});

describe('number answers', () => {
	const energy: Question = {
		id: 'electricity',
		type: 'number',
		text: { tr: 'Elektrik', en: 'Electricity' },
		required: false,
		allowNA: false,
		weight: 1,
		min: 0,
		max: 1e9,
		integer: false
	};
	const questionnaire = {
		...mini,
		profile: { ...mini.profile, questions: [...mini.profile.questions, energy] }
	};

	it.each([
		[-1, { code: 'too_small', values: { min: 0 } }],
		[2e9, { code: 'too_large', values: { max: 1e9 } }],
		[NaN, { code: 'not_a_number' }],
		[Infinity, { code: 'not_a_number' }],
		['12', { code: 'not_a_number' }]
	])('refuses %s', (value, issue) => {
		expect(checkAnswers(questionnaire, { electricity: value }).issues).toEqual([
			{ question: 'electricity', ...issue }
		]);
	});
});

describe('fromFormFields', () => {
	it('types each field by its question', () => {
		const form = new FormData();
		form.append('q1', 'top');
		form.append('q2', 'false');
		form.append('q3', '3');
		form.append('q4', 'a');
		form.append('q4', 'b');
		const questions = mini.themes.flatMap((theme) => theme.questions);
		expect(fromFormFields(questions, form, 'tr')).toEqual({
			q1: 'top',
			q2: false,
			q3: 3,
			q4: ['a', 'b'],
			q5: undefined
		});
	});
});

describe('missingRequired', () => {
	it('lists shown, required, unanswered questions in asking order', () => {
		const answers = mergeAnswers({ sector: 'C', exports_eu: true, q1: 'low' }, { q1: undefined });
		expect(missingRequired(mini, answers)).toEqual([
			'employees',
			'turnover',
			'province',
			'q1',
			'q2',
			'q3',
			'q4',
			'q5'
		]);
	});

	it('does not ask for a question its condition hides', () => {
		expect(missingRequired(mini, { exports_eu: false })).not.toContain('q5');
	});
});
