import { describe, expect, it } from 'vitest';
import { ParsedFirms, type ChamberFirms } from '$lib/server/db/parsed-firms';
import type { Firm } from '$lib/server/aggregates/types';

/** `count` firms of one chamber; only their number matters to what is kept. */
function firms(count: number): ChamberFirms {
	const firm = { overall: 50 } as Firm;
	return Array.from({ length: count }, (_, i) => ({ id: `a${i}`, firm }));
}

describe('parsed firms kept between dashboards', () => {
	it('are given back only at the version they were parsed at', () => {
		const kept = new ParsedFirms(100);
		const parsed = firms(10);
		kept.set('tso', 3, parsed);
		expect(kept.get('tso', 3)).toBe(parsed);
		expect(kept.get('tso', 4)).toBeUndefined();
		expect(kept.get('osb', 3)).toBeUndefined();
	});

	it('are not replaced by firms an older snapshot parsed', () => {
		const kept = new ParsedFirms(100);
		const newer = firms(10);
		kept.set('tso', 5, newer);
		kept.set('tso', 4, firms(9));
		expect(kept.get('tso', 5)).toBe(newer);
		expect(kept.get('tso', 4)).toBeUndefined();
	});

	it('stay under their bound, the chamber read longest ago dropped first', () => {
		const kept = new ParsedFirms(100);
		kept.set('a', 1, firms(40));
		kept.set('b', 1, firms(40));
		kept.get('a', 1); // read again: b is now the one read longest ago
		kept.set('c', 1, firms(40));
		expect(kept.get('a', 1)).toHaveLength(40);
		expect(kept.get('b', 1)).toBeUndefined();
		expect(kept.get('c', 1)).toHaveLength(40);
	});

	it('count a chamber once when its firms are parsed again at a new version', () => {
		const kept = new ParsedFirms(100);
		kept.set('a', 1, firms(60));
		kept.set('a', 2, firms(60));
		kept.set('b', 1, firms(40));
		expect(kept.get('a', 2)).toHaveLength(60);
		expect(kept.get('b', 1)).toHaveLength(40);
	});

	it('never hold a chamber larger than their bound', () => {
		const kept = new ParsedFirms(100);
		kept.set('small', 1, firms(50));
		kept.set('huge', 1, firms(101));
		expect(kept.get('huge', 1)).toBeUndefined();
		expect(kept.get('small', 1)).toHaveLength(50);
	});
});
