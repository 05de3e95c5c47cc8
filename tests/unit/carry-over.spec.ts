import { describe, expect, it } from 'vitest';
import { keepValidAnswers, versionChange } from '$lib/questionnaire/carry-over';
import { miniCatalogue } from '../fixtures/catalogue';

const mini = miniCatalogue().questionnaires.get('mini')!;

describe('carrying a draft over to a new questionnaire version', () => {
	it('keeps the answers the version takes and drops those to removed questions or options', () => {
		const { answers, dropped } = keepValidAnswers(mini, {
			q1: 'mid',
			q2: true,
			q3: 'na',
			gone: 'x',
			q4: ['a', 'removed_option']
		});
		expect(answers).toEqual({ q1: 'mid', q2: true, q3: 'na' });
		expect(dropped.sort()).toEqual(['gone', 'q4']);
	});

	it('counts the questions added and removed since the earlier version', () => {
		const earlier = structuredClone(mini);
		earlier.version = '0.9.0';
		const theme = earlier.themes[0];
		theme.questions = [
			...theme.questions.filter((question) => question.id !== 'q1'),
			{ ...theme.questions[1], id: 'old_one' },
			{ ...theme.questions[1], id: 'old_two' }
		];
		expect(versionChange(earlier, mini, '0.9.0', 3)).toEqual({
			from: '0.9.0',
			to: mini.version,
			added: 1,
			removed: 2,
			dropped: 3
		});
	});

	it('without the earlier definition, says only that the version changed', () => {
		expect(versionChange(undefined, mini, '0.9.0', 0)).toMatchObject({
			added: null,
			removed: null
		});
	});
});
