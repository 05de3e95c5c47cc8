import { beforeAll, describe, expect, it } from 'vitest';
import { createTranslator, type Translate } from '$lib/i18n';
import { figureGrid } from '$lib/server/chamber/export';

let en: Translate;
beforeAll(async () => {
	en = await createTranslator('en');
});

describe('figureGrid', () => {
	it('puts every table in one grid, a column per figure named in any head, withheld figures marked', () => {
		const { header, rows } = figureGrid(
			[
				{ caption: 'Summary', head: ['Group', 'Firms', 'Mean'], rows: [['All firms', 14, 50.5]] },
				{
					caption: 'Levels',
					head: ['Level', 'Firms'],
					rows: [
						['Beginner', null],
						['Aware', 5]
					]
				},
				{ caption: 'Totals', head: ['Scope', 'Firms', 't CO₂e'], rows: [['Total', 11, null]] }
			],
			'withheld',
			en
		);
		expect(header).toEqual(['Section', 'Group', 'Firms', 'Mean', 't CO₂e']);
		expect(rows).toEqual([
			['Summary', 'All firms', 14, 50.5, null],
			// Never blank and never 0 where a figure was withheld; blank only where the table has no such column.
			['Levels', 'Beginner', 'withheld', null, null],
			['Levels', 'Aware', 5, null, null],
			['Totals', 'Total', 11, null, 'withheld']
		]);
	});

	it('keeps a zero as a zero', () => {
		const { rows } = figureGrid(
			[{ caption: 'CBAM', head: ['Exposure', 'Firms'], rows: [['In scope', 0]] }],
			'gizli',
			en
		);
		expect(rows).toEqual([['CBAM', 'In scope', 0]]);
	});
});
