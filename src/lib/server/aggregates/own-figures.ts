import {
	carbonFigures,
	cbamKey,
	cbamReadinessKey,
	emissionKey,
	hasEstimate,
	withheldCarbonFigures
} from './carbon';
import { FilterAtoms } from './filter-atoms';
import { discloseNeeds, needFigures, NO_NEEDS } from './needs';
import { compareKeys, publishes, publishPartitions, type Suppression } from './suppression';
import { discloseSupplyDemand, supplyDemandFigures } from './symbiosis';
import { monthKey, monthlyTrends } from './trends';
import type {
	Firm,
	GroupBreakdown,
	StatisticsFilters,
	StatisticsOptions,
	ThemeFigures
} from './types';
import {
	DIMENSIONS,
	countBy,
	fixedBreakdown,
	groupOrder,
	mean,
	mergeWithheld,
	median,
	reason,
	singleFilter,
	type OwnView,
	type Table
} from './view';

/*
 * A chamber's own figures for one view, computed from its firms alone: no database, so every view can be tested.
 */

/** The score bands of the distribution chart: 0–20, 20–40, …, 80–100, with 100 in the last. */
const BAND_WIDTH = 20;
const BANDS = 5;

const yesNo = (yes: boolean) => (yes ? 'yes' : 'no');

/**
 * Every partition behind a published figure, in order of priority (`publishPartitions` hides cells of the later
 * ones first): who scored each theme (the headline means), the maturity levels, who has a carbon estimate, the
 * dimensions a view may be filtered by, the emission and CBAM distributions (exposure, then readiness), the score
 * bands, which tell least that the levels do not, and last the month of the latest submission (trends; added last,
 * it changes no cell of the others). The levels come before the estimate: the estimate splits every later cell in
 * two (about two firms in five enter energy figures), and ahead of the levels that split alone hid the whole
 * maturity distribution of most chambers and of every filtered view; after them it costs at worst the carbon totals.
 */
function partitions(themes: readonly string[]): [string, (firm: Firm) => string | null][] {
	return [
		...themes.map((theme): [string, (firm: Firm) => string] => [
			`theme ${theme}`,
			(firm) => yesNo(firm.themes.has(theme))
		]),
		['level', (firm) => firm.level],
		['estimate', (firm) => yesNo(hasEstimate(firm))],
		...DIMENSIONS.map((name): [string, (firm: Firm) => string | null] => [
			name,
			(firm) => firm[name]
		]),
		['emission', emissionKey],
		['cbam', cbamKey],
		['cbam_readiness', cbamReadinessKey],
		['band', (firm) => String(bandOf(firm.overall))],
		['month', monthKey]
	];
}

/** The chamber's tables, decided once over all its firms: every view shows cells of these and nothing finer. */
export function disclose(firms: Firm[], options: StatisticsOptions): Map<string, Table> {
	const definitions = partitions(options.themes);
	const published = publishPartitions(
		firms.length,
		definitions.map(([, keyOf]) => firms.map(keyOf)),
		options.minGroupSize
	);
	return new Map(definitions.map(([name, keyOf], i) => [name, { keyOf, ...published[i] }]));
}

/**
 * The view's firms per shown sector, size class or province that has any (no empty rows), in `order`, and those of
 * the withheld ones as one line with the number of groups it merges.
 */
function groupBreakdown(
	view: OwnView,
	table: Table,
	order: (a: string | null, b: string | null) => number
): GroupBreakdown {
	const members = countBy(view.inView, table.keyOf);
	const figures = (firms: Firm[]) => ({
		firms: firms.length,
		overallMean: mean(firms.map((firm) => firm.overall))
	});
	const rest = view.inView.filter((firm) => table.hidden.has(table.keyOf(firm)));
	const keys = [...members.keys()];
	return {
		groups: keys
			.filter((key) => table.shown.has(key))
			.sort(order)
			.map((key) => ({ key, ...figures(members.get(key)!) })),
		withheld:
			rest.length === 0
				? null
				: { ...figures(rest), groups: keys.filter((key) => table.hidden.has(key)).length }
	};
}

