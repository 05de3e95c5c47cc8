import { beforeAll, describe, expect, it } from 'vitest';
import { createTranslator, type Translate } from '$lib/i18n';
import { presentCarbon } from '$lib/presenters/carbon';
import { presentCbam } from '$lib/presenters/cbam';
import {
	groupName,
	presentDashboard,
	presentFilters,
	respondentColumns
} from '$lib/presenters/chamber';
import { figureText, formattedRows } from '$lib/presenters/figures';
import { presentResourceLink, supportStatus } from '$lib/presenters/resource';
import { presentResults } from '$lib/presenters/results';
import type { CarbonView, CbamView } from '$lib/server/assessment/carbon-view';
import type { CbamExposure, CbamScreen } from '$lib/carbon/cbam';
import { CBAM_DATES } from '$lib/carbon/cbam-dates';
import type { ChamberDashboard } from '$lib/server/chamber/chamber-dashboard';
import type { ResultsView } from '$lib/server/assessment/results-view';

/*
 * The presenters word each figure once for the pages, the PDFs and the CSV; these tests pin the wording and the
 * formatting on hand-built views, without a database.
 */

let en: Translate;
let tr: Translate;
beforeAll(async () => {
	[en, tr] = await Promise.all([createTranslator('en'), createTranslator('tr')]);
});

const carbon: CarbonView = {
	factorsVersion: '2024.1',
	sources: [
		{
			id: 'natural_gas',
			scope: 1,
			category: 'stationary',
			amount: 10640,
			unit: 'kWh',
			factor: 0.1819,
			year: 2006,
			tonnes: 1.935416,
			label: 'Natural gas',
			reference: { title: 'IPCC', url: 'https://example.org/ipcc' },
			convertedFrom: {
				id: 'natural_gas_sm3',
				amount: 1000,
				unit: 'Sm³',
				factor: 10.64,
				year: 2024,
				reference: null
			}
		}
	],
	scope1: 1.935416,
	scope2: 0,
	total: 1.935416,
	biogenicCo2T: null,
	scope2MarketBased: null,
	renewableShare: null,
	supplierFactor: null,
	bands: [],
	solar: null,
	perEmployee: null,
	perMillionTl: null,
	ignored: [],
	references: [
		{ title: 'IPCC', url: 'https://example.org/ipcc', year: 2006, labels: ['Natural gas'] }
	]
} as CarbonView;

