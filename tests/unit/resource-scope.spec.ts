import { describe, expect, it } from 'vitest';
import { cardResources, forFirm, reachFor } from '$lib/questionnaire/resource-scope';
import type { Region, Resource } from '$lib/questionnaire/schema';
import { loadCatalogue } from '$lib/server/content';

const TODAY = '2026-11-26';

const regions: Region[] = [
	{ code: 'TR21', name: { tr: 'Trakya KA', en: 'Thrace DA' }, provinces: ['59', '22', '39'] },
	{ code: 'TRA1', name: { tr: 'KUDAKA', en: 'KUDAKA' }, provinces: ['25', '24', '69'] }
];

/** A resource with only what matching reads; the rest is filler. */
function resource(id: string, fields: Partial<Resource> = {}): Resource {
	return {
		id,
		title: { tr: id, en: id },
		description: { tr: id, en: id },
		provider: { tr: id, en: id },
		type: 'guide',
		source: 'primary',
		themes: ['energy'],
		languages: ['tr'],
		scope: 'national',
		url: `https://example.org/${id}`,
		retrieved: '2026-11-22',
		...fields
	};
}

const erzurum = { province: '25', sectorCodes: ['C', 'C31'], sizeClass: 'small' };
const kirklareli = { province: '39', sectorCodes: ['C'], sizeClass: 'micro' };

describe('reachFor', () => {
	it('sees a national resource as national and its region’s as regional', () => {
		expect(reachFor(resource('n'), erzurum, regions, TODAY)).toBe('national');
		expect(reachFor(resource('r', { scope: { region: 'TRA1' } }), erzurum, regions, TODAY)).toBe(
			'regional'
		);
		expect(reachFor(resource('p', { scope: { provinces: ['25'] } }), erzurum, regions, TODAY)).toBe(
			'regional'
		);
	});

	it('never sees a resource scoped to another region or province', () => {
		expect(
			reachFor(resource('r', { scope: { region: 'TR21' } }), erzurum, regions, TODAY)
		).toBeUndefined();
		expect(
			reachFor(resource('p', { scope: { provinces: ['22', '39'] } }), erzurum, regions, TODAY)
		).toBeUndefined();
	});

	it('sends a firm that did not give its province only national resources', () => {
		const nowhere = { sectorCodes: [] };
		expect(reachFor(resource('n'), nowhere, regions, TODAY)).toBe('national');
		expect(
			reachFor(resource('r', { scope: { region: 'TRA1' } }), nowhere, regions, TODAY)
		).toBeUndefined();
	});

	it('keeps a resource limited to sectors or sizes for the firms it names', () => {
		const furniture = resource('f', { sectors: ['C31'] });
		const medium = resource('m', { sizeClasses: ['medium'] });
		expect(reachFor(furniture, erzurum, regions, TODAY)).toBe('national');
		expect(reachFor(furniture, kirklareli, regions, TODAY)).toBeUndefined();
		expect(reachFor(medium, erzurum, regions, TODAY)).toBeUndefined();
		expect(reachFor(medium, { ...erzurum, sizeClass: null }, regions, TODAY)).toBeUndefined();
	});

	it('shows a resource through its validUntil day and drops it the day after', () => {
		const call = resource('c', { validUntil: TODAY });
		expect(reachFor(call, erzurum, regions, TODAY)).toBe('national');
		expect(reachFor(call, erzurum, regions, '2026-11-27')).toBeUndefined();
	});
});

describe('cardResources', () => {
	const trakya = resource('ka-tr21', {
		type: 'organisation',
		scope: { region: 'TR21' },
		themes: ['energy', 'symbiosis']
	});
	const kudaka = resource('ka-tra1', {
		type: 'organisation',
		scope: { region: 'TRA1' },
		themes: ['energy', 'symbiosis']
	});
	const etso = resource('erzurum-tso', {
		type: 'organisation',
		scope: { provinces: ['25'] },
		themes: ['market']
	});
	const interreg = resource('interreg', { scope: { provinces: ['22', '39'] } });
	const kosgeb = resource('kosgeb');
	const catalogue = [trakya, kudaka, etso, interreg, kosgeb];

	it('puts the named regional ones first, then one organisation of the region, then named national ones', () => {
		const ids = (firm: typeof erzurum) =>
			cardResources([kosgeb, interreg], 'energy', catalogue, firm, regions, TODAY).map(
				(found) => found.id
			);
		expect(ids(kirklareli)).toEqual(['interreg', 'ka-tr21', 'kosgeb']);
		expect(ids(erzurum)).toEqual(['ka-tra1', 'kosgeb']);
	});

	it('adds an organisation only when its themes include the card’s theme', () => {
		const ids = cardResources([kosgeb], 'market', catalogue, erzurum, regions, TODAY).map(
			(found) => found.id
		);
		expect(ids).toEqual(['erzurum-tso', 'kosgeb']);
	});

	it('does not list an organisation twice when the recommendation names it', () => {
		const ids = cardResources(
			[trakya, kosgeb],
			'energy',
			catalogue,
			kirklareli,
			regions,
			TODAY
		).map((found) => found.id);
		expect(ids).toEqual(['ka-tr21', 'kosgeb']);
	});
});

describe('the shipped catalogue', () => {
	const { resources, regions: shipped } = loadCatalogue();
	const all = [...resources.values()];
	const agencyOf = (province: string) =>
		forFirm(all, { province, sectorCodes: [] }, shipped, TODAY).regional.filter((found) =>
			found.id.startsWith('ka-')
		);

	it('gives every province exactly one development agency', () => {
		for (const region of shipped) {
			for (const province of region.provinces) {
				expect(agencyOf(province).map((found) => found.id)).toEqual([
					`ka-${region.code.toLowerCase()}`
				]);
			}
		}
		expect(shipped).toHaveLength(26);
	});

	it('sends Erzurum, Kırklareli and Konya firms to their own agencies and nothing of Trakya to Erzurum', () => {
		expect(agencyOf('25')[0].title.tr).toBe('Kuzeydoğu Anadolu Kalkınma Ajansı');
		expect(agencyOf('39')[0].title.tr).toBe('Trakya Kalkınma Ajansı');
		expect(agencyOf('42')[0].title.tr).toBe('Mevlana Kalkınma Ajansı');
		const erzurumSees = forFirm(all, { province: '25', sectorCodes: [] }, shipped, TODAY);
		expect(erzurumSees.regional.map((found) => found.id)).not.toContain(
			'interreg-cevre-dostu-kobi'
		);
		expect(erzurumSees.regional.map((found) => found.id)).not.toContain('ka-tr21');
	});

	it('links only https pages', () => {
		for (const found of all) if (found.url) expect(found.url).toMatch(/^https:\/\//);
	});
});
