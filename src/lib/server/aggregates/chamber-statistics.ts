import type { ExpressionBuilder, Transaction } from 'kysely';
import { cbamLevels, type CbamLevel } from '../../carbon/cbam';
import { isLatest } from '../db/assessments';
import type { Db } from '../db/connect';
import type { AssessmentTable, Schema } from '../db/schema';
import { dominanceSuppression, withholdSplitTotal, type Dominance } from './dominance';
import {
	compareKeys,
	publishes,
	publishPartitions,
	suppressBreakdown,
	type Published,
	type Suppression
} from './suppression';

/**
 * What a chamber narrows its dashboard to: at most one field (see `singleFilter`); an absent field does not filter.
 */
export interface StatisticsFilters {
	campaignId?: string;
	/** NACE section letter. */
	sector?: string;
	sizeClass?: string;
	/** Licence-plate code. */
	province?: string;
}

export interface StatisticsOptions {
	minGroupSize: number;
	/** Maturity level ids, in order. */
	levels: readonly string[];
	/** Theme ids, in order. */
	themes: readonly string[];
	/** Ends the participation weeks of campaigns still open. */
	now?: Date;
	/** False skips the comparison with all chambers, the only part whose cost grows with the whole database. */
	compareAllChambers?: boolean;
}

export interface ThemeFigures {
	id: string;
	mean: number | null;
	median: number | null;
	/** Firms that scored the theme (where none of its questions applied, a firm has no score for it). */
	firms: number | null;
}

export interface LevelFigures {
	id: string;
	firms: number | null;
}

export interface ScoreBandFigures {
	min: number;
	max: number;
	firms: number | null;
}

/** One row of a breakdown by sector, size class or province; `key` null gathers firms that did not say. */
export interface GroupFigures {
	key: string | null;
	firms: number;
	overallMean: number | null;
}

/**
 * A breakdown by sector, size class or province: the groups it may show, and the rest merged into one line without
 * their keys, so that which withheld groups have firms is never told.
 */
export interface GroupBreakdown {
	groups: GroupFigures[];
	/** The view's firms in the withheld groups; null when there are none. */
	withheld: { firms: number; overallMean: number | null } | null;
}

/** The same view over every chamber's firms, campaign filter left out, for "compared with all chambers". */
export interface AllChambersFigures {
	suppressed: Suppression;
	firms: number | null;
	overallMean: number | null;
	themes: { id: string; mean: number | null }[];
}

export interface ParticipationWeek {
	campaignId: string;
	/** The Monday (UTC) the week starts, YYYY-MM-DD. */
	week: string;
	/** Assessments of the campaign started that week, submitted or not. */
	started: number | null;
	submitted: number | null;
}

/** Firms whose Scope 1 and 2 estimate totals `min` tonnes CO2e or more and less than `max` (no `max`: no limit). */
export interface EmissionBandFigures {
	min: number;
	max: number | null;
	firms: number | null;
}

export interface CbamExposureFigures {
	level: CbamLevel;
	firms: number | null;
}

/** Why a carbon figure is withheld: as any figure, or because one or two large emitters make up most of it. */
export type CarbonSuppression = Suppression | Dominance;

/**
 * The carbon estimate and the CBAM screen over the view's firms. The estimate covers the firms that entered energy
 * figures; its totals are tonnes CO2e, one decimal, and null either when withheld or when no firm has an estimate.
 */
export interface CarbonFigures {
	/** Firms of the view with a Scope 1 and 2 estimate. */
	firms: number | null;
	scope1: number | null;
	scope2: number | null;
	/** Scope 1 + Scope 2. */
	total: number | null;
	/** Why each figure above is withheld; null when it is shown or does not exist. */
	withheld: {
		firms: Suppression;
		scope1: CarbonSuppression;
		scope2: CarbonSuppression;
		total: CarbonSuppression;
	};
	/** Firms with an estimate per band of their total emissions, smallest first. */
	emissionBands: EmissionBandFigures[];
	/** Firms the CBAM screen placed at each level, in the order of `cbamLevels` (none to high). */
	cbamExposure: CbamExposureFigures[];
}

