import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CatalogueError, formatProblem, parseCatalogue } from '$lib/content/load';
import { readFolder, MINI_FOLDER } from '../fixtures/catalogue';

/** The checker's output lines for a folder (the mini fixture unless given) with one text replaced. */
function problemsAfter(file: string, from: string, to: string, folder = MINI_FOLDER): string[] {
	const files = readFolder(folder);
	expect(files[file]).toContain(from);
	files[file] = files[file].replace(from, to);
	try {
		parseCatalogue(files);
	} catch (error) {
		if (error instanceof CatalogueError) return error.problems.map(formatProblem);
		throw error;
	}
	return [];
}

describe('questionnaire:check', () => {
	it('accepts the valid fixture', () => {
		expect(() => parseCatalogue(readFolder(MINI_FOLDER))).not.toThrow();
	});

	it.each([
		[
			'a duplicate question id',
			'mini.yaml',
			'      - id: q2\n',
			'      - id: q1\n',
			'mini.yaml: themes[0].questions[1].id: duplicate question id "q1"'
		],
		[
			'a missing translation',
			'mini.yaml',
			'text: { tr: Soru 2, en: Question 2 }',
			'text: { tr: Soru 2 }',
			'mini.yaml: themes[0].questions[1].text.en: missing translation'
		],
		[
			'an unknown resource id',
			'mini.yaml',
			'resources: [fund-two]',
			'resources: [fund-3]',
			'mini.yaml: recommendations[2].resources[0]: no resource "fund-3" in resources.yaml'
		],
		[
			'a showIf pointing at a missing question',
			'mini.yaml',
			'showIf: { question: exports_eu, equals: true }',
			'showIf: { question: exports_us, equals: true }',
			'mini.yaml: themes[1].questions[1].showIf.question: no question "exports_us"'
		],
		[
			'a showIf pointing at a later question',
			'mini.yaml',
			'      - id: q1\n        type: single\n',
			'      - id: q1\n        type: single\n        showIf: { question: q4, includes: a }\n',
			'mini.yaml: themes[0].questions[0].showIf.question: "q4" must come before this question'
		],
		[
			'a showIf value that is not an answer of its question',
			'mini.yaml',
			'showIf: { question: exports_eu, equals: true }',
			"showIf: { question: exports_eu, equals: 'evet' }",
			'mini.yaml: themes[1].questions[1].showIf.equals: not an answer of "exports_eu"'
		],
		[
			'a score out of range',
			'mini.yaml',
			'{ id: top, score: 4,',
			'{ id: top, score: 5,',
			'mini.yaml: themes[0].questions[0].options[2].score: must be between 0 and 4'
		],
		[
			'a score that is not a number',
			'mini.yaml',
			'{ id: mid, score: 2,',
			'{ id: mid, score: two,',
			'mini.yaml: themes[0].questions[0].options[1].score: expected a number'
		],
		[
			'a gap between maturity levels',
			'mini.yaml',
			'min: 40, max: 60',
			'min: 45, max: 60',
			"mini.yaml: levels[2].min: must equal the previous level's max (40)"
		],
		[
			'a scored question whose weakest answer leads nowhere',
			'mini.yaml',
			'when: { question: q1, below: 2 }',
			'when: { question: q2, below: 2 }',
			'mini.yaml: themes[0].questions[0]: no recommendation fires on its weakest answer'
		],
		[
			'a misspelt key',
			'mini.yaml',
			'        allowNA: true\n        text: { tr: Soru 3',
			'        allowNa: true\n        text: { tr: Soru 3',
			'mini.yaml: themes[0].questions[2]: Unrecognized key: "allowNa"'
		],
		[
			'a number or text question among the scored ones',
			'mini.yaml',
			'      - id: q2\n        type: yesno\n',
			'      - id: q2\n        type: text\n',
			'mini.yaml: themes[0].questions[1].type: a text question is never scored: move it to the profile'
		],
		[
			'an unknown resource type',
			'resources.yaml',
			'type: guide',
			'type: book',
			'resources.yaml: resources[0].type: Invalid option: expected one of "guide"|"training"|"support_programme"|"finance"|"standard"|"regulation"|"tool"|"event"'
		],
		[
			'a resource without a translation',
			'resources.yaml',
			'provider: { tr: Kurum, en: Agency }',
			'provider: { tr: Kurum }',
			'resources.yaml: resources[1].provider.en: missing translation'
		],
		[
			'a resource for a theme that does not exist',
			'resources.yaml',
			'themes: [t2]',
			'themes: [t9]',
			'resources.yaml: resources[1].themes[0]: no theme "t9"'
		],
		[
			'a duplicate province code',
			'provinces.yaml',
			"code: '59'",
			"code: '39'",
			'provinces.yaml: provinces[2].code: duplicate province code "39"'
		]
	])('reports %s', (_, file, from, to, message) => {
		expect(problemsAfter(file, from, to)).toContain(message);
	});

	it('reports every problem, not just the first', () => {
		const files = readFolder(MINI_FOLDER);
		files['mini.yaml'] = files['mini.yaml']
			.replace('text: { tr: Soru 2, en: Question 2 }', 'text: { tr: Soru 2 }')
			.replace('resources: [fund-two]', 'resources: [fund-3]');
		expect(() => parseCatalogue(files)).toThrow(CatalogueError);
		try {
			parseCatalogue(files);
		} catch (error) {
			expect((error as CatalogueError).problems).toHaveLength(2);
		}
	});

	it('locates a YAML syntax error by line', () => {
		const files = readFolder(MINI_FOLDER);
		files['broken-syntax.yaml'] = readFileSync(
			'tests/fixtures/questionnaires/broken-syntax.yaml',
			'utf8'
		);
		expect(() => parseCatalogue(files)).toThrow(/^broken-syntax\.yaml: line \d+: /m);
	});
});

