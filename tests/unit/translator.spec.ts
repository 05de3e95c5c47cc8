import { describe, expect, it } from 'vitest';
import { translatorOf } from '$lib/i18n/translator';

const tr = { greeting: 'Merhaba', named: 'Merhaba {{name}}', only_tr: 'Yalnız Türkçe', empty: '' };
const en = { greeting: 'Hello', named: 'Hello {{name}}', empty: '' };

describe('translatorOf', () => {
	it('gives a message without placeholders as it is written, in the asked language', async () => {
		expect((await translatorOf('en', en, tr))('greeting')).toBe('Hello');
		expect((await translatorOf('tr', tr))('greeting')).toBe('Merhaba');
		expect((await translatorOf('en', en, tr))('empty')).toBe('');
	});

	it('fills placeholders from the values, and leaves a message with placeholders to i18next', async () => {
		const t = await translatorOf('en', en, tr);
		expect(t('named', { name: 'Ayşe' })).toBe('Hello Ayşe');
		expect(t('greeting', { name: 'Ayşe' })).toBe('Hello');
	});

	it('falls back to Turkish for a key the language lacks, and to the key when no language has it', async () => {
		const t = await translatorOf('en', en, tr);
		expect(t('only_tr')).toBe('Yalnız Türkçe');
		expect(t('nowhere.key')).toBe('nowhere.key');
	});
});