/**
 * A chamber's dashboard figures. Means and medians are 0–100 rounded to one decimal; `null` is a figure withheld
 * or one that does not exist (the mean of no firms). A count withheld in a list of fixed keys (levels, bands) is
 * null, and so is every count of that list that is not shown on its own, 0 included, so a dash never tells which
 * withheld cells have firms. When `suppressed` is set, every figure of the view is null and the breakdowns are
 * empty, but the ids stay so the page can still lay itself out and say why.
 */
export interface ChamberStatistics {
	firms: number | null;
	suppressed: Suppression;
	overall: { mean: number | null; median: number | null };
	themes: ThemeFigures[];
	levels: LevelFigures[];
	scoreBands: ScoreBandFigures[];
	bySector: GroupBreakdown;
	bySize: GroupBreakdown;
	byProvince: GroupBreakdown;
	carbon: CarbonFigures;
	/** Null when `compareAllChambers` is false. */
	allChambers: AllChambersFigures | null;
	/** Per campaign of the chamber (earliest opening first), per week; ignores sector, size and province. */
	participation: ParticipationWeek[];
}

/** A firm's latest submitted assessment, as far as the statistics need it. */
export interface Firm {
	campaignId: string | null;
	sector: string | null;
	sizeClass: string | null;
	province: string | null;
	overall: number;
	level: string;
	themes: Map<string, number>;
	/** Tonnes CO2e; both null when the firm entered no energy figures. */
	scope1: number | null;
	scope2: number | null;
	/** The CBAM screen's level; null when the firm was not screened. */
	cbam: string | null;
}

/** The score bands of the distribution chart: 0–20, 20–40, …, 80–100, with 100 in the last. */
const BAND_WIDTH = 20;
const BANDS = 5;

/** Tonnes CO2e between the emission bands: under 10 t, 10–100 t, 100–1,000 t, 1,000 t or more. */
const EMISSION_LIMITS = [10, 100, 1000];
const EMISSION_BANDS = EMISSION_LIMITS.length + 1;

const round = (value: number) => Math.round(value * 10) / 10;

function mean(values: readonly number[]): number | null {
	return values.length === 0
		? null
		: round(values.reduce((sum, value) => sum + value, 0) / values.length);
}

function median(values: readonly number[]): number | null {
	if (values.length === 0) return null;
	const sorted = [...values].sort((a, b) => a - b);
	const middle = sorted.length >> 1;
	return round(sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2);
}

type Assessments = ExpressionBuilder<Schema & { a: AssessmentTable }, 'a'>;

/**
 * Submitted assessments with a result, each firm once: one that a later submitted assessment re-assesses is left out
 * (the rule of `peerBenchmark`), so a firm counts with its latest result only.
 */
function counted(eb: Assessments) {
	return eb.and([
		eb('a.status', '=', 'submitted'),
		eb('a.submitted_at', 'is not', null),
		eb('a.overall_score', 'is not', null),
		eb('a.level', 'is not', null),
		isLatest(eb)
	]);
}