describe('presentCarbon', () => {
	it('says there is no estimate without energy figures', () => {
		const presented = presentCarbon(null, en, 'en');
		expect(presented.estimate).toBeNull();
		expect(presented.none).toBe(en('carbon.none'));
	});

	it('formats tonnes in the locale and words the conversion once', () => {
		const english = presentCarbon(carbon, en, 'en').estimate!;
		expect(english.total).toEqual({ name: 'Estimated total emissions', value: '1.94 t CO₂e' });
		expect(english.table.rows).toEqual([['Natural gas', '1', '10,640 kWh', '0.1819', '1.94']]);
		expect(english.conversions).toEqual([
			'You entered 1,000 Sm³; converted at 10.64 kWh per Sm³ (2024).'
		]);
		expect(english.intensity).toBeNull();
		expect(english.noIntensity).toBe(en('carbon.no_intensity'));
		expect(english.references[0].label).toBe('Natural gas');
		const turkish = presentCarbon(carbon, tr, 'tr').estimate!;
		expect(turkish.total.value).toBe('1,94 t CO₂e');
	});

	it('gives biogenic CO2 one line of its own, outside the total', () => {
		const wood = {
			...carbon.sources[0],
			id: 'wood',
			amount: 40_000,
			unit: 'kg',
			factor: 0.02964,
			tonnes: 1.1856,
			biogenicTonnes: 69.88,
			label: 'Odun, talaş, pelet ya da briket',
			convertedFrom: undefined
		};
		const withWood = { ...carbon, sources: [wood], total: 1.1856, biogenicCo2T: 69.88 };
		const turkish = presentCarbon(withWood, tr, 'tr').estimate!;
		expect(turkish.biogenic).toEqual({
			name: 'Biyojenik CO₂ (toplama dahil değil)',
			value: '69,9 t CO₂'
		});
		expect(turkish.total.value).toBe('1,19 t CO₂e');
		expect(presentCarbon(carbon, tr, 'tr').estimate!.biogenic).toBeNull();
	});

	it('names the electricity factor used: the gross-generation average, or the supplier’s', () => {
		const electricity = {
			...carbon.sources[0],
			id: 'electricity',
			scope: 2 as const,
			category: 'electricity' as const,
			amount: 100_000,
			factor: 0.439,
			tonnes: 43.9,
			label: 'Electricity bought from the grid',
			convertedFrom: undefined
		};
		const grid = { ...carbon, sources: [electricity], scope2: 43.9, total: 43.9 };
		const plain = presentCarbon(grid, en, 'en').estimate!;
		expect(plain.gridFactor).toBe(
			"Scope 2 (location-based) uses ETKB's Türkiye average per unit of gross electricity generation (0.439 kg CO₂e/kWh). The consumption-point value, which would include grid losses, is not published, so this one is used."
		);
		expect(plain.marketBased).toBeNull();
		const supplier = presentCarbon(
			{ ...grid, scope2MarketBased: 35, supplierFactor: 0.35 },
			en,
			'en'
		).estimate!;
		expect(supplier.marketBased).toBe(
			"At the 0.35 kg CO₂e/kWh your supplier states, Scope 2 is about 35 t CO₂e (market-based; your supplier's factor replaced the Türkiye average)."
		);
		const both = presentCarbon(
			{ ...grid, scope2MarketBased: 21, supplierFactor: 0.35, renewableShare: 40 },
			tr,
			'tr'
		).estimate!;
		expect(both.marketBased).toContain('0,35 kg CO₂e/kWh');
		expect(both.marketBased).toContain('Sertifikalı yenilenebilir');
		expect(both.gridFactor).toContain('0,439 kg CO₂e/kWh');
	});

	it('has no chart for a total of zero', () => {
		expect(presentCarbon({ ...carbon, total: 0 }, en, 'en').estimate!.chart).toBeNull();
	});

	it('says which profile band stands in for the head count beside the per-employee figure', () => {
		const band = {
			role: 'employees' as const,
			label: { tr: '10–49 kişi', en: '10–49 people' },
			estimate: 30,
			open: false
		};
		const withBand = { ...carbon, perEmployee: 2.5, bands: [band] };
		expect(presentCarbon(withBand, en, 'en').estimate!.intensity!.notes).toEqual([
			'Head count from your profile: 10–49 people. Emissions per employee use the middle of the band, 30 people.'
		]);
		expect(presentCarbon(withBand, tr, 'tr').estimate!.intensity!.notes[0]).toContain('10–49 kişi');
		expect(presentCarbon({ ...withBand, bands: [] }, en, 'en').estimate!.intensity!.notes).toEqual(
			[]
		);
	});
});

