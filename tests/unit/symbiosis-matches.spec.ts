import { describe, expect, it } from 'vitest';
import { provincesFile } from '$lib/questionnaire/schema';
import { encodeMatchKey, introduceInput } from '$lib/symbiosis/match-key';
import {
	greatCircleKm,
	pairMatches,
	provinceDistanceKm,
	type Centre,
	type MatchableItem
} from '$lib/symbiosis/matches';

// Provincial capitals as in questionnaires/provinces.yaml.
const CENTRES = new Map<string, Centre>([
	['59', { lat: 40.98, lon: 27.51 }], // Tekirdağ
	['39', { lat: 41.74, lon: 27.23 }], // Kırklareli
	['34', { lat: 41.01, lon: 28.98 }], // İstanbul
	['06', { lat: 39.93, lon: 32.86 }] // Ankara
]);
const CATEGORIES = ['wood', 'heat', 'plastic'];

function item(
	side: MatchableItem['side'],
	assessmentId: string,
	category: string,
	more: Partial<MatchableItem> = {}
): MatchableItem {
	return {
		side,
		assessmentId,
		category,
		quantityPerYear: 10,
		unit: 't',
		province: '59',
		consenting: true,
		...more
	};
}

const pairs = (items: MatchableItem[]) =>
	pairMatches(items, CENTRES, CATEGORIES).map(
		(match) =>
			`${match.offer.assessmentId}>${match.need.assessmentId}:${match.category}@${match.distanceKm === null ? '?' : Math.round(match.distanceKm)}`
	);

describe('great-circle distance', () => {
	it('measures İstanbul to Ankara as about 350 km, and a place to itself as 0', () => {
		expect(greatCircleKm(CENTRES.get('34')!, CENTRES.get('06')!)).toBeCloseTo(350, -1);
		expect(greatCircleKm(CENTRES.get('34')!, CENTRES.get('34')!)).toBe(0);
	});

	it('is 0 within one province and unknown when either province or its centre is', () => {
		expect(provinceDistanceKm('81', '81', CENTRES)).toBe(0);
		expect(provinceDistanceKm('59', undefined, CENTRES)).toBeNull();
		expect(provinceDistanceKm('59', '81', CENTRES)).toBeNull();
		expect(provinceDistanceKm('59', '39', CENTRES)).toBeCloseTo(88, -1);
	});
});

describe('province centres', () => {
	it('takes both coordinates within Türkiye or neither', () => {
		const parse = (entry: object) =>
			provincesFile.safeParse({ provinces: [{ code: '59', name: 'Tekirdağ', ...entry }] }).success;
		expect(parse({})).toBe(true);
		expect(parse({ lat: 40.98, lon: 27.51 })).toBe(true);
		expect(parse({ lat: 40.98 })).toBe(false);
		expect(parse({ lat: 27.51, lon: 40.98 })).toBe(false);
	});
});

describe('pairing offers with needs', () => {
	it('pairs each offer with each need of its category from another firm, never a firm with itself', () => {
		expect(
			pairs([
				item('offer', 'A', 'wood'),
				item('need', 'A', 'wood'),
				item('need', 'B', 'wood'),
				item('need', 'C', 'heat'),
				item('offer', 'C', 'wood')
			])
		).toEqual(['A>B:wood@0', 'C>A:wood@0', 'C>B:wood@0']);
	});

	it('pairs only firms that consented to be introduced', () => {
		expect(
			pairs([
				item('offer', 'A', 'wood'),
				item('need', 'B', 'wood', { consenting: false }),
				item('need', 'C', 'wood')
			])
		).toEqual(['A>C:wood@0']);
		expect(
			pairs([item('offer', 'A', 'wood', { consenting: false }), item('need', 'B', 'wood')])
		).toEqual([]);
	});

	it('puts the closest first, an unknown distance last, then orders by the categories’ order', () => {
		expect(
			pairs([
				item('offer', 'A', 'plastic', { province: '34' }),
				item('offer', 'B', 'wood', { province: '06' }),
				item('offer', 'C', 'heat', { province: undefined }),
				item('offer', 'D', 'heat', { province: '39' }),
				item('need', 'E', 'plastic'),
				item('need', 'E', 'wood'),
				item('need', 'E', 'heat'),
				item('offer', 'F', 'plastic'),
				item('offer', 'G', 'heat')
			])
		).toEqual([
			'G>E:heat@0',
			'F>E:plastic@0',
			'D>E:heat@88',
			'A>E:plastic@123',
			'B>E:wood@467',
			'C>E:heat@?'
		]);
	});
});

describe('the introduce form’s match field', () => {
	it('reads back the key it was written from', () => {
		const key = { offerAssessmentId: 'a-B_9', needAssessmentId: 'Zz0', category: 'wood_waste' };
		expect(introduceInput.parse({ match: encodeMatchKey(key) })).toEqual({ match: key });
	});

	it.each(['', 'a:b', 'a:b:Wood', 'a:b:c:d', 'a b:c:wood', `${'x'.repeat(65)}:b:wood`])(
		'refuses %j with the field’s message',
		(match) => {
			const result = introduceInput.safeParse({ match });
			expect(result.success).toBe(false);
			expect(result.error?.issues[0].message).toBe('matches.error_pair');
		}
	);
});
