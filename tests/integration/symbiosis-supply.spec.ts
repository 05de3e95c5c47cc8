import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { chamberStatistics } from '$lib/server/aggregates';
import * as chambers from '$lib/server/db/chambers';
import type { Db } from '$lib/server/db/connect';
import * as symbiosis from '$lib/server/db/symbiosis';
import type { SymbiosisListing } from '$lib/symbiosis/listing';
import { testDatabases } from '../fixtures/databases';
import { LEVELS, insertSubmitted, type SubmittedFixture } from '../fixtures/submitted';

// The services use the process-wide database; point it at each real database in turn.
let current: Db;
vi.mock('$lib/server/db', () => ({ db: () => current }));
const { setSupplyDemandSharing, supplyDemandOf, supplyDemandSharing } =
	await import('$lib/server/chamber/supply-demand');

type Firm = Omit<SubmittedFixture, 'chamberId' | 'submittedAt'> & { listing?: SymbiosisListing };

const NOTHING: SymbiosisListing = { offers: [], needs: [], consentIntroduce: false };

/** A listing offering and needing these categories, a tonne a year each. */
function listing(
	offers: string[],
	needs: string[] = [],
	consentIntroduce = false
): SymbiosisListing {
	const item = (category: string) => ({ category, quantityPerYear: 1, unit: 't' as const });
	return { offers: offers.map(item), needs: needs.map(item), consentIntroduce };
}

/** `count` firms of sector C in Tekirdağ, alike but for `firm`. */
function firms(count: number, firm: Partial<Firm> = {}): Firm[] {
	return Array.from({ length: count }, () => ({
		sector: 'C',
		sizeClass: 'small',
		province: '59',
		overall: 50,
		...firm
	}));
}

let seconds = 0;

/** A chamber in `province` whose firms submitted and listed what they list. */
async function chamberWith(slug: string, province: string, members: Firm[]) {
	const chamber = await chambers.create(current, { slug, name: slug, province });
	for (const { listing: listed, ...firm } of members) {
		seconds += 1;
		const submittedAt = new Date(Date.UTC(2026, 2, 2, 10, 0, seconds)).toISOString();
		const id = await insertSubmitted(current, { ...firm, chamberId: chamber.id, submittedAt });
		await symbiosis.replace(current, id, listed ?? NOTHING);
	}
	return chamber;
}

const options = { minGroupSize: 5, levels: LEVELS, themes: [], compareAllChambers: false };

