import { sql, type AliasableExpression, type ExpressionBuilder, type Transaction } from 'kysely';
import { cbamLevels, type CbamLevel } from '../../carbon/cbam';
import { isLatest } from '../db/assessments';
import type { Db } from '../db/connect';
import type { AssessmentTable, Schema } from '../db/schema';
import { dominanceSuppression, withholdSplitTotal, type Dominance } from './dominance';
import {
	compareKeys,
	suppressBreakdown,
	viewSuppression,
	type FirmGroup,
	type Period,
	type Suppression
} from './suppression';

/** What a chamber narrows its dashboard to; an absent field does not filter. */
export interface StatisticsFilters {
	campaignId?: string;
	/** NACE section letter. */
	sector?: string;
	sizeClass?: string;
	/** Licence-plate code. */
	province?: string;
	/** First and last day (YYYY-MM-DD, inclusive, UTC) of submission. */
	from?: string;
	to?: string;
}

export interface StatisticsOptions {
	minGroupSize: number;
	/** Maturity level ids, in order. */
	levels: readonly string[];
	/** Theme ids, in order. */
	themes: readonly string[];
	/** Ends the participation weeks of campaigns still open. */
	now?: Date;
	/**
	 * What a period's bounds may cut: any day (the default), or only whole months, when `from` must be the first and
	 * `to` the last day of a month. Moving a bound adds the firms of one unit at least, so months leave far more
	 * period views safe to show than days do.
	 */
	periodUnit?: 'day' | 'month';
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
	firms: number | null;
	overallMean: number | null;
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
 * or one that does not exist (the mean of no firms). When `suppressed` is set, every figure of the view is null and
 * the breakdowns are empty, but the ids stay so the page can still lay itself out and say why.
 */
export interface ChamberStatistics {
	firms: number | null;
	suppressed: Suppression;
	overall: { mean: number | null; median: number | null };
	themes: ThemeFigures[];
	levels: LevelFigures[];
	scoreBands: ScoreBandFigures[];
	bySector: GroupFigures[];
	bySize: GroupFigures[];
	byProvince: GroupFigures[];
	carbon: CarbonFigures;
	/** Null when `compareAllChambers` is false. */
	allChambers: AllChambersFigures | null;
	/** Per campaign of the chamber (earliest opening first), per week; ignores sector, size and province. */
	participation: ParticipationWeek[];
}

/** The filters that compare one of a firm's facts with a value, in the order they become condition bits. */
const DIMENSIONS = ['campaignId', 'sector', 'sizeClass', 'province'] as const;

/** The filters the comparison with all chambers keeps (a campaign belongs to one chamber). */
const COMPARED = ['sector', 'sizeClass', 'province'] as const;

type Dimension = (typeof DIMENSIONS)[number];

/** A firm's latest submitted assessment, as far as the statistics need it. */
export interface Firm {
	campaignId: string | null;
	sector: string | null;
	sizeClass: string | null;
	province: string | null;
	day: string;
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

const DAY = /^\d{4}-\d{2}-\d{2}$/;

function checkDay(day: string | undefined): void {
	if (day === undefined) return;
	const parsed = new Date(`${day}T00:00:00Z`);
	if (!DAY.test(day) || Number.isNaN(parsed.getTime()) || !parsed.toISOString().startsWith(day)) {
		throw new RangeError(`not a date (YYYY-MM-DD): ${day}`);
	}
}

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
			'a.submitted_at',
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
				day: row.submitted_at!.slice(0, 10),
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

/** The active filters other than the period, each as a test of a firm; bit i of a pattern is test i. */
function conditions(filters: StatisticsFilters, dimensions: readonly Dimension[]) {
	return dimensions
		.filter((name) => filters[name] !== undefined)
		.map((name) => (firm: Firm) => firm[name] === filters[name]);
}

function pattern(firm: Firm, tests: readonly ((firm: Firm) => boolean)[]): number {
	return tests.reduce((meets, test, bit) => (test(firm) ? meets | (1 << bit) : meets), 0);
}

/**
 * The period as the guard sees it, in the unit bounds may cut (`bucket` turns a day into that unit). Without a period
 * every firm is in the same bucket, so that tallies stay small.
 */
function guardPeriod(filters: StatisticsFilters, options: StatisticsOptions) {
	const month = options.periodUnit === 'month';
	const dated = filters.from !== undefined || filters.to !== undefined;
	const bucket = (day: string) => (!dated ? '' : month ? day.slice(0, 7) : day);
	const period: Period = {
		from: filters.from === undefined ? undefined : bucket(filters.from),
		to: filters.to === undefined ? undefined : bucket(filters.to)
	};
	return { period, bucket, dated, month };
}

function inPeriod(day: string, period: Period): boolean {
	return (
		(period.from === undefined || day >= period.from) &&
		(period.to === undefined || day <= period.to)
	);
}

/** Firms counted by pattern and day: what the guard reads, and far fewer entries than firms. */
function tally(entries: Iterable<{ meets: number; day: string }>): FirmGroup[] {
	const groups = new Map<string, FirmGroup>();
	for (const { meets, day } of entries) {
		const key = `${meets} ${day}`;
		const group = groups.get(key);
		if (group) group.firms += 1;
		else groups.set(key, { meets, day, firms: 1 });
	}
	return [...groups.values()];
}

/** The chamber's view: every firm's pattern over the view's conditions and the firms in the view. */
interface OwnView {
	firms: Firm[];
	/** Per firm, with the day in the period's unit (see `guardPeriod`). */
	patterns: { meets: number; day: string }[];
	inView: Firm[];
	conditions: number;
	period: Period;
	min: number;
}

function ownView(firms: Firm[], filters: StatisticsFilters, options: StatisticsOptions): OwnView {
	const tests = conditions(filters, DIMENSIONS);
	const { period, bucket } = guardPeriod(filters, options);
	const full = (1 << tests.length) - 1;
	const patterns = firms.map((firm) => ({ meets: pattern(firm, tests), day: bucket(firm.day) }));
	const days = { from: filters.from, to: filters.to };
	return {
		firms,
		patterns,
		inView: firms.filter((firm, i) => patterns[i].meets === full && inPeriod(firm.day, days)),
		conditions: tests.length,
		period,
		min: options.minGroupSize
	};
}

/**
 * A breakdown of the view by `keyOf`. A cell is the view narrowed by one more condition, so it must pass the guard a
 * view with that filter would; and as the hidden cells together are the total minus the shown ones, so must their
 * union. Primary and complementary suppression do the rest.
 */
function breakdown<T extends { key: string | null; firms: number }>(
	view: OwnView,
	keys: readonly (string | null)[],
	keyOf: (firm: Firm) => string | null,
	figures: (key: string | null, firms: Firm[]) => T
) {
	const patternsByKey = new Map<string | null, { meets: number; day: string }[]>();
	view.firms.forEach((firm, i) => {
		const key = keyOf(firm);
		const list = patternsByKey.get(key);
		if (list) list.push(view.patterns[i]);
		else patternsByKey.set(key, [view.patterns[i]]);
	});
	const groupsByKey = [...patternsByKey].map(([key, list]) => [key, tally(list)] as const);
	const bit = 1 << view.conditions;
	const unsafe = (cells: readonly T[]) => {
		const keySet = new Set(cells.map((cell) => cell.key));
		const groups = groupsByKey.flatMap(([key, list]) =>
			keySet.has(key) ? list.map((group) => ({ ...group, meets: group.meets | bit })) : list
		);
		return viewSuppression(groups, view.conditions + 1, view.period, view.min) !== null;
	};
	const members = new Map<string | null, Firm[]>(keys.map((key) => [key, []]));
	for (const firm of view.inView) members.get(keyOf(firm))?.push(firm);
	const cells = keys.map((key) => figures(key, members.get(key)!));
	return suppressBreakdown(cells, view.min, unsafe);
}

function groupFigures(view: OwnView, keyOf: (firm: Firm) => string | null): GroupFigures[] {
	const keys = [...new Set(view.inView.map(keyOf))].sort(compareKeys);
	return breakdown(view, keys, keyOf, (key, firms) => ({
		key,
		firms: firms.length,
		overallMean: mean(firms.map((firm) => firm.overall))
	}));
}

function bandOf(score: number): number {
	return Math.min(BANDS - 1, Math.floor(score / BAND_WIDTH));
}

function themeFigures(view: OwnView, theme: string): ThemeFigures {
	const groups = tally(view.patterns.filter((_, i) => view.firms[i].themes.has(theme)));
	if (viewSuppression(groups, view.conditions, view.period, view.min) !== null) {
		return { id: theme, mean: null, median: null, firms: null };
	}
	const scores: number[] = [];
	for (const firm of view.inView) {
		const score = firm.themes.get(theme);
		if (score !== undefined) scores.push(score);
	}
	return { id: theme, mean: mean(scores), median: median(scores), firms: scores.length };
}

function bandLimits(band: number) {
	return { min: band * BAND_WIDTH, max: (band + 1) * BAND_WIDTH };
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

/** The CBAM level a breakdown files a firm under; not screened (or an unknown level) is `null`. */
function cbamKey(firm: Firm): string | null {
	return (cbamLevels as readonly (string | null)[]).includes(firm.cbam) ? firm.cbam : null;
}

/**
 * Firms per CBAM level. Firms not screened are a cell too, left out of the result: the levels alone add up to fewer
 * firms than the view, so the rest could be worked out and must be guarded like any cell.
 */
function cbamFigures(view: OwnView): CbamExposureFigures[] {
	const count = (key: string | null, members: Firm[]) => ({ key, firms: members.length });
	return breakdown(view, [...cbamLevels, null], cbamKey, count).flatMap((cell) =>
		cell.key === null ? [] : [{ level: cell.key as CbamLevel, firms: cell.firms }]
	);
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

/**
 * The carbon figures of a shown view. The firms with an estimate are a subset of the view, guarded as a theme's
 * scorers are (`themeFigures`), so that neither their count nor their totals can be narrowed down to fewer than `min`
 * firms by comparing views. Each total must then pass the dominance rule, on its own and against every wider view.
 */
function carbonFigures(view: OwnView): CarbonFigures {
	const cbamExposure = cbamFigures(view);
	const estimated = view.firms.flatMap((firm, i) => (hasEstimate(firm) ? [i] : []));
	const groups = tally(estimated.map((i) => view.patterns[i]));
	const suppressed = viewSuppression(groups, view.conditions, view.period, view.min);
	if (suppressed !== null) return { ...withheldCarbon(suppressed), cbamExposure };
	const members = view.inView.filter(hasEstimate);
	const dominance = (total: CarbonTotal) =>
		members.length === 0
			? null
			: dominanceSuppression(
					estimated.map((i) => ({
						...view.patterns[i],
						value: CARBON_TOTALS[total](view.firms[i])
					})),
					view.conditions,
					view.period
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
	const count = (key: string | null, firms: Firm[]) => ({ key, firms: firms.length });
	return {
		firms: members.length,
		scope1: sum('scope1'),
		scope2: sum('scope2'),
		total: sum('total'),
		withheld: { firms: null, ...withheld },
		emissionBands: breakdown(
			view,
			Array.from({ length: EMISSION_BANDS }, (_, band) => String(band)),
			(firm) => (hasEstimate(firm) ? String(emissionBandOf(CARBON_TOTALS.total(firm))) : null),
			count
		).map((cell) => ({ ...emissionBandLimits(Number(cell.key)), firms: cell.firms })),
		cbamExposure
	};
}

/** Every figure withheld, ids kept, for a view that may not be shown. */
function withheldView(options: StatisticsOptions, suppressed: Suppression) {
	return {
		firms: null,
		suppressed,
		overall: { mean: null, median: null },
		themes: options.themes.map((id) => ({ id, mean: null, median: null, firms: null })),
		levels: options.levels.map((id) => ({ id, firms: null })),
		scoreBands: Array.from({ length: BANDS }, (_, band) => ({ ...bandLimits(band), firms: null })),
		bySector: [],
		bySize: [],
		byProvince: [],
		carbon: {
			...withheldCarbon(suppressed),
			cbamExposure: cbamLevels.map((level) => ({ level, firms: null }))
		}
	};
}

export function ownFigures(firms: Firm[], filters: StatisticsFilters, options: StatisticsOptions) {
	const view = ownView(firms, filters, options);
	const suppressed = viewSuppression(tally(view.patterns), view.conditions, view.period, view.min);
	if (suppressed !== null) return withheldView(options, suppressed);
	const overall = view.inView.map((firm) => firm.overall);
	const known = new Set(options.levels);
	const levelKeys = [
		...options.levels,
		...[...new Set(view.inView.map((firm) => firm.level))].filter((id) => !known.has(id)).sort()
	];
	const count = (key: string | null, members: Firm[]) => ({ key, firms: members.length });
	return {
		firms: view.inView.length,
		suppressed,
		overall: { mean: mean(overall), median: median(overall) },
		themes: options.themes.map((theme) => themeFigures(view, theme)),
		levels: breakdown(view, levelKeys, (firm) => firm.level, count).map((cell) => ({
			id: cell.key!,
			firms: cell.firms
		})),
		scoreBands: breakdown(
			view,
			Array.from({ length: BANDS }, (_, band) => String(band)),
			(firm) => String(bandOf(firm.overall)),
			count
		).map((cell) => ({ ...bandLimits(Number(cell.key)), firms: cell.firms })),
		bySector: groupFigures(view, (firm) => firm.sector),
		bySize: groupFigures(view, (firm) => firm.sizeClass),
		byProvince: groupFigures(view, (firm) => firm.province),
		carbon: carbonFigures(view)
	};
}

/** All chambers' firms (or theme scores) grouped by which comparison filters they meet and, for a period, by day. */
interface NationalGroup extends FirmGroup {
	total: number;
}

/** Turns a row's per-filter flags (1 = meets it) into a pattern over the active filters, as `conditions` does. */
function nationalPattern(
	row: Record<(typeof COMPARED)[number], number>,
	filters: StatisticsFilters
) {
	return COMPARED.filter((name) => filters[name] !== undefined).reduce(
		(meets, name, bit) => (Number(row[name]) === 1 ? meets | (1 << bit) : meets),
		0
	);
}

async function nationalGroups(
	trx: Transaction<Schema>,
	filters: StatisticsFilters,
	options: StatisticsOptions
) {
	const { dated, month } = guardPeriod(filters, options);
	const flagged = trx
		.selectFrom('assessment as a')
		.where('a.chamber_id', 'is not', null)
		.where(counted)
		.select((eb) => {
			// A filter not in use is met by every firm, so its flag is a constant 1.
			const flag = (column: 'a.sector' | 'a.size_class' | 'a.province', value?: string) =>
				value === undefined
					? eb.lit(1)
					: eb.case().when(column, '=', value).then(eb.lit(1)).else(eb.lit(0)).end();
			// Days (or months) only matter to a period's edges; without one they would just multiply the rows.
			const day: AliasableExpression<string> = dated
				? eb.fn<string>('substr', ['a.submitted_at', eb.lit(1), eb.lit(month ? 7 : 10)])
				: sql<string>`''`;
			return [
				'a.id',
				'a.overall_score',
				flag('a.sector', filters.sector).as('sector'),
				flag('a.size_class', filters.sizeClass).as('sizeClass'),
				flag('a.province', filters.province).as('province'),
				day.as('day')
			];
		})
		.as('f');
	const firms = await trx
		.selectFrom(flagged)
		.select((eb) => [
			'f.sector',
			'f.sizeClass',
			'f.province',
			'f.day',
			eb.fn.countAll<number>().as('firms'),
			eb.fn.sum<number>('f.overall_score').as('total')
		])
		.groupBy(['f.sector', 'f.sizeClass', 'f.province', 'f.day'])
		.execute();
	const themes = await trx
		.selectFrom(flagged)
		.innerJoin('assessment_score as s', 's.assessment_id', 'f.id')
		.select((eb) => [
			's.theme_id',
			'f.sector',
			'f.sizeClass',
			'f.province',
			'f.day',
			eb.fn.countAll<number>().as('firms'),
			eb.fn.sum<number>('s.score').as('total')
		])
		.groupBy(['s.theme_id', 'f.sector', 'f.sizeClass', 'f.province', 'f.day'])
		.execute();
	const group = (row: (typeof firms)[number]): NationalGroup => ({
		meets: nationalPattern(row, filters),
		day: row.day,
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

/** The other chambers' share of each group: all chambers' groups minus this chamber's. */
function subtract(all: readonly FirmGroup[], own: readonly FirmGroup[]): FirmGroup[] {
	const key = (group: FirmGroup) => `${group.meets} ${group.day}`;
	const rest = new Map(all.map((group) => [key(group), { ...group }]));
	for (const group of own) {
		const other = rest.get(key(group));
		if (other) other.firms -= group.firms;
	}
	return [...rest.values()];
}

/**
 * The guard of a figure over all chambers. The chamber can subtract its own figures from it, so besides the usual
 * guard on all firms, the other chambers' firms must pass it on their own; and when there are none, the figure is
 * the chamber's own and must pass the chamber's guard.
 */
function nationalSuppression(
	all: readonly FirmGroup[],
	own: readonly FirmGroup[],
	conditions: number,
	period: Period,
	min: number
): Suppression {
	const others = subtract(all, own);
	const full = (1 << conditions) - 1;
	const othersInView = others
		.filter((group) => group.meets === full && inPeriod(group.day, period))
		.reduce((sum, group) => sum + group.firms, 0);
	return (
		viewSuppression(all, conditions, period, min) ??
		viewSuppression(others, conditions, period, min) ??
		(othersInView === 0 ? viewSuppression(own, conditions, period, min) : null)
	);
}

async function allChambersFigures(
	trx: Transaction<Schema>,
	firms: Firm[],
	filters: StatisticsFilters,
	options: StatisticsOptions
): Promise<AllChambersFigures> {
	const national = await nationalGroups(trx, filters, options);
	const tests = conditions(filters, COMPARED);
	const { period, bucket } = guardPeriod(filters, options);
	const min = options.minGroupSize;
	const full = (1 << tests.length) - 1;
	const own = (members: Firm[]) =>
		members.map((firm) => ({ meets: pattern(firm, tests), day: bucket(firm.day), firms: 1 }));
	const inView = (groups: readonly NationalGroup[]) =>
		groups.filter((group) => group.meets === full && inPeriod(group.day, period));
	const meanOf = (groups: readonly NationalGroup[]) => {
		const firmCount = groups.reduce((sum, group) => sum + group.firms, 0);
		return firmCount === 0
			? null
			: round(groups.reduce((sum, group) => sum + group.total, 0) / firmCount);
	};

	const suppressed = nationalSuppression(national.firms, own(firms), tests.length, period, min);
	if (suppressed !== null) {
		return {
			suppressed,
			firms: null,
			overallMean: null,
			themes: options.themes.map((id) => ({ id, mean: null }))
		};
	}
	const shown = inView(national.firms);
	return {
		suppressed,
		firms: shown.reduce((sum, group) => sum + group.firms, 0),
		overallMean: meanOf(shown),
		themes: options.themes.map((id) => {
			const groups = national.byTheme.get(id) ?? [];
			const scored = own(firms.filter((firm) => firm.themes.has(id)));
			const hidden = nationalSuppression(groups, scored, tests.length, period, min) !== null;
			return { id, mean: hidden ? null : meanOf(inView(groups)) };
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
 * Weekly starts and submissions per campaign. A period selects whole weeks (those it touches) rather than cutting
 * one, since two periods cutting the same week differently would differ by a few days' submissions. Within a
 * campaign each series gets primary and complementary suppression, as its sum can be worked out elsewhere (the
 * campaign's firm count).
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

	const firstWeek = filters.from === undefined ? undefined : weekOf(filters.from);
	const lastWeek = filters.to === undefined ? undefined : weekOf(filters.to);
	const listed = (week: string) =>
		(firstWeek === undefined || week >= firstWeek) && (lastWeek === undefined || week <= lastWeek);
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
		const series = [...weeks.get(campaign.id)!].filter(([week]) => listed(week)).sort();
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

function checkFilters(filters: StatisticsFilters, options: StatisticsOptions): void {
	checkDay(filters.from);
	checkDay(filters.to);
	if (options.periodUnit !== 'month') return;
	if (filters.from !== undefined && !filters.from.endsWith('-01')) {
		throw new RangeError(`not the first day of a month: ${filters.from}`);
	}
	const next = filters.to === undefined ? undefined : new Date(`${filters.to}T00:00:00Z`);
	next?.setUTCDate(next.getUTCDate() + 1);
	if (next !== undefined && next.getUTCDate() !== 1) {
		throw new RangeError(`not the last day of a month: ${filters.to}`);
	}
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
	checkFilters(filters, options);
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
	checkFilters(filters, options);
	return snapshot(db, async (trx) =>
		allChambersFigures(trx, await ownFirms(trx, chamberId), filters, options)
	);
}