describe('presentCbam', () => {
	const screen = (exposure: CbamExposure, readiness: CbamScreen['readiness']): CbamView => ({
		kind: 'screen',
		exposure: { value: exposure, reasons: ['goods_covered_direct', 'over_threshold'] },
		readiness,
		actions: [{ id: 'talk_to_importer', resources: [] }],
		dates: CBAM_DATES
	});

	it('words exposure and readiness apart, each with its reasons, and ungraded actions', () => {
		const presented = presentCbam(
			screen('in_scope', { value: 'none', reasons: ['data_missing'] }),
			en,
			'en'
		);
		expect(presented.legacyNote).toBeNull();
		expect(presented.findings.map((finding) => [finding.label, finding.value])).toEqual([
			['Exposure', 'In scope'],
			['Data readiness', 'No data']
		]);
		expect(presented.findings[0].reasons).toEqual([
			en('cbam.exposure_reason.goods_covered_direct'),
			en('cbam.exposure_reason.over_threshold')
		]);
		expect(presented.findings[1].reasons).toEqual([en('cbam.readiness_reason.data_missing')]);
		expect(presented.actions[0]).toMatchObject({
			title: en('cbam.action.talk_to_importer.title'),
			grades: null
		});
	});

	it('gives an unverified estimate the same warning tone as no data', () => {
		const tone = (value: 'estimate' | 'none' | 'verified') =>
			presentCbam(screen('likely', { value, reasons: [] }), en, 'en').findings[1].tone;
		expect(tone('estimate')).toBe(tone('none'));
		expect(tone('verified')).not.toBe(tone('none'));
	});

	it('leaves readiness out when the firm was not asked', () => {
		const presented = presentCbam(screen('none', null), en, 'en');
		expect(presented.findings.map((finding) => finding.id)).toEqual(['exposure']);
	});

	it('lists the dates that matter in the locale, naming the downstream extension a proposal', () => {
		const dates = presentCbam(screen('in_scope', null), en, 'en').dates;
		expect(dates).toContainEqual({
			when: '30 September 2027',
			text: 'First annual CBAM declaration and surrender of certificates, for imports in 2026.'
		});
		expect(dates.find((date) => date.when === 'February 2027')?.text).toMatch(/certificates/);
		expect(dates.map((date) => date.text).join(' ')).toContain('€75.36');
		expect(dates.map((date) => date.text).join(' ')).toMatch(/\+?30%/);
		expect(dates.find((date) => date.when === '17 December 2025')?.text).toMatch(/proposal/);
		const turkish = presentCbam(screen('in_scope', null), tr, 'tr').dates;
		expect(turkish.map((date) => date.when)).toContain('30 Eylül 2027');
		expect(turkish.map((date) => date.text).join(' ')).toContain('%30');
	});

	it('shows a result of questionnaire 1.x as it was, naming its version', () => {
		const presented = presentCbam(
			{
				kind: 'legacy',
				version: '1.1.0',
				level: 'high',
				reasons: ['goods_covered', 'data_missing'],
				actions: [{ id: 'check_codes', resources: [] }]
			},
			en,
			'en'
		);
		expect(presented.legacyNote).toContain('1.1.0');
		expect(presented.findings).toEqual([
			expect.objectContaining({
				label: 'Exposure level',
				value: 'High',
				reasons: [en('cbam.legacy.reason.goods_covered'), en('cbam.legacy.reason.data_missing')]
			})
		]);
		expect(presented.dates).toEqual([]);
	});
});

describe('supportStatus', () => {
	const kosgeb = {
		kind: 'repayable' as const,
		call: 'closed' as const,
		period: { from: '2023-12-08', until: '2024-11-30' },
		asOf: '2026-11-26'
	};

	it("names the kind of support and the day a closed call ended, in the reader's language", () => {
		expect(supportStatus(kosgeb, tr)).toBe('Geri ödemeli destek · Çağrı kapandı (30 Kasım 2024)');
		expect(supportStatus(kosgeb, en)).toBe('Repayable support · Call closed (November 30, 2024)');
	});

	it('says a bank line needs no call and an unconfirmed status must be checked', () => {
		expect(supportStatus({ kind: 'loan', call: 'rolling', asOf: '2026-11-26' }, tr)).toBe(
			'Kredi · Çağrı beklemeden başvurulur'
		);
		expect(supportStatus({ kind: 'mentoring', call: 'unknown', asOf: '2026-11-26' }, en)).toBe(
			'Mentoring · Check with the provider whether a call is open'
		);
	});
});