async function ownFirms(trx: Transaction<Schema>, chamberId: string): Promise<Firm[]> {
	const rows = await trx
		.selectFrom('assessment as a')
		.select([
			'a.id',
			'a.campaign_id',
			'a.sector',
			'a.size_class',
			'a.province',
			'a.overall_score',
			'a.level',
			'a.scope1_t',
			'a.scope2_t',
			'a.cbam_exposure'
		])
		.where('a.chamber_id', '=', chamberId)
		.where(counted)
		.execute();
	// Scores of superseded assessments come too and are dropped below, which is cheaper than a second anti-join.
	const scores = await trx
		.selectFrom('assessment_score as s')
		.innerJoin('assessment as a', 'a.id', 's.assessment_id')
		.select(['s.assessment_id', 's.theme_id', 's.score'])
		.where('a.chamber_id', '=', chamberId)
		.where('a.status', '=', 'submitted')
		.execute();
	const firms = new Map(
		rows.map((row): [string, Firm] => [
			row.id,
			{
				campaignId: row.campaign_id,
				sector: row.sector,
				sizeClass: row.size_class,
				province: row.province,
				overall: Number(row.overall_score),
				level: row.level!,
				themes: new Map(),
				scope1: row.scope1_t,
				scope2: row.scope2_t,
				cbam: row.cbam_exposure
			}
		])
	);
	for (const score of scores)
		firms.get(score.assessment_id)?.themes.set(score.theme_id, score.score);
	return [...firms.values()];
}

/** The filters, each comparing one of a firm's facts with a value. */
const DIMENSIONS = ['campaignId', 'sector', 'sizeClass', 'province'] as const;

type Dimension = (typeof DIMENSIONS)[number];

/** The filters the comparison with all chambers keeps (a campaign belongs to one chamber), with their columns. */
const COMPARED = { sector: 'a.sector', sizeClass: 'a.size_class', province: 'a.province' } as const;

/** The one filter of a view, if any. */
interface Filter {
	name: Dimension;
	value: string;
}

/**
 * The view's filter. Views combining two filters are refused: each is a cell of a two-way table, and requests could
 * then be made to nest around any small group; one filter at a time keeps every view a cell of `disclose`'s tables.
 */
function singleFilter(filters: StatisticsFilters): Filter | undefined {
	const set = DIMENSIONS.filter((name) => filters[name] !== undefined);
	if (set.length > 1) throw new RangeError(`at most one filter at a time: ${set.join(', ')}`);
	return set.length === 0 ? undefined : { name: set[0], value: filters[set[0]]! };
}

const hasEstimate = (firm: Firm) => firm.scope1 !== null && firm.scope2 !== null;

/** What a firm with an estimate contributes to each carbon total. */
const CARBON_TOTALS = {
	scope1: (firm: Firm) => firm.scope1!,
	scope2: (firm: Firm) => firm.scope2!,
	total: (firm: Firm) => firm.scope1! + firm.scope2!
};

type CarbonTotal = keyof typeof CARBON_TOTALS;

function emissionBandOf(tonnes: number): number {
	const band = EMISSION_LIMITS.findIndex((limit) => tonnes < limit);
	return band === -1 ? EMISSION_LIMITS.length : band;
}

function emissionBandLimits(band: number) {
	return { min: band === 0 ? 0 : EMISSION_LIMITS[band - 1], max: EMISSION_LIMITS[band] ?? null };
}

/** A partition of the firms as the figures read it: each firm's cell, and which cells any view may show. */
interface Table extends Published {
	keyOf: (firm: Firm) => string | null;
}

const yesNo = (yes: boolean) => (yes ? 'yes' : 'no');

/**
 * Every partition behind a published figure, in order of priority (`publishPartitions` hides cells of the later
 * ones first): who scored each theme and who has a carbon estimate (the headline means and totals), the maturity
 * levels, the dimensions a view may be filtered by, the emission and CBAM distributions, and last the score bands,
 * which tell least that the levels do not.
 */
function partitions(themes: readonly string[]): [string, (firm: Firm) => string | null][] {
	return [
		...themes.map((theme): [string, (firm: Firm) => string] => [
			`theme ${theme}`,
			(firm) => yesNo(firm.themes.has(theme))
		]),
		['estimate', (firm) => yesNo(hasEstimate(firm))],
		['level', (firm) => firm.level],
		...DIMENSIONS.map((name): [string, (firm: Firm) => string | null] => [
			name,
			(firm) => firm[name]
		]),
		[
			'emission',
			(firm) => (hasEstimate(firm) ? String(emissionBandOf(CARBON_TOTALS.total(firm))) : null)
		],
		['cbam', cbamKey],
		['band', (firm) => String(bandOf(firm.overall))]
	];
}

