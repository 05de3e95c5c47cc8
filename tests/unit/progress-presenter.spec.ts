import { beforeAll, describe, expect, it } from 'vitest';
import { createTranslator, type Translate } from '$lib/i18n';
import { presentProgress, presentTrends, progressSentences } from '$lib/presenters/progress';
import type { CampaignProgress, ProgressFigures } from '$lib/server/aggregates';

let en: Translate;
let tr: Translate;
beforeAll(async () => {
	[en, tr] = await Promise.all([createTranslator('en'), createTranslator('tr')]);
});

const figures = (overrides: Partial<ProgressFigures> = {}): ProgressFigures => ({
	started: 48,
	submitted: 42,
	target: 120,
	completionRate: 87.5,
	progress: 35,
	needed: null,
	withheld: null,
	...overrides
});

describe('progress in words', () => {
	it('says submitted of started and the share of the target', () => {
		expect(progressSentences(figures(), en, 'en')).toEqual([
			'42 firms have submitted, of 48 that started (87.5 % completed).',
			'Target: 120 firms; 35 % reached.'
		]);
		expect(progressSentences(figures(), tr, 'tr')).toEqual([
			'Başlayan 48 firmadan 42 firma gönderdi (tamamlanma: %87,5).',
			'Hedef: 120 firma; ulaşılan: %35.'
		]);
	});

	it('says how many more firms are needed instead of a withheld count', () => {
		const small = figures({ submitted: null, started: null, progress: null, needed: 3 });
		expect(progressSentences(small, en, 'en')).toEqual([
			'Target: 120 firms.',
			'3 more firms needed before figures can be shown.'
		]);
		expect(progressSentences({ ...small, needed: 1, target: null }, en, 'en')).toEqual([
			'No target set.',
			'1 more firm needed before figures can be shown.'
		]);
		expect(progressSentences(small, tr, 'tr')[1]).toBe(
			'Rakamların gösterilebilmesi için 3 firma daha gerekiyor.'
		);
	});

	it('lists the campaigns with numbers, withheld figures as null and a word for no target', () => {
		const campaign = (id: string, overrides: Partial<CampaignProgress>): CampaignProgress => ({
			campaignId: id,
			...figures(),
			...overrides
		});
		const presented = presentProgress(
			{
				...figures(),
				byCampaign: [
					campaign('a', {}),
					campaign('b', { submitted: null, started: null, target: null, needed: 2 })
				]
			},
			[
				{ id: 'a', name: 'Bahar 2027' },
				{ id: 'b', name: 'Güz 2027' }
			],
			en,
			'en'
		);
		expect(presented.table.rows).toEqual([
			['Bahar 2027', 48, 42, 87.5, 120, 35],
			['Güz 2027', null, null, 87.5, 'no target', 'no target']
		]);
		expect(presented.needed).toEqual([
			'Güz 2027: 2 more firms needed before its figures can be shown.'
		]);
	});
});

describe('trends in words', () => {
	it('names months in the locale, merges the withheld ones and draws no empty chart', () => {
		const presented = presentTrends(
			{
				months: [
					{ month: '2026-03', firms: 12, overallMean: 51.2, reassessed: 5, meanChange: 4.4 }
				],
				withheld: { firms: 6, overallMean: 40 },
				changeShown: true
			},
			tr,
			'tr'
		);
		expect(presented.table.rows).toEqual([
			['Mart 2026', 12, 51.2, 5, 4.4],
			['Diğer aylar (gizli)', 6, 40, null, null]
		]);
		expect(presented.chart).not.toBeNull();
		const empty = presentTrends({ months: [], withheld: null, changeShown: false }, en, 'en');
		expect(empty.chart).toBeNull();
		expect(empty.table.head).toHaveLength(3);
		expect(empty.notes).toContain('No month can be shown yet.');
		expect(empty.notes).toContain(
			'The score change of re-assessed firms is shown only without a filter.'
		);
	});
});
