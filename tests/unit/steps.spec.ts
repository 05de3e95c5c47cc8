import { describe, expect, it } from 'vitest';
import { progressOf } from '$lib/questionnaire/steps';
import { miniCatalogue } from '../fixtures/catalogue';

/*
 * The progress counter a person sees counts required questions only: an optional field left blank (the company
 * name of the mini questionnaire) must not read as work left undone.
 */

const questionnaire = miniCatalogue().questionnaires.get('mini')!;
const byId = (answers: Record<string, unknown>) =>
	new Map(progressOf(questionnaire, answers as never).map((step) => [step.id, step]));

describe('progressOf', () => {
	it('counts the shown required questions of each step, leaving optional ones out', () => {
		const profile = byId({}).get('profile')!;
		// Six questions shown, the company name optional: five are required, all still missing.
		expect(profile).toMatchObject({ shown: 6, required: 5, missing: 5 });
	});

	it('counts an answered required question as done and an optional one not at all', () => {
		const profile = byId({ company: 'Örnek', sector: 'C' }).get('profile')!;
		expect(profile).toMatchObject({ required: 5, missing: 4 });
	});

	it('counts a question only while the answers show it', () => {
		expect(byId({ exports_eu: false }).get('t2')).toMatchObject({ shown: 1, required: 1 });
		expect(byId({ exports_eu: true }).get('t2')).toMatchObject({ shown: 2, required: 2 });
	});

	it('gives the review step nothing to count', () => {
		expect(byId({}).get('review')).toEqual({ id: 'review', shown: 0, required: 0, missing: 0 });
	});
});
