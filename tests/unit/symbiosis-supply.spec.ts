import { describe, expect, it } from 'vitest';
import { createTranslator } from '$lib/i18n';
import { presentSupplyDemand } from '$lib/presenters/chamber-symbiosis';
import { disclose, ownFigures } from '$lib/server/aggregates/own-figures';
import { discloseSupplyDemand, regionalSupplyDemand } from '$lib/server/aggregates/symbiosis';
import type { Firm } from '$lib/server/aggregates/types';
import type { ChamberDashboard } from '$lib/server/chamber/chamber-dashboard';
import { statisticsFirm } from '../fixtures/statistics-firm';

const CATEGORIES = ['wood', 'metal', 'waste_heat'];
const options = { minGroupSize: 5, levels: ['aware'], themes: [], symbiosisCategories: CATEGORIES };

const firm = (overrides: Partial<Firm>, offer: string[], need: string[]) =>
	statisticsFirm({ symbiosis: { offer: new Set(offer), need: new Set(need) }, ...overrides });

const many = (count: number, offer: string[] = [], need: string[] = [], overrides = {}) =>
	Array.from({ length: count }, () => firm(overrides, offer, need));

const table = (firms: Firm[], filters = {}) => ownFigures(firms, filters, options).supplyDemand;

describe('supply–demand counts', () => {
	it('shows a count of five firms and withholds one of four, with the zeros of that side', () => {
		expect(table([...many(5, ['wood'], ['metal']), ...many(5)])).toEqual([
			{ category: 'wood', offers: 5, needs: 0 },
			{ category: 'metal', offers: 0, needs: 5 }
		]);
		// Four firms need metal: withheld, and so is every other need not shown on its own, none told apart.
		expect(table([...many(5, ['wood']), ...many(4, [], ['metal']), ...many(5)])).toEqual([
			{ category: 'wood', offers: 5, needs: null },
			{ category: 'metal', offers: 0, needs: null },
			{ category: 'waste_heat', offers: 0, needs: null }
		]);
	});

	it('withholds a count whose complement in the view is small', () => {
		// Eight of ten firms offer wood: the two others would be told apart.
		expect(table([...many(8, ['wood']), ...many(2)])[0]).toEqual({
			category: 'wood',
			offers: null,
			needs: 0
		});
	});

	it('withholds a count that differs between a shown filter cell and the whole by fewer than five', () => {
		const firms = [
			...many(5, ['wood'], [], { sector: 'C' }),
			...many(2, ['wood'], [], { sector: 'F' }),
			...many(3, [], [], { sector: 'F' }),
			...many(5, [], [], { sector: 'C' })
		];
		expect(table(firms)[0].offers).toBeNull();
		expect(table(firms, { sector: 'C' })[0].offers).toBeNull();
	});

	it('counts a filtered view from the chamber-wide decision', () => {
		const firms = [
			...many(5, ['wood'], [], { province: '59' }),
			...many(5, [], [], { province: '59' }),
			...many(5, ['wood'], [], { province: '34' }),
			...many(5, [], [], { province: '34' })
		];
		expect(table(firms)[0].offers).toBe(10);
		expect(table(firms, { province: '34' })[0].offers).toBe(5);
	});

	it('lists nothing for a withheld view or a chamber without the exchange', () => {
		expect(table(many(4, ['wood']))).toEqual([]);
		const figures = ownFigures(many(10, ['wood']), {}, { ...options, symbiosisCategories: [] });
		expect(figures.supplyDemand).toEqual([]);
	});
});

describe('regional supply–demand', () => {
	const chamber = (firms: Firm[]) => ({
		firms,
		tables: discloseSupplyDemand(firms, disclose(firms, options), 5)
	});

	it('sums counts every sharing chamber may show', () => {
		const a = chamber([...many(5, ['wood']), ...many(5)]);
		const b = chamber([...many(6, ['wood'], ['metal']), ...many(5)]);
		expect(regionalSupplyDemand([a, b], CATEGORIES)).toEqual([
			{ category: 'wood', offers: 11, needs: 0 },
			{ category: 'metal', offers: 0, needs: 6 }
		]);
	});

	it("withholds a sum when another chamber's part is one its own dashboard withholds", () => {
		// Chamber b has 3 firms offering wood: a, knowing its own 5, would read 3 off a sum of 8.
		const a = chamber([...many(5, ['wood']), ...many(5)]);
		const b = chamber([...many(3, ['wood']), ...many(7)]);
		expect(regionalSupplyDemand([a, b], CATEGORIES)).toEqual([
			{ category: 'wood', offers: null, needs: 0 },
			{ category: 'metal', offers: null, needs: 0 },
			{ category: 'waste_heat', offers: null, needs: 0 }
		]);
	});

	it("withholds a sum when the viewing chamber's own part is small, which the others could read", () => {
		const small = chamber([...many(2, ['wood']), ...many(8)]);
		const large = chamber([...many(20, ['wood']), ...many(5)]);
		expect(regionalSupplyDemand([small, large], CATEGORIES)[0].offers).toBeNull();
	});

	it('counts a chamber that lists none of a category as a part of nothing', () => {
		const a = chamber([...many(5, ['wood']), ...many(5)]);
		const b = chamber(many(3));
		expect(regionalSupplyDemand([a, b], CATEGORIES)).toEqual([
			{ category: 'wood', offers: 5, needs: 0 }
		]);
	});
});

describe('presentSupplyDemand', () => {
	function dashboard(rows: ChamberDashboard['statistics']['supplyDemand']): ChamberDashboard {
		return {
			statistics: { supplyDemand: rows },
			labels: { symbiosisCategories: { wood: 'Ahşap, talaş ve kesim artıkları', metal: 'Metal' } },
			minGroupSize: 5
		} as unknown as ChamberDashboard;
	}

	it('names categories, keeps withheld counts null and says where supply meets demand', async () => {
		const t = await createTranslator('en');
		const supply = presentSupplyDemand(
			dashboard([
				{ category: 'wood', offers: 7, needs: 5 },
				{ category: 'metal', offers: null, needs: 6 }
			]),
			t,
			'en'
		)!;
		expect(supply.table.rows).toEqual([
			['Ahşap, talaş ve kesim artıkları', 7, 5],
			['Metal', null, 6]
		]);
		expect(supply.meetings).toEqual([
			'Ahşap, talaş ve kesim artıkları: 7 firms offer it; 5 need it.'
		]);
		expect(supply.empty).toBeNull();
	});

	it('explains an empty table, and gives nothing without the exchange', async () => {
		const t = await createTranslator('tr');
		expect(presentSupplyDemand(dashboard([]), t, 'tr')!.empty).toContain('5');
		const without = {
			...dashboard([]),
			labels: { symbiosisCategories: {} }
		} as unknown as ChamberDashboard;
		expect(presentSupplyDemand(without, t, 'tr')).toBeNull();
	});
});