/** The chamber's tables, decided once over all its firms: every view shows cells of these and nothing finer. */
function disclose(firms: Firm[], options: StatisticsOptions): Map<string, Table> {
	const definitions = partitions(options.themes);
	const published = publishPartitions(
		firms.length,
		definitions.map(([, keyOf]) => firms.map(keyOf)),
		options.minGroupSize
	);
	return new Map(definitions.map(([name, keyOf], i) => [name, { keyOf, ...published[i] }]));
}

/** A shown view: its firms and the chamber's tables. */
interface OwnView {
	inView: Firm[];
	tables: Map<string, Table>;
	filter: Filter | undefined;
}

function countBy(firms: readonly Firm[], keyOf: (firm: Firm) => string | null) {
	const members = new Map<string | null, Firm[]>();
	for (const firm of firms) {
		const key = keyOf(firm);
		const list = members.get(key);
		if (list) list.push(firm);
		else members.set(key, [firm]);
	}
	return members;
}

/**
 * The view's firms per key of a list that is always shown whole (levels, bands). While the table withholds some
 * cells, every key not shown on its own is null, empty ones too: a dash among zeros would tell which have firms.
 */
function fixedBreakdown(view: OwnView, table: Table, keys: readonly (string | null)[]) {
	const members = countBy(view.inView, table.keyOf);
	const withholds = table.hidden.size > 0;
	return keys.map((key) => ({
		key,
		firms: table.shown.has(key) || !withholds ? (members.get(key)?.length ?? 0) : null
	}));
}

/** The view's firms per shown sector, size class or province, and those of the withheld ones as one line. */
function groupBreakdown(view: OwnView, table: Table): GroupBreakdown {
	const members = countBy(view.inView, table.keyOf);
	const figures = (firms: Firm[]) => ({
		firms: firms.length,
		overallMean: mean(firms.map((firm) => firm.overall))
	});
	const rest = view.inView.filter((firm) => table.hidden.has(table.keyOf(firm)));
	return {
		groups: [...members.keys()]
			.filter((key) => table.shown.has(key))
			.sort(compareKeys)
			.map((key) => ({ key, ...figures(members.get(key)!) })),
		withheld: rest.length === 0 ? null : figures(rest)
	};
}

function bandOf(score: number): number {
	return Math.min(BANDS - 1, Math.floor(score / BAND_WIDTH));
}

function bandLimits(band: number) {
	return { min: band * BAND_WIDTH, max: (band + 1) * BAND_WIDTH };
}

/** Why a subset of the view that its table does not publish is withheld: too few firms, or what it would isolate. */
function reason(firms: number, min: number): Suppression {
	return firms < min ? 'too_few' : 'filters_single_out';
}

/** A theme's figures over the view's firms that scored it, when its table tells scorers from the others. */
function themeFigures(view: OwnView, theme: string): ThemeFigures {
	if (!publishes(view.tables.get(`theme ${theme}`)!, (key) => key === 'yes')) {
		return { id: theme, mean: null, median: null, firms: null };
	}
	const scores: number[] = [];
	for (const firm of view.inView) {
		const score = firm.themes.get(theme);
		if (score !== undefined) scores.push(score);
	}
	return { id: theme, mean: mean(scores), median: median(scores), firms: scores.length };
}

/** The CBAM level a breakdown files a firm under; not screened (or an unknown level) is `null`. */
function cbamKey(firm: Firm): string | null {
	return (cbamLevels as readonly (string | null)[]).includes(firm.cbam) ? firm.cbam : null;
}

function withheldCarbon(suppressed: Suppression): Omit<CarbonFigures, 'cbamExposure'> {
	return {
		firms: null,
		scope1: null,
		scope2: null,
		total: null,
		withheld: { firms: suppressed, scope1: suppressed, scope2: suppressed, total: suppressed },
		emissionBands: Array.from({ length: EMISSION_BANDS }, (_, band) => ({
			...emissionBandLimits(band),
			firms: null
		}))
	};
}

