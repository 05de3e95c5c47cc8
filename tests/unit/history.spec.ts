import { beforeAll, describe, expect, it } from 'vitest';
import { createTranslator, type Translate } from '$lib/i18n';
import { presentHistory } from '$lib/presenters/history';
import { newest, submitted, type ChainMember } from '$lib/server/db/reassessments';

let tr: Translate;
beforeAll(async () => {
	tr = await createTranslator('tr');
});

const member = (id: string, fields: Partial<ChainMember>): ChainMember => ({
	id,
	previousId: null,
	status: 'submitted',
	createdAt: '2026-01-01T00:00:00.000Z',
	submittedAt: '2026-01-01T00:00:00.000Z',
	overall: 50,
	level: 'developing',
	...fields
});

describe('the newest assessment of a chain', () => {
	it('is the one nothing re-assesses, even when created in the same instant', () => {
		const chain = [
			member('z-first', {}),
			member('a-draft', { previousId: 'z-first', status: 'draft', submittedAt: null })
		];
		expect(newest(chain)?.id).toBe('a-draft');
		expect(submitted(chain).map((m) => m.id)).toEqual(['z-first']);
	});

	it('is the last created branch of a chain that branched before drafts were reopened', () => {
		const chain = [
			member('root', {}),
			member('b1', { previousId: 'root', createdAt: '2026-02-01T00:00:00.000Z' }),
			member('b2', { previousId: 'root', createdAt: '2026-03-01T00:00:00.000Z' })
		];
		expect(newest(chain)?.id).toBe('b2');
		expect(newest([])).toBeUndefined();
	});
});

describe('the history as the results page words it', () => {
	it('dates each submission by the day in Türkiye and links every older one', () => {
		const shown = presentHistory(
			[
				{ submittedAt: '2026-03-11T22:30:00.000Z', overall: 42.25, level: 'aware' },
				{ submittedAt: '2026-09-01T09:00:00.000Z', overall: 61, level: 'advanced' }
			],
			[
				{ id: 'aware', name: 'Farkında' },
				{ id: 'advanced', name: 'İleri' }
			],
			'TOKEN',
			tr,
			'tr'
		);
		expect(shown.rows).toEqual([
			{
				date: '12 Mart 2026',
				score: '42,3',
				level: 'Farkında',
				href: '/assessment/TOKEN/history/1'
			},
			{ date: '1 Eylül 2026', score: '61', level: 'İleri', href: null }
		]);
		expect(shown.chart.data.datasets[0].data).toEqual([42.25, 61]);
		expect(shown.chart.data.labels).toEqual(['12 Mart 2026', '1 Eylül 2026']);
	});
});