describe('questionnaire:check on the carbon estimate and the CBAM screen', () => {
	it.each([
		[
			'a number question feeding an unknown source',
			'green-deal-readiness.yaml',
			'carbon: vehicle_lpg',
			'carbon: vehicle_hydrogen',
			'green-deal-readiness.yaml: energy.questions[17].carbon: no source, conversion or fact "vehicle_hydrogen" in emission-factors.yaml'
		],
		[
			'two questions feeding the same source',
			'green-deal-readiness.yaml',
			'carbon: vehicle_lpg',
			'carbon: vehicle_petrol',
			'green-deal-readiness.yaml: energy.questions[17].carbon: "vehicle_petrol" is fed by another question'
		],
		[
			'a conversion into a missing source',
			'emission-factors.yaml',
			'into: natural_gas',
			'into: biogas',
			'emission-factors.yaml: conversions[0].into: no source "biogas"'
		],
		[
			'a factor that is not positive',
			'emission-factors.yaml',
			'factor: 2.685',
			'factor: -2.685',
			'emission-factors.yaml: sources[2].factor: must be greater than 0'
		],
		[
			'a factor without its year',
			'emission-factors.yaml',
			'    factor: 0.439\n    year: 2026\n',
			'    factor: 0.439\n',
			'emission-factors.yaml: sources[0].year: Invalid input: expected number, received undefined'
		],
		[
			'a calorific value without its year',
			'emission-factors.yaml',
			'    factor: 0.0004257\n    year: 2006\n',
			'    factor: 0.0004257\n',
			'emission-factors.yaml: calorificValues[0].year: Invalid input: expected number, received undefined'
		],
		[
			'a calorific value without its source address',
			'emission-factors.yaml',
			'    factor: 0.0004257\n    year: 2006\n    source: *ipcc-stationary',
			'    factor: 0.0004257\n    year: 2006\n    source: { title: { tr: IPCC, en: IPCC } }',
			'emission-factors.yaml: calorificValues[0].source.url: expected an http(s) address'
		],
		[
			'a calorific value for a missing source',
			'emission-factors.yaml',
			'for: lignite',
			'for: peat',
			'emission-factors.yaml: calorificValues[0].for: no source "peat"'
		],
		[
			'biogenic CO2 on electricity',
			'emission-factors.yaml',
			'    factor: 0.439\n',
			'    factor: 0.439\n    biogenicCo2: 1\n',
			'emission-factors.yaml: sources[0].biogenicCo2: only a fuel (scope 1) has biogenic CO2'
		],
		[
			'a supplier factor question that accepts grams instead of kilograms',
			'green-deal-readiness.yaml',
			'max: 1.5',
			'max: 1500',
			'green-deal-readiness.yaml: energy.questions[2].max: "supplier_electricity_factor" allows at most 1.5'
		],
		[
			'a CBAM sector the screen does not know',
			'green-deal-readiness.yaml',
			'- { id: hydrogen, label',
			'- { id: glass, label',
			'green-deal-readiness.yaml: profile.questions[10].options[5].id: expected one of cement, iron_steel, aluminium, fertilisers, electricity, hydrogen'
		],
		[
			'a tonnage question missing an answer the screen reads',
			'green-deal-readiness.yaml',
			'        - { id: unknown, label: { tr: "Bilmiyorum", en: "I do not know" } }\n',
			'',
			'green-deal-readiness.yaml: profile.questions[11].options: expected the options under50, over50, unknown'
		]
	])('reports %s', (_, file, from, to, expected) => {
		expect(problemsAfter(file, from, to, 'questionnaires')).toContain(expected);
	});
});