/** Firms per CBAM level. Firms not screened are a cell too, left out of the result like its key. */
function cbamFigures(view: OwnView): CbamExposureFigures[] {
	return fixedBreakdown(view, view.tables.get('cbam')!, [...cbamLevels, null]).flatMap((cell) =>
		cell.key === null ? [] : [{ level: cell.key as CbamLevel, firms: cell.firms }]
	);
}

/**
 * The carbon figures of a shown view. The firms with an estimate are a cell of their own table, shown when it tells
 * them from the others, as a theme's scorers are. Each total must then pass the dominance rule, on its own and
 * against the unfiltered view.
 */
function carbonFigures(view: OwnView, firms: Firm[], min: number): CarbonFigures {
	const cbamExposure = cbamFigures(view);
	const members = view.inView.filter(hasEstimate);
	if (!publishes(view.tables.get('estimate')!, (key) => key === 'yes')) {
		return { ...withheldCarbon(reason(members.length, min)), cbamExposure };
	}
	const inView = new Set(view.inView);
	const conditions = view.filter === undefined ? 0 : 1;
	const dominance = (total: CarbonTotal) =>
		members.length === 0
			? null
			: dominanceSuppression(
					firms.filter(hasEstimate).map((firm) => ({
						meets: inView.has(firm) ? conditions : 0,
						value: CARBON_TOTALS[total](firm)
					})),
					conditions
				);
	const withheld = withholdSplitTotal({
		scope1: dominance('scope1'),
		scope2: dominance('scope2'),
		total: dominance('total')
	});
	const sum = (total: CarbonTotal) =>
		members.length === 0 || withheld[total] !== null
			? null
			: round(members.reduce((tonnes, firm) => tonnes + CARBON_TOTALS[total](firm), 0));
	return {
		firms: members.length,
		scope1: sum('scope1'),
		scope2: sum('scope2'),
		total: sum('total'),
		withheld: { firms: null, ...withheld },
		emissionBands: fixedBreakdown(
			view,
			view.tables.get('emission')!,
			Array.from({ length: EMISSION_BANDS }, (_, band) => String(band))
		).map((cell) => ({ ...emissionBandLimits(Number(cell.key)), firms: cell.firms })),
		cbamExposure
	};
}

const NO_GROUPS: GroupBreakdown = { groups: [], withheld: null };

/** Every figure withheld, ids kept, for a view that may not be shown. */
function withheldView(options: StatisticsOptions, suppressed: Suppression) {
	return {
		firms: null,
		suppressed,
		overall: { mean: null, median: null },
		themes: options.themes.map((id) => ({ id, mean: null, median: null, firms: null })),
		levels: options.levels.map((id) => ({ id, firms: null })),
		scoreBands: Array.from({ length: BANDS }, (_, band) => ({ ...bandLimits(band), firms: null })),
		bySector: NO_GROUPS,
		bySize: NO_GROUPS,
		byProvince: NO_GROUPS,
		carbon: {
			...withheldCarbon(suppressed),
			cbamExposure: cbamLevels.map((level) => ({ level, firms: null }))
		}
	};
}

/**
 * The chamber's own figures for a view with at most one filter, from all its firms: pure, so that a property test
 * can request every view over generated chambers. A filtered view is cell `value` of its dimension's table, shown
 * exactly when that cell is (a cell and its view always agree); its breakdowns are rows of two-way tables whose
 * cells are unions of `publishPartitions`' atoms, so no figure of any view is finer than those.
 */
