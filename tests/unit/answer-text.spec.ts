import { describe, expect, it } from 'vitest';
import { answerText } from '$lib/questionnaire/answer-text';
import { allQuestions } from '$lib/questionnaire/visibility';
import { question as questionSchema } from '$lib/questionnaire/schema';
import { miniCatalogue } from '../fixtures/catalogue';

const catalogue = miniCatalogue();
const mini = catalogue.questionnaires.get('mini')!;
const byId = new Map(allQuestions(mini).map((question) => [question.id, question]));
const words = { yes: 'Evet', no: 'Hayır', notApplicable: 'Uygulanamaz' };
const context = { locale: 'tr' as const, words, provinces: catalogue.provinces };

describe('answers as a reader sees them', () => {
	it.each([
		['q1', 'top', 'Çok'],
		['q2', false, 'Hayır'],
		['q3', 3, '3 / 4'],
		['q3', 'na', 'Uygulanamaz'],
		['q4', ['a', 'c'], 'A; C'],
		['company', '<b>İçel "Kağıt" & Co</b>', '<b>İçel "Kağıt" & Co</b>']
	])('%s answered %j reads %j', (id, answer, text) => {
		expect(answerText(byId.get(id)!, answer, context)).toBe(text);
	});

	it('names the province, not its plate code', () => {
		const province = catalogue.provinces[0];
		expect(answerText(byId.get('province')!, province.code, context)).toBe(province.name);
	});

	it('writes numbers the locale’s way, with their unit', () => {
		const electricity = questionSchema.parse({
			id: 'electricity',
			type: 'number',
			text: { tr: 'Elektrik', en: 'Electricity' },
			unit: { tr: 'kWh/yıl', en: 'kWh/year' },
			max: 1e9
		});
		expect(answerText(electricity, 1234567.5, context)).toBe('1.234.567,5 kWh/yıl');
		expect(answerText(electricity, 1234567.5, { ...context, locale: 'en' })).toBe(
			'1,234,567.5 kWh/year'
		);
	});

	it('has nothing to say for a missing answer', () => {
		expect(answerText(byId.get('q1')!, undefined, context)).toBeUndefined();
		expect(answerText(byId.get('company')!, '', context)).toBeUndefined();
	});
});
