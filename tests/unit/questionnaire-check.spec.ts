import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CatalogueError, formatProblem, parseCatalogue } from '$lib/content/load';
import { readFolder, MINI_FOLDER } from '../fixtures/catalogue';

/** The day the checks run on, so that a call's closing date is compared with a fixed day. */
const TODAY = '2026-11-26';

/** The checker's output lines for a folder (the mini fixture unless given) with one text replaced. */
function problemsAfter(file: string, from: string, to: string, folder = MINI_FOLDER): string[] {
	const files = readFolder(folder);
	expect(files[file]).toContain(from);
	files[file] = files[file].replace(from, to);
	try {
		parseCatalogue(files, TODAY);
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
			'a prerequisite that does not exist',
			'mini.yaml',
			'    effort: low\n    cost: quick_win\n    payback: months\n',
			'    effort: low\n    cost: quick_win\n    payback: months\n    after: [r9]\n',
			'mini.yaml: recommendations[0].after[0]: no recommendation "r9"'
		],
		[
			'a recommendation that follows itself',
			'mini.yaml',
			'    effort: low\n    cost: quick_win\n    payback: months\n',
			'    effort: low\n    cost: quick_win\n    payback: months\n    after: [r1]\n',
			'mini.yaml: recommendations[0].after[0]: a recommendation cannot follow itself'
		],
		[
			'a recommendation without a cost class',
			'mini.yaml',
			'    cost: quick_win\n    payback: months\n',
			'    payback: months\n',
			'mini.yaml: recommendations[0].cost: Invalid option: expected one of "quick_win"|"low_cost"|"investment"'
		],
		[
			'an unknown payback',
			'mini.yaml',
			'    cost: quick_win\n    payback: months\n',
			'    cost: quick_win\n    payback: never\n',
			'mini.yaml: recommendations[0].payback: Invalid option: expected one of "months"|"years"|"compliance"'
		],
		[
			'an `unless` on a question that does not exist',
			'mini.yaml',
			'    effort: low\n    cost: quick_win\n    payback: months\n',
			'    effort: low\n    cost: quick_win\n    payback: months\n    unless: [{ question: q9, atLeast: 2 }]\n',
			'mini.yaml: recommendations[0].unless[0].question: no scored question "q9"'
		],
		[
			"an `unless` above the question's best score",
			'mini.yaml',
			'    effort: low\n    cost: quick_win\n    payback: months\n',
			'    effort: low\n    cost: quick_win\n    payback: months\n    unless: [{ question: q5, atLeast: 5 }]\n',
			"mini.yaml: recommendations[0].unless[0].atLeast: above the question's best score (4)"
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
			'resources.yaml: resources[0].type: Invalid option: expected one of "guide"|"training"|"support_programme"|"finance"|"standard"|"regulation"|"tool"|"event"|"organisation"'
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
			'a finance resource that does not say what it offers',
			'resources.yaml',
			'    support:\n      kind: repayable\n      call: closed\n      period: { from: 2023-12-08, until: 2024-11-30 }\n      asOf: 2026-11-22\n',
			'',
			'resources.yaml: resources[1].support: a finance must state its kind and call'
		],
		[
			'a call shown as open after its closing date',
			'resources.yaml',
			'call: closed',
			'call: open',
			'resources.yaml: resources[1].support.call: the call closed on 2024-11-30: set call to closed (or expected)'
		],
		[
			'an open call without a closing date',
			'resources.yaml',
			'call: closed\n      period: { from: 2023-12-08, until: 2024-11-30 }\n',
			'call: open\n',
			'resources.yaml: resources[1].support.period.until: an open call needs its closing date'
		],
		[
			'an unknown kind of support',
			'resources.yaml',
			'kind: repayable',
			'kind: hibe',
			'resources.yaml: resources[1].support.kind: Invalid option: expected one of "grant"|"repayable"|"loan"|"mentoring"|"guarantee"|"advisory"'
		],
		[
			'a period that ends before it starts',
			'resources.yaml',
			'from: 2023-12-08',
			'from: 2025-01-01',
			'resources.yaml: resources[1].support.period: from is after until'
		],
		[
			'support on a resource that is not a programme or finance',
			'resources.yaml',
			'    type: guide\n',
			'    type: guide\n    support: { kind: grant, call: rolling, asOf: 2026-11-22 }\n',
			'resources.yaml: resources[0].support: only support_programme, finance, organisation have one'
		],
		[
			'a resource that does not say whether it is a primary source',
			'resources.yaml',
			'    source: secondary\n',
			'',
			'resources.yaml: resources[0].source: Invalid option: expected one of "primary"|"secondary"'
		],
		[
			'a resource without a scope',
			'resources.yaml',
			'    scope: national\n',
			'',
			"resources.yaml: resources[0].scope: expected national, { provinces: ['39'] } or { region: TRA1 }"
		],
		[
			'an http link',
			'resources.yaml',
			'url: https://example.org/guide',
			'url: http://example.org/guide',
			'resources.yaml: resources[0].url: expected an https address'
		],
		[
			'a resource other than an organisation without a link',
			'resources.yaml',
			'    url: https://example.org/guide\n',
			'',
			'resources.yaml: resources[0].url: required (only an organisation may be named without a link)'
		],
		[
			'an unknown province in a scope',
			'resources.yaml',
			'scope: national',
			"scope: { provinces: ['39', '25'] }",
			'resources.yaml: resources[0].scope.provinces[1]: no province "25"'
		],
		[
			'an unknown region in a scope',
			'resources.yaml',
			'scope: { region: TR21 }',
			'scope: { region: TRA1 }',
			'resources.yaml: resources[1].scope.region: no region "TRA1" in regions.yaml'
		],
		[
			'an unknown sector',
			'resources.yaml',
			'sectors: [C]',
			'sectors: [Z]',
			'resources.yaml: resources[1].sectors[0]: no sector "Z"'
		],
		[
			'an unknown size class',
			'resources.yaml',
			'sectors: [C]',
			'sectors: [C]\n    sizeClasses: [large]',
			'resources.yaml: resources[1].sizeClasses[0]: no size class "large"'
		],
		[
			'a province in no region',
			'regions.yaml',
			"provinces: ['59', '22', '39']",
			"provinces: ['59', '22']",
			'regions.yaml: regions: no region has province "39" (Kırklareli)'
		],
		[
			'a region with an unknown province',
			'regions.yaml',
			"provinces: ['59', '22', '39']",
			"provinces: ['59', '22', '39', '25']",
			'regions.yaml: regions[0].provinces[3]: no province "25"'
		],
		[
			'a duplicate province code',
			'provinces.yaml',
			"code: '59'",
			"code: '39'",
			'provinces.yaml: provinces[2].code: duplicate province code "39"'
		],
		[
			'a size-class weight for an unknown size class',
			'mini.yaml',
			'      - id: q1\n        type: single\n',
			'      - id: q1\n        type: single\n        weightBySize: { mikro: 0 }\n',
			'mini.yaml: themes[0].questions[0].weightBySize.mikro: expected one of the sizeClasses'
		],
		[
			'a size-class weight on an unscored question',
			'mini.yaml',
			'profile:\n  title: { tr: Firma, en: Company }\n  questions:\n',
			'profile:\n  title: { tr: Firma, en: Company }\n  questions:\n    - { id: extra, type: text, required: false, weightBySize: { micro: 0 }, text: { tr: Ek, en: Extra } }\n',
			'mini.yaml: profile.questions[0].weightBySize: only scored theme questions have a weight'
		],
		[
			'an estimate on an option of a question that is no band',
			'mini.yaml',
			'          - { id: low, score: 0, label: { tr: Az, en: Little } }',
			'          - { id: low, score: 0, estimate: 5, label: { tr: Az, en: Little } }',
			'mini.yaml: themes[0].questions[0].options[0].estimate: only options of the employees and turnover roles have an estimate'
		]
	])('reports %s', (_, file, from, to, message) => {
		expect(problemsAfter(file, from, to)).toContain(message);
	});

	it('reports a cycle of prerequisites once', () => {
		const files = readFolder(MINI_FOLDER);
		const chain = { r1: 'r2', r2: 'r4', r4: 'r1' } as Record<string, string>;
		files['mini.yaml'] = files['mini.yaml'].replace(
			/( {2}- id: (r\d)\n(?: {4}.*\n)*? {4}payback: \w+\n)/g,
			(block: string, _: string, id: string) =>
				chain[id] ? `${block}    after: [${chain[id]}]\n` : block
		);
		try {
			parseCatalogue(files);
			expect.unreachable('a cycle must be refused');
		} catch (error) {
			const problems = (error as CatalogueError).problems.map(formatProblem);
			expect(problems).toEqual(['mini.yaml: recommendations[0].after: cycle: r1 → r2 → r4 → r1']);
		}
	});

	it('warns, without failing, of a resource that expires within 30 days or has expired', () => {
		const files = readFolder(MINI_FOLDER);
		const withUntil = (day: string) =>
			files['resources.yaml'].replace(
				'    scope: national\n',
				`    scope: national\n    validUntil: ${day}\n`
			);
		const warningsOn = (day: string) =>
			parseCatalogue({ ...files, 'resources.yaml': withUntil(day) }, TODAY).warnings.map(
				formatProblem
			);
		expect(warningsOn('2026-12-20')).toEqual([
			'resources.yaml: resources[0].validUntil: expires on 2026-12-20: renew or remove it'
		]);
		expect(warningsOn('2026-11-20')).toEqual([
			'resources.yaml: resources[0].validUntil: expired on 2026-11-20: no longer shown; remove it'
		]);
		expect(warningsOn('2027-03-01')).toEqual([]);
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
			'green-deal-readiness.yaml: profile.questions[11].options[5].id: expected one of cement, iron_steel, aluminium, fertilisers, electricity, hydrogen'
		],
		[
			'a tonnage question missing an answer the screen reads',
			'green-deal-readiness.yaml',
			'        - { id: unknown, label: { tr: "Bilmiyorum", en: "I do not know" } }\n',
			'',
			'green-deal-readiness.yaml: profile.questions[12].options: expected the options under50, over50, unknown'
		],
		[
			'a route question without the indirect-supplier answer',
			'green-deal-readiness.yaml',
			'        - { id: via_exporter,',
			'        - { id: via_trader,',
			'green-deal-readiness.yaml: profile.questions[10].options: expected the options direct, via_exporter, not_eu'
		],
		[
			'a data question whose answers the screen cannot read',
			'green-deal-readiness.yaml',
			'{ id: verified, score: 4, label: { tr: "Akredite',
			'{ id: installation, score: 4, label: { tr: "Akredite',
			'green-deal-readiness.yaml: themes[4].questions[2].options: expected the options none, estimate, verified'
		]
	])('reports %s', (_, file, from, to, expected) => {
		expect(problemsAfter(file, from, to, 'questionnaires')).toContain(expected);
	});
});