export function ownFigures(firms: Firm[], filters: StatisticsFilters, options: StatisticsOptions) {
	const min = options.minGroupSize;
	const filter = singleFilter(filters);
	if (firms.length > 0 && firms.length < min) return withheldView(options, 'too_few');
	const tables = disclose(firms, options);
	const inView = filter ? firms.filter((firm) => firm[filter.name] === filter.value) : firms;
	if (filter) {
		const table = tables.get(filter.name)!;
		if (!table.shown.has(filter.value) && table.hidden.size > 0) {
			return withheldView(options, reason(inView.length, min));
		}
	}
	const view: OwnView = { inView, tables, filter };
	const overall = inView.map((firm) => firm.overall);
	const levels = tables.get('level')!;
	const known = new Set(options.levels);
	const levelKeys = [
		...options.levels,
		...[...levels.shown].filter((id) => !known.has(id as string)).sort(compareKeys)
	];
	return {
		firms: inView.length,
		suppressed: null,
		overall: { mean: mean(overall), median: median(overall) },
		themes: options.themes.map((theme) => themeFigures(view, theme)),
		levels: fixedBreakdown(view, levels, levelKeys).map((cell) => ({
			id: cell.key!,
			firms: cell.firms
		})),
		scoreBands: fixedBreakdown(
			view,
			tables.get('band')!,
			Array.from({ length: BANDS }, (_, band) => String(band))
		).map((cell) => ({ ...bandLimits(Number(cell.key)), firms: cell.firms })),
		bySector: groupBreakdown(view, tables.get('sector')!),
		bySize: groupBreakdown(view, tables.get('sizeClass')!),
		byProvince: groupBreakdown(view, tables.get('province')!),
		carbon: carbonFigures(view, firms, min)
	};
}

/** All chambers' firms (or theme scores) in and outside the compared view: count and sum of scores. */
interface NationalGroup {
	inView: boolean;
	firms: number;
	total: number;
}

/** The filter the comparison keeps: a campaign is the chamber's own, so its view is compared with every firm. */
function comparedFilter(filter: Filter | undefined) {
	return filter === undefined || filter.name === 'campaignId'
		? undefined
		: { column: COMPARED[filter.name], value: filter.value, name: filter.name };
}

async function nationalGroups(trx: Transaction<Schema>, filter: Filter | undefined) {
	const compared = comparedFilter(filter);
	const flagged = trx
		.selectFrom('assessment as a')
		.where('a.chamber_id', 'is not', null)
		.where(counted)
		.select((eb) => [
			'a.id',
			'a.overall_score',
			// Without a filter every firm is in the view, so the flag is a constant 1.
			(compared === undefined
				? eb.lit(1)
				: eb.case().when(compared.column, '=', compared.value).then(eb.lit(1)).else(eb.lit(0)).end()
			).as('meets')
		])
		.as('f');
	const firms = await trx
		.selectFrom(flagged)
		.select((eb) => [
			'f.meets',
			eb.fn.countAll<number>().as('firms'),
			eb.fn.sum<number>('f.overall_score').as('total')
		])
		.groupBy('f.meets')
		.execute();
	const themes = await trx
		.selectFrom(flagged)
		.innerJoin('assessment_score as s', 's.assessment_id', 'f.id')
		.select((eb) => [
			's.theme_id',
			'f.meets',
			eb.fn.countAll<number>().as('firms'),
			eb.fn.sum<number>('s.score').as('total')
		])
		.groupBy(['s.theme_id', 'f.meets'])
		.execute();
	const group = (row: (typeof firms)[number]): NationalGroup => ({
		inView: Number(row.meets) === 1,
		firms: Number(row.firms),
		total: Number(row.total)
	});
	const byTheme = new Map<string, NationalGroup[]>();
	for (const row of themes) {
		const list = byTheme.get(row.theme_id) ?? [];
		list.push(group(row));
		byTheme.set(row.theme_id, list);
	}
	return { firms: firms.map(group), byTheme };
}

/**
 * The guard of a figure over all chambers. The chamber can subtract its own firms from it, so the other chambers'
 * firms in the view must number at least `min` on their own, and those the filter leaves out (the unfiltered
 * comparison minus this one) none or at least `min`.
 */