describe('presentResourceLink', () => {
	it('follows the provider with the status, a secondary-source label and a foreign language', () => {
		const link = presentResourceLink(
			{
				id: 'tubitak',
				title: 'Mentoring',
				provider: 'Dcube',
				url: 'https://example.org',
				source: 'secondary',
				support: { kind: 'mentoring', call: 'expected', asOf: '2026-11-26' },
				otherLanguages: ['en']
			},
			tr
		);
		expect(link.note).toBe(
			'Dcube · Mentörlük · Yeni çağrı bekleniyor · İkincil kaynak · İngilizce'
		);
	});

	it('names an organisation without a verified address as plain text and says so', () => {
		const link = presentResourceLink(
			{
				id: 'ka-tra1',
				title: 'Kuzeydoğu Anadolu Kalkınma Ajansı',
				provider: 'Kuzeydoğu Anadolu Kalkınma Ajansı',
				source: 'primary',
				support: { kind: 'grant', call: 'unknown', asOf: '2026-11-26' },
				otherLanguages: []
			},
			en
		);
		expect(link.url).toBeUndefined();
		expect(link.note).toBe(
			'Grant · Check with the provider whether a call is open · web address not verified'
		);
	});

	it("is the provider alone for a primary page in the reader's language", () => {
		const link = presentResourceLink(
			{
				id: 'etkb',
				title: 'Factors',
				provider: 'ETKB',
				url: 'https://example.org',
				source: 'primary',
				otherLanguages: []
			},
			tr
		);
		expect(link.note).toBe('ETKB');
	});
});

function resultsView(previous: boolean): Omit<ResultsView, 'chamber'> {
	const recommendation = {
		id: 'r1',
		theme: 'energy',
		impact: 'high' as const,
		effort: 'low' as const,
		cost: 'quick_win' as const,
		payback: 'months' as const,
		trigger: {
			question: 'Enerji tüketiminizi ne sıklıkla izliyorsunuz?',
			answer: 'Faturayı ödüyoruz, ayrıca izlemiyoruz'
		},
		title: 'Insulate',
		text: 'Insulate the roof.',
		resources: [
			{
				id: 'x',
				title: 'Guide',
				provider: 'KOSGEB',
				url: 'https://example.org',
				source: 'primary' as const,
				otherLanguages: []
			}
		]
	};
	return {
		overall: 62.25,
		level: { id: 'developing', name: 'Developing', description: 'On the way.' },
		levels: [],
		themes: [
			{ id: 'energy', title: 'Energy', colour: '#000', score: 70, peers: 55.5, change: 4 },
			{ id: 'water', title: 'Water', colour: '#111', score: null, peers: null, change: null }
		],
		peers: { firms: 12, overall: 50 },
		minGroupSize: 5,
		previous: previous ? { overall: 60, submittedAt: '2025-01-01T00:00:00.000Z' } : null,
		priorities: [recommendation],
		recommendations: [recommendation],
		questionnaire: { title: 'Q', version: '1' },
		submittedAt: '2026-01-01T00:00:00.000Z',
		carbon: null,
		cbam: null,
		vsme: null
	} as Omit<ResultsView, 'chamber'>;
}

