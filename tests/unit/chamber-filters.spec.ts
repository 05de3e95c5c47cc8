import { describe, expect, it } from 'vitest';
import { readFilters } from '$lib/server/chamber/chamber-filters';

const read = (search: string) => readFilters(new URL(`http://localhost/chamber/a${search}`));

describe('readFilters', () => {
	it('takes one filter', () => {
		expect(read('?sector=C&compare=1')).toEqual({
			query: { sector: 'C', compare: '1' },
			filters: { campaignId: undefined, sector: 'C', sizeClass: undefined, province: undefined },
			compare: true,
			problems: {}
		});
	});

	it('refuses two filters on each field, applies none and keeps the choice for the form', () => {
		expect(read('?sector=C&province=34&size=')).toEqual({
			query: { sector: 'C', province: '34' },
			filters: {},
			compare: false,
			problems: { sector: 'dashboard.error_one_filter', province: 'dashboard.error_one_filter' }
		});
	});

	it('refuses the month period of earlier versions rather than showing all time as a month', () => {
		expect(read('?from=2026-03&to=2026-04').problems).toEqual({
			from: 'dashboard.error_no_period',
			to: 'dashboard.error_no_period'
		});
		expect(read('?from=&to=').problems).toEqual({});
	});
});