function nationalSuppression(
	all: readonly NationalGroup[],
	own: readonly Firm[],
	inView: (firm: Firm) => boolean,
	min: number
): Suppression {
	const count = (inside: boolean) =>
		all.filter((group) => group.inView === inside).reduce((sum, group) => sum + group.firms, 0) -
		own.filter((firm) => inView(firm) === inside).length;
	const outside = count(false);
	if (count(true) < min) return 'too_few';
	return outside > 0 && outside < min ? 'filters_single_out' : null;
}

async function allChambersFigures(
	trx: Transaction<Schema>,
	firms: Firm[],
	filters: StatisticsFilters,
	options: StatisticsOptions
): Promise<AllChambersFigures> {
	const filter = singleFilter(filters);
	const national = await nationalGroups(trx, filter);
	const compared = comparedFilter(filter);
	const inView = (firm: Firm) => compared === undefined || firm[compared.name] === compared.value;
	const min = options.minGroupSize;
	const meanOf = (groups: readonly NationalGroup[]) => {
		const shown = groups.filter((group) => group.inView);
		const firmCount = shown.reduce((sum, group) => sum + group.firms, 0);
		return firmCount === 0
			? null
			: round(shown.reduce((sum, group) => sum + group.total, 0) / firmCount);
	};

	const suppressed = nationalSuppression(national.firms, firms, inView, min);
	if (suppressed !== null) {
		return {
			suppressed,
			firms: null,
			overallMean: null,
			themes: options.themes.map((id) => ({ id, mean: null }))
		};
	}
	return {
		suppressed,
		firms: national.firms
			.filter((group) => group.inView)
			.reduce((sum, group) => sum + group.firms, 0),
		overallMean: meanOf(national.firms),
		themes: options.themes.map((id) => {
			const groups = national.byTheme.get(id) ?? [];
			const scored = firms.filter((firm) => firm.themes.has(id));
			const hidden = nationalSuppression(groups, scored, inView, min) !== null;
			return { id, mean: hidden ? null : meanOf(groups) };
		})
	};
}

/** The Monday (UTC) of the week an ISO timestamp or date falls in. */
function weekOf(instant: string): string {
	const day = new Date(`${instant.slice(0, 10)}T00:00:00Z`);
	day.setUTCDate(day.getUTCDate() - ((day.getUTCDay() + 6) % 7));
	return day.toISOString().slice(0, 10);
}

function nextWeek(week: string): string {
	const day = new Date(`${week}T00:00:00Z`);
	day.setUTCDate(day.getUTCDate() + 7);
	return day.toISOString().slice(0, 10);
}

/**
 * Weekly starts and submissions per campaign. Within a campaign each series gets primary and complementary
 * suppression, as its sum can be worked out elsewhere (the campaign's firm count).
 */
