import { describe, expect, it } from 'vitest';
import { createTranslator } from '$lib/i18n';
import { presentNeeds } from '$lib/presenters/chamber-needs';
import { ownFigures } from '$lib/server/aggregates/own-figures';
import type { Firm, NeedFigures } from '$lib/server/aggregates/types';
import type { ChamberDashboard } from '$lib/server/chamber/chamber-dashboard';
import { statisticsFirm } from '../fixtures/statistics-firm';

const options = { minGroupSize: 5, levels: ['aware'], themes: [] };

const firm = statisticsFirm;

const many = (count: number, overrides: Partial<Firm> = {}) =>
	Array.from({ length: count }, () => firm(overrides));

const needs = (firms: Firm[], filters = {}) => ownFigures(firms, filters, options).needs;

describe('needs counts', () => {
	it('shows a need of five firms and not one of four', () => {
		expect(
			needs([...many(5, { priorities: ['rec_a'] }), ...many(5, { priorities: ['rec_b'] })])
				.priorities
		).toEqual([
			{ recommendation: 'rec_a', firms: 5 },
			{ recommendation: 'rec_b', firms: 5 }
		]);
		expect(
			needs([...many(4, { priorities: ['rec_a'] }), ...many(6, { priorities: ['rec_b'] })])
				.priorities
		).toEqual([]);
	});

	it('shows nothing for a view that is withheld', () => {
		expect(needs(many(4, { priorities: ['rec_a'] }))).toEqual({
			priorities: [],
			cbam: { exposed: null, withoutData: null, estimateOnly: null },
			planned: []
		});
	});

	it('withholds a need whose count in a filter cell differs from the whole by fewer than the minimum', () => {
		const firms = [
			...many(5, { sector: 'C', priorities: ['rec_a'] }),
			...many(1, { sector: 'F', priorities: ['rec_a'] }),
			...many(5, { sector: 'F' }),
			...many(5, { sector: 'C' })
		];
		// Six firms need it and ten do not, but sector C's five would give away the one firm in F.
		expect(needs(firms).priorities).toEqual([]);
		expect(needs(firms, { sector: 'C' }).priorities).toEqual([]);
	});

	it('counts planned actions, and those done only where they are not too few', () => {
		const planned = new Map([['rec_a', 'in_progress' as const]]);
		const done = new Map([['rec_a', 'done' as const]]);
		expect(needs([...many(5, { plan: planned }), ...many(5, { plan: done })]).planned).toEqual([
			{ recommendation: 'rec_a', firms: 10, done: 5 }
		]);
		expect(needs([...many(7, { plan: planned }), ...many(3, { plan: done })]).planned).toEqual([
			{ recommendation: 'rec_a', firms: 10, done: null }
		]);
	});

	it('counts firms in or likely in CBAM scope, and those of them without verified data', () => {
		const firms = [
			...many(5, { cbam: 'in_scope', cbamReadiness: 'none' }),
			...many(5, { cbam: 'likely', cbamReadiness: 'estimate' }),
			...many(5, { cbam: 'none' })
		];
		expect(needs(firms).cbam).toEqual({ exposed: 10, withoutData: 5, estimateOnly: 5 });
	});
});

function dashboard(figures: NeedFigures): ChamberDashboard {
	return {
		statistics: { needs: figures },
		labels: { recommendations: { rec_a: 'Enerji etüdü yaptırın', rec_b: 'Atıkları ayırın' } },
		minGroupSize: 5
	} as unknown as ChamberDashboard;
}

describe('the needs presenter', () => {
	const figures: NeedFigures = {
		priorities: [
			{ recommendation: 'rec_a', firms: 1234 },
			{ recommendation: 'rec_b', firms: 12 }
		],
		cbam: { exposed: 9, withoutData: 6, estimateOnly: null },
		planned: [{ recommendation: 'rec_b', firms: 7, done: null }]
	};

	it('words counts in the reader’s language and names no one for a viewer', async () => {
		const view = presentNeeds(dashboard(figures), await createTranslator('tr'), 'tr');
		expect(view.priorities.items.map((item) => `${item.count}: ${item.title}`)).toEqual([
			'1.234 firma: Enerji etüdü yaptırın',
			'12 firma: Atıkları ayırın'
		]);
		expect(view.priorities.items.every((item) => item.named === null)).toBe(true);
		expect(view.namesNote).toBeNull();
		expect(view.cbam.sentences).toEqual([
			'9 firma SKDM kapsamında ya da büyük olasılıkla kapsamda.',
			'Bunlardan 6 tanesinin emisyon verisi yok.'
		]);
		expect(view.planned.table.rows).toEqual([['Atıkları ayırın', 7, null]]);
		expect(view.commonest).toEqual([
			'1.234 firma: Enerji etüdü yaptırın',
			'12 firma: Atıkları ayırın'
		]);
	});

	it('names the consenting firms for an administrator, and says when none consented', async () => {
		const t = await createTranslator('en');
		const view = presentNeeds(dashboard(figures), t, 'en', {
			priority: { rec_a: { names: ['Alfa Tekstil', ''], more: 3 } },
			planned: {}
		});
		expect(view.priorities.items[0].named).toEqual({
			summary: 'Show the consenting firms (5)',
			names: ['Alfa Tekstil', 'Company name not given'],
			none: null,
			more: 'and 3 more (all are in the list of consenting firms)'
		});
		expect(view.priorities.items[1].named?.none).toBe('None of these firms shared its identity.');
		expect(view.planned.items[0].detail).toBe('how many have done it is withheld');
	});
});