describe('presentResults', () => {
	it('adds the change column only on the page, and only after a previous assessment', () => {
		const first = presentResults(resultsView(false), en, 'en');
		expect(first.overall.change).toBeNull();
		expect(first.table.head).toEqual(['Theme', en('results.your_score'), en('results.peers')]);
		const again = presentResults(resultsView(true), en, 'en');
		expect(again.overall.change).toContain('+2.3');
		expect(again.table.rows[0]).toEqual(['Energy', '70', '55.5', '+4']);
		expect(again.table.rows[1]).toEqual(['Water', 'Does not apply to you', '–', '–']);
		expect(again.summaryTable.head).toHaveLength(3);
		expect(again.summaryTable.caption).toBe(again.charts.benchmark);
	});

	it('grades recommendations in words and files them under their theme', () => {
		const presented = presentResults(resultsView(false), en, 'en');
		expect(presented.priorities[0].grades).toBe('Impact: high · Effort: low');
		expect(presented.themes.map((theme) => theme.recommendations.length)).toEqual([1, 0]);
		expect(presented.themes[0].score).toBe('Theme score: 70 / 100');
	});

	it('says why each recommendation is there, naming the question and the answer', () => {
		expect(presentResults(resultsView(false), tr, 'tr').priorities[0].why).toBe(
			'Çünkü: «Enerji tüketiminizi ne sıklıkla izliyorsunuz?» sorusuna «Faturayı ödüyoruz, ayrıca izlemiyoruz» yanıtını verdiniz.'
		);
		expect(presentResults(resultsView(false), en, 'en').priorities[0].why).toBe(
			'Because: you answered “Faturayı ödüyoruz, ayrıca izlemiyoruz” to “Enerji tüketiminizi ne sıklıkla izliyorsunuz?”.'
		);
	});

	it('names a theme rule by the theme score, and leaves out a reason it cannot tell', () => {
		const view = resultsView(false);
		const [item] = view.recommendations;
		const byTheme = { ...item, trigger: { theme: 'Enerji', score: 34.55 } };
		const unknown = { ...item, trigger: null, cost: null, payback: null };
		const tr1 = presentResults({ ...view, priorities: [byTheme, unknown] }, tr, 'tr');
		expect(tr1.priorities[0].why).toBe('Çünkü: Enerji puanınız 100 üzerinden 34,6.');
		expect(tr1.priorities[1].why).toBeUndefined();
		expect(tr1.priorities[1].cost).toBeUndefined();
	});

	it('puts the cost class and payback into plain words', () => {
		expect(presentResults(resultsView(false), tr, 'tr').priorities[0].cost).toBe(
			'Hızlı kazanım · birkaç ayda geri döner'
		);
		expect(presentResults(resultsView(false), en, 'en').priorities[0].cost).toBe(
			'Quick win · pays back within months'
		);
	});
});

function dashboard(): ChamberDashboard {
	const group = { groups: [], withheld: { firms: 7, overallMean: 48, groups: 2 } };
	return {
		statistics: {
			suppressed: null,
			firms: 20,
			overall: { mean: 51.26, median: 50 },
			themes: [{ id: 'energy', mean: 60, median: null, firms: 20 }],
			levels: [{ id: 'developing', firms: 20 }],
			otherLevels: null,
			scoreBands: [{ min: 0, max: 20, firms: null }],
			otherScoreBands: null,
			bySector: {
				groups: [
					{ key: 'C', firms: 13, overallMean: 52 },
					{ key: null, firms: 6, overallMean: null }
				],
				withheld: null
			},
			bySize: group,
			byProvince: group,
			allChambers: {
				suppressed: null,
				firms: 100,
				overallMean: 49,
				themes: [{ id: 'energy', mean: 58 }]
			},
			participation: {
				started: 0,
				submitted: 0,
				target: null,
				completionRate: null,
				progress: null,
				needed: 5,
				withheld: null,
				byCampaign: []
			},
			trends: { months: [], withheld: null, changeShown: true },
			needs: {
				priorities: [{ recommendation: 'energy_audit', firms: 6 }],
				cbam: { exposed: null, withoutData: null, estimateOnly: null },
				planned: []
			},
			carbon: {
				firms: 0,
				scope1: null,
				scope2: null,
				total: null,
				withheld: { firms: null },
				emissionBands: [],
				cbamExposure: [{ exposure: 'in_scope', firms: 0 }],
				cbamReadiness: [{ readiness: 'none', firms: 0 }]
			}
		},
		labels: {
			themes: { energy: 'Energy' },
			levels: { developing: 'Developing' },
			sectors: { C: 'C · Manufacturing' },
			sizes: {},
			provinces: {},
			recommendations: { energy_audit: 'Have an energy audit done' },
			symbiosisCategories: {}
		},
		campaigns: [],
		minGroupSize: 5,
		dominanceShare: 0.85
	} as unknown as ChamberDashboard;
}