async function participation(
	trx: Transaction<Schema>,
	chamberId: string,
	filters: StatisticsFilters,
	min: number,
	now: Date
): Promise<ParticipationWeek[]> {
	let campaignQuery = trx
		.selectFrom('campaign')
		.select(['id', 'opens_at', 'closes_at'])
		.where('chamber_id', '=', chamberId);
	let activityQuery = trx
		.selectFrom('assessment')
		.select(['campaign_id', 'created_at', 'submitted_at'])
		.where('chamber_id', '=', chamberId)
		.where('campaign_id', 'is not', null);
	if (filters.campaignId !== undefined) {
		campaignQuery = campaignQuery.where('id', '=', filters.campaignId);
		activityQuery = activityQuery.where('campaign_id', '=', filters.campaignId);
	}
	const campaigns = await campaignQuery.orderBy('opens_at').orderBy('id').execute();
	const activity = await activityQuery.execute();

	const weeks = new Map<string, Map<string, { started: number; submitted: number }>>(
		campaigns.map((campaign) => [campaign.id, new Map()])
	);
	const count = (campaignId: string, week: string) => {
		const series = weeks.get(campaignId);
		let counts = series?.get(week);
		if (series && !counts) series.set(week, (counts = { started: 0, submitted: 0 }));
		return counts;
	};
	const nowIso = now.toISOString();
	// Thousands of rows fall on a few hundred days: compute each day's week once.
	const weeksOfDays = new Map<string, string>();
	const weekOfDay = (instant: string) => {
		const day = instant.slice(0, 10);
		let week = weeksOfDays.get(day);
		if (week === undefined) weeksOfDays.set(day, (week = weekOf(day)));
		return week;
	};
	for (const campaign of campaigns) {
		// The weeks the campaign was open so far, so that quiet weeks show as 0 rather than vanish.
		const end =
			campaign.closes_at !== null && campaign.closes_at < nowIso ? campaign.closes_at : nowIso;
		if (end <= campaign.opens_at) continue;
		const lastOpen = weekOf(new Date(Date.parse(end) - 1).toISOString());
		for (let week = weekOf(campaign.opens_at); week <= lastOpen; week = nextWeek(week)) {
			count(campaign.id, week);
		}
	}
	for (const row of activity) {
		const started = count(row.campaign_id!, weekOfDay(row.created_at));
		if (started) started.started += 1;
		if (row.submitted_at === null) continue;
		const submitted = count(row.campaign_id!, weekOfDay(row.submitted_at));
		if (submitted) submitted.submitted += 1;
	}
	return campaigns.flatMap((campaign) => {
		const series = [...weeks.get(campaign.id)!].sort();
		const started = suppressBreakdown(
			series.map(([week, counts]) => ({ key: week, firms: counts.started })),
			min
		);
		const submitted = suppressBreakdown(
			series.map(([week, counts]) => ({ key: week, firms: counts.submitted })),
			min
		);
		return series.map(([week], i) => ({
			campaignId: campaign.id,
			week,
			started: started[i].firms,
			submitted: submitted[i].firms
		}));
	});
}

/** One snapshot for every query of a report, so the figures and their guards agree with each other. */
function snapshot<T>(db: Db, read: (trx: Transaction<Schema>) => Promise<T>): Promise<T> {
	return db
		.transaction()
		.setIsolationLevel('repeatable read')
		.setAccessMode('read only')
		.execute(read);
}

/**
 * A chamber's dashboard statistics over its own campaigns' submitted assessments, with every rule of disclosure
 * control applied, so the page, the API, the CSV and the PDF can only ever publish what this returns. `chamberId`
 * must come from the signed-in chamber, never from the request; every query is restricted to it except the
 * comparison with all chambers, which only leaves this function as guarded totals. All queries read one snapshot.
 */
export async function chamberStatistics(
	db: Db,
	chamberId: string,
	filters: StatisticsFilters,
	options: StatisticsOptions
): Promise<ChamberStatistics> {
	singleFilter(filters);
	const { minGroupSize: min, now = new Date(), compareAllChambers = true } = options;
	return snapshot(db, async (trx) => {
		const firms = await ownFirms(trx, chamberId);
		const own = ownFigures(firms, filters, options);
		return {
			...own,
			allChambers: compareAllChambers
				? await allChambersFigures(trx, firms, filters, options)
				: null,
			participation: await participation(trx, chamberId, filters, min, now)
		};
	});
}

/**
 * The comparison with all chambers on its own, the same figures as `chamberStatistics` returns in `allChambers`. It
 * reads the whole database, so a page may call `chamberStatistics` without it and stream this one afterwards.
 */
export async function allChambersComparison(
	db: Db,
	chamberId: string,
	filters: StatisticsFilters,
	options: StatisticsOptions
): Promise<AllChambersFigures> {
	singleFilter(filters);
	return snapshot(db, async (trx) =>
		allChambersFigures(trx, await ownFirms(trx, chamberId), filters, options)
	);
}