function bandOf(score: number): number {
	return Math.min(BANDS - 1, Math.floor(score / BAND_WIDTH));
}

function bandLimits(band: number) {
	return { min: band * BAND_WIDTH, max: (band + 1) * BAND_WIDTH };
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

const NO_GROUPS: GroupBreakdown = { groups: [], withheld: null };

/** Every figure withheld, ids kept, for a view that may not be shown. */
function withheldView(options: StatisticsOptions, suppressed: Suppression) {
	return {
		firms: null,
		suppressed,
		overall: { mean: null, median: null },
		themes: options.themes.map((id) => ({ id, mean: null, median: null, firms: null })),
		levels: options.levels.map((id) => ({ id, firms: null })),
		otherLevels: null,
		scoreBands: Array.from({ length: BANDS }, (_, band) => ({ ...bandLimits(band), firms: null })),
		otherScoreBands: null,
		bySector: NO_GROUPS,
		bySize: NO_GROUPS,
		byProvince: NO_GROUPS,
		carbon: withheldCarbonFigures(suppressed),
		trends: { months: [], withheld: null, changeShown: false },
		needs: NO_NEEDS,
		supplyDemand: []
	};
}

/**
 * The chamber's own figures for a view with at most one filter, from all its firms: pure, so that a property test
 * can request every view over generated chambers. A filtered view is cell `value` of its dimension's table, shown
 * exactly when that cell is (a cell and its view always agree); its breakdowns are rows of two-way tables whose
 * cells are unions of `publishPartitions`' atoms, so no figure of any view is finer than those.
 */
export function ownFigures(
	firms: Firm[],
	filters: StatisticsFilters,
	options: StatisticsOptions,
	tables = disclose(firms, options)
) {
	const min = options.minGroupSize;
	const filter = singleFilter(filters);
	if (firms.length > 0 && firms.length < min) return withheldView(options, 'too_few');
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
	const levelCells = fixedBreakdown(view, levels, levelKeys).map((cell) => ({
		key: cell.key!,
		firms: cell.firms
	}));
	const bandCells = fixedBreakdown(
		view,
		tables.get('band')!,
		Array.from({ length: BANDS }, (_, band) => String(band))
	).map((cell) => ({ key: bandLimits(Number(cell.key)).min, firms: cell.firms }));
	const byKey = groupOrder();
	// The filters' atoms, laid out once for both kinds of overlapping groups (needs, symbiosis categories).
	const atoms = new FilterAtoms(firms, tables, min);
	return {
		firms: inView.length,
		suppressed: null,
		overall: { mean: mean(overall), median: median(overall) },
		themes: options.themes.map((theme) => themeFigures(view, theme)),
		levels: levelCells.map((cell) => ({ id: cell.key, firms: cell.firms })),
		otherLevels: mergeWithheld(levelCells, inView.length),
		scoreBands: bandCells.map((cell) => ({
			...bandLimits(cell.key / BAND_WIDTH),
			firms: cell.firms
		})),
		otherScoreBands: mergeWithheld(bandCells, inView.length),
		bySector: groupBreakdown(view, tables.get('sector')!, byKey),
		bySize: groupBreakdown(view, tables.get('sizeClass')!, groupOrder(options.sizeClasses)),
		byProvince: groupBreakdown(view, tables.get('province')!, byKey),
		carbon: carbonFigures(view, firms, min),
		trends: monthlyTrends(view, min),
		needs: needFigures(view, discloseNeeds(firms, tables, min, atoms)),
		supplyDemand: supplyDemandFigures(
			inView,
			discloseSupplyDemand(firms, tables, min, atoms),
			options.symbiosisCategories ?? []
		)
	};
}