describe.each(testDatabases())('symbiosis supply and demand on $name', (target) => {
	beforeAll(async () => {
		current = await target.open();
	});
	afterAll(() => target.close());

	it('counts five firms and withholds four, a non-consenting listing counting like any', async () => {
		const chamber = await chamberWith('supply-counts', '59', [
			...firms(3, { listing: listing(['wood'], [], true) }),
			// Two firms that did not agree to be introduced: counted all the same.
			...firms(2, { listing: listing(['wood']) }),
			...firms(4, { listing: listing([], ['metal'], true) }),
			...firms(6)
		]);
		const rows = await supplyDemandOf(chamber);
		expect(rows.find((row) => row.category === 'wood')).toEqual({
			category: 'wood',
			offers: 5,
			needs: null
		});
		// Four firms need metal: withheld, and every need not shown on its own reads the same.
		expect(rows.find((row) => row.category === 'metal')).toEqual({
			category: 'metal',
			offers: 0,
			needs: null
		});
		// The dashboard's statistics carry the same rows (the API's aggregates too).
		const statistics = await chamberStatistics(
			current,
			chamber.id,
			{},
			{
				...options,
				symbiosisCategories: rows.map((row) => row.category)
			}
		);
		expect(statistics.supplyDemand).toEqual(rows);
	});

	it("counts a filter's view from the chamber-wide decision", async () => {
		const chamber = await chamberWith('supply-filters', '59', [
			...firms(5, { sector: 'C', listing: listing(['wood']) }),
			...firms(5, { sector: 'C' }),
			...firms(5, { sector: 'F', listing: listing(['wood'], ['waste_heat']) }),
			...firms(5, { sector: 'F' })
		]);
		const wood = async (sector?: string) =>
			(await supplyDemandOf(chamber, sector ? { sector } : {})).find(
				(row) => row.category === 'wood'
			);
		expect(await wood()).toEqual({ category: 'wood', offers: 10, needs: 0 });
		expect(await wood('C')).toEqual({ category: 'wood', offers: 5, needs: 0 });
		expect((await supplyDemandOf(chamber, { sector: 'C' })).map((row) => row.category)).toEqual([
			'wood'
		]);
		expect(
			(await supplyDemandOf(chamber, { sector: 'F' })).find((row) => row.category === 'waste_heat')
		).toEqual({ category: 'waste_heat', offers: 0, needs: 5 });
	});

	it('shows the region only to a sharing chamber, and never another region', async () => {
		// Kocaeli and Sakarya: the East Marmara agency's region (TR42); Bursa is in TR41.
		const kocaeli = await chamberWith('supply-kocaeli', '41', [
			...firms(5, { listing: listing(['wood']) }),
			...firms(5)
		]);
		const sakarya = await chamberWith('supply-sakarya', '54', [
			...firms(6, { listing: listing(['wood'], ['metal']) }),
			...firms(5)
		]);
		const bursa = await chamberWith('supply-bursa', '16', [
			...firms(7, { listing: listing(['wood']) }),
			...firms(5)
		]);
		await setSupplyDemandSharing('user-1', bursa, true);
		const wood = (sharing: Awaited<ReturnType<typeof supplyDemandSharing>>) =>
			sharing?.regional?.rows.find((row) => row.category === 'wood');

		// Not sharing: no regional figure at all.
		expect(await supplyDemandSharing(kocaeli, 'tr')).toEqual({
			region: 'Doğu Marmara Kalkınma Ajansı',
			shares: false,
			regional: null
		});

		await setSupplyDemandSharing('user-1', kocaeli, true);
		// Sharing alone in its region: its own counts; Bursa, sharing in another region, never counts.
		const alone = await supplyDemandSharing(kocaeli, 'tr');
		expect(alone?.regional?.chambers).toBe(1);
		expect(wood(alone)).toEqual({ category: 'wood', offers: 5, needs: 0 });
		// Sakarya does not share, so it sees nothing of Kocaeli's.
		expect((await supplyDemandSharing(sakarya, 'tr'))?.regional).toBeNull();

		await setSupplyDemandSharing('user-2', sakarya, true);
		const both = await supplyDemandSharing(kocaeli, 'tr');
		expect(both?.regional?.chambers).toBe(2);
		expect(wood(both)).toEqual({ category: 'wood', offers: 11, needs: 0 });
		expect(both?.regional?.rows.find((row) => row.category === 'metal')).toEqual({
			category: 'metal',
			offers: 0,
			needs: 6
		});

		// Stopping: the chamber sees no regional figure, and the others no longer count it.
		await setSupplyDemandSharing('user-1', kocaeli, false);
		expect((await supplyDemandSharing(kocaeli, 'tr'))?.regional).toBeNull();
		expect(wood(await supplyDemandSharing(sakarya, 'tr'))?.offers).toBe(6);
		const audited = await current
			.selectFrom('audit_log')
			.select(['action', 'target'])
			.where('target', '=', kocaeli.id)
			.orderBy('at')
			.execute();
		expect(audited.map((entry) => entry.action)).toEqual([
			'chamber.supply_demand_shared',
			'chamber.supply_demand_unshared'
		]);
	});

	it("withholds a regional sum when another chamber's part is small", async () => {
		const manisa = await chamberWith('supply-manisa', '45', [
			...firms(5, { listing: listing(['glass']) }),
			...firms(5)
		]);
		const usak = await chamberWith('supply-usak', '64', [
			...firms(3, { listing: listing(['glass']) }),
			...firms(7)
		]);
		await setSupplyDemandSharing('user-1', manisa, true);
		await setSupplyDemandSharing('user-2', usak, true);
		const sharing = await supplyDemandSharing(manisa, 'en');
		expect(sharing?.region).toBe('Zafer Development Agency');
		expect(sharing?.regional?.rows.find((row) => row.category === 'glass')?.offers).toBeNull();
	});
});