describe('presentDashboard', () => {
	it('names groups once, keeps figures as numbers and withheld ones as null', () => {
		const presented = presentDashboard(dashboard(), 'Chamber', en, 'en');
		const [sector, size] = presented.breakdowns;
		expect(sector.table.rows).toEqual([
			['C · Manufacturing', 13, 52],
			['Not given', 6, null]
		]);
		expect(sector.withheldWhole).toBeNull();
		expect(size.withheldWhole).toBe(en('dashboard.breakdown_withheld', { min: '5' }));
		expect(size.table.rows).toEqual([['Other (2 groups, not named)', 7, 48]]);
		expect(presented.themes.table.rows).toEqual([['Energy', 60, null, 20, 58]]);
		expect(presented.summary.mean).toBe('51.3');
		expect(presented.bands.rows).toEqual([['0–20', null]]);
	});

	it('merges withheld levels and bands into one row and draws no chart of nothing', () => {
		const base = dashboard();
		base.labels.levels = { starting: 'Starting', aware: 'Aware', developing: 'Developing' };
		base.statistics.levels = [
			{ id: 'starting', firms: null },
			{ id: 'aware', firms: null },
			{ id: 'developing', firms: 14 }
		];
		base.statistics.otherLevels = { keys: ['starting', 'aware'], firms: 6 };
		base.statistics.scoreBands = [
			{ min: 0, max: 20, firms: null },
			{ min: 20, max: 40, firms: 14 },
			{ min: 40, max: 60, firms: null }
		];
		base.statistics.otherScoreBands = { keys: [0, 40], firms: 6 };
		const presented = presentDashboard(base, 'Chamber', en, 'en');
		expect(presented.levels.table.rows).toEqual([
			['Starting–Aware', 6],
			['Developing', 14]
		]);
		expect(presented.levels.chart).not.toBeNull();
		expect(presented.bands.rows).toEqual([
			['0–20 + 40–60', 6],
			['20–40', 14]
		]);
		base.statistics.levels = base.statistics.levels.map((level) => ({ ...level, firms: null }));
		base.statistics.otherLevels = null;
		const withheld = presentDashboard(base, 'Chamber', en, 'en');
		expect(withheld.levels.chart).toBeNull();
		expect(withheld.levels.table.rows.map((row) => row[1])).toEqual([null, null, null]);
	});

	it('draws the themes as one chart, every chamber marked only when compared, never a chart of nothing', () => {
		const base = dashboard();
		const compared = presentDashboard(base, 'Chamber', en, 'en').themes.chart!.config;
		expect(compared.data.labels).toEqual([['Energy']]);
		expect(compared.data.datasets.map((dataset) => dataset.label)).toEqual([
			'Chamber',
			en('dashboard.all_chambers_label')
		]);
		base.statistics.allChambers = null;
		const own = presentDashboard(base, 'Chamber', en, 'en').themes.chart!.config;
		expect(own.data.datasets).toHaveLength(1);
		expect(own.options?.plugins?.legend?.display).toBe(false);
		base.statistics.themes = base.statistics.themes.map((theme) => ({ ...theme, mean: null }));
		expect(presentDashboard(base, 'Chamber', en, 'en').themes.chart).toBeNull();
	});

	it('says that no firm gave energy figures and hides the CBAM table when no firm was screened', () => {
		const { carbon: presented } = presentDashboard(dashboard(), 'Chamber', en, 'en');
		expect(presented.estimated).toBe(false);
		expect(presented.status).toBe(en('dashboard.carbon_no_firms'));
		expect(presented.cbam.screened).toBe(false);
		expect(presented.cbam.lead).toBe(en('dashboard.cbam_no_firms'));
	});

	it('counts firms by CBAM exposure and by data readiness in two tables', () => {
		const base = dashboard();
		base.statistics.carbon.cbamExposure = [
			{ exposure: 'below_threshold', firms: 6 },
			{ exposure: 'in_scope', firms: 9 }
		];
		base.statistics.carbon.cbamReadiness = [
			{ readiness: 'estimate', firms: null },
			{ readiness: 'none', firms: 11 }
		];
		const { cbam } = presentDashboard(base, 'Chamber', en, 'en').carbon;
		expect(cbam.screened).toBe(true);
		expect(cbam.table.rows).toEqual([
			['Below the threshold, as far as it knows', 6],
			['In scope', 9]
		]);
		expect(cbam.readinessTable.head).toEqual(['Data readiness', en('dashboard.firms_col')]);
		expect(cbam.readinessTable.rows).toEqual([
			['Unverified estimate only', null],
			['No data', 11]
		]);
	});

	it('formats figures with the locale and marks withheld ones with a word', () => {
		expect(figureText('tr', 1234.56, 'gizli')).toBe('1.234,6');
		expect(figureText('en', null, 'withheld')).toBe('withheld');
		expect(
			formattedRows({ caption: '', head: [], rows: [['a', 1.25, null]] }, 'en', 'withheld')
		).toEqual([['a', '1.3', 'withheld']]);
	});

	it('lists every table the page shows for the exports, none when the view is withheld', () => {
		const presented = presentDashboard(dashboard(), 'Chamber', en, 'en');
		expect(presented.tables.map((table) => table.caption)).toEqual([
			'Summary',
			'Theme scores',
			'Maturity levels',
			'Distribution of overall scores',
			'By sector',
			'By size',
			'By province',
			'Trends by month',
			'Most common priorities',
			'Getting ready for CBAM',
			'Progress by campaign'
		]);
		// The summary with every chamber's mean beside the chamber's own, as the theme table has it.
		expect(presented.tables[0].head.slice(1)).toEqual(['Firms', 'Mean', 'Median', 'All chambers']);
		expect(presented.tables[0].rows[0][4]).toBe(49);
		expect(presented.notes).toEqual([]);
		const small = dashboard();
		small.statistics.suppressed = 'too_few';
		const withheld = presentDashboard(small, 'Chamber', en, 'en');
		expect(withheld.tables).toEqual([]);
		expect(withheld.notes).toEqual([withheld.suppressed]);
	});

	it('adds the carbon totals with their firm count once estimated, and says why a total is withheld', () => {
		const base = dashboard();
		Object.assign(base.statistics.carbon, {
			firms: 11,
			scope1: null,
			scope2: null,
			total: null,
			withheld: { firms: null, total: 'dominated' },
			emissionBands: [{ min: 0, max: 10, firms: null }]
		});
		const presented = presentDashboard(base, 'Chamber', en, 'en');
		const totals = presented.tables.find((table) => table.caption === 'Estimated emissions')!;
		expect(totals.head.slice(1)).toEqual(['Firms', 't CO₂e']);
		expect(totals.rows.map((row) => row.slice(1))).toEqual([
			[11, null],
			[11, null],
			[11, null]
		]);
		const captions = presented.tables.map((table) => table.caption);
		expect(captions.indexOf('Firms by total emissions')).toBe(
			captions.indexOf('Estimated emissions') + 1
		);
		expect(presented.notes).toEqual([presented.carbon.dominated]);
	});

	it('words the filters of a view, or says that there is none', () => {
		const base = dashboard();
		base.campaigns = [{ id: 'c1', name: 'Yeşil Dönüşüm 2026' }];
		expect(presentFilters(base, { campaign: 'c1' }, tr)).toEqual(['Kampanya: Yeşil Dönüşüm 2026']);
		expect(presentFilters(base, { sector: 'C' }, en)).toEqual(['Sector: C · Manufacturing']);
		expect(presentFilters(base, {}, en)).toEqual([en('dashboard.report_all')]);
	});

	it('words the unknown group and the respondents columns', () => {
		expect(groupName({}, null, tr)).toBe(tr('dashboard.unknown'));
		expect(groupName({}, 'Z', tr)).toBe('Z');
		expect(respondentColumns(en)).toHaveLength(4);
	});
});
