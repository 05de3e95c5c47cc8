import type { Transaction } from 'kysely';
import type { Db } from '../db/connect';
import type { Schema } from '../db/schema';
import * as statistics from '../db/statistics';
import { allChambersFigures, comparedFilter } from './comparison';
import { disclose, ownFigures } from './own-figures';
import { participation } from './participation';
import type {
	AllChambersFigures,
	ChamberStatistics,
	Firm,
	Participation,
	StatisticsFilters,
	StatisticsOptions,
	SupplyDemandRow
} from './types';
import { discloseSupplyDemand, regionalSupplyDemand, type RegionalChamber } from './symbiosis';
import { singleFilter, type Table } from './view';

/*
 * The chamber statistics: this module reads the rows through `db/statistics` in one snapshot and composes the pure
 * figures (`own-figures`, `carbon`, `comparison`, `participation`), each of which applies its rules of disclosure
 * control (`suppression`, `dominance`).
 */

/** The chamber's tables, by the options they were decided under, kept for as long as its parsed firms are. */
const keptTables = new WeakMap<object, Map<string, Map<string, Table>>>();

/**
 * The chamber's tables (`disclose`): decided over its summary rows alone, so a view that finds the rows unchanged
 * (see `statistics.basisOf`) reuses the tables an earlier view decided, rather than deciding them again.
 */
function tablesOf(firms: Firm[], options: StatisticsOptions): Map<string, Table> {
	const basis = statistics.basisOf(firms);
	if (!basis) return disclose(firms, options);
	let byOptions = keptTables.get(basis);
	if (!byOptions) keptTables.set(basis, (byOptions = new Map()));
	const key = `${options.minGroupSize} ${options.themes.join(' ')}`;
	let tables = byOptions.get(key);
	if (!tables) byOptions.set(key, (tables = disclose(firms, options)));
	return tables;
}

/** The comparison with all chambers of the view that `filters` select, from every chamber's totals. */
async function comparison(
	trx: Transaction<Schema>,
	firms: Firm[],
	filters: StatisticsFilters,
	options: StatisticsOptions
): Promise<AllChambersFigures> {
	const compared = comparedFilter(singleFilter(filters));
	return allChambersFigures(
		await statistics.nationalGroups(trx, compared),
		firms,
		compared,
		options
	);
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
	const { compareAllChambers = true } = options;
	return statistics.snapshot(db, async (trx) => {
		const firms = await statistics.chamberFirms(trx, chamberId);
		const tables = tablesOf(firms, options);
		const own = ownFigures(firms, filters, options, tables);
		const allChambers = compareAllChambers ? await comparison(trx, firms, filters, options) : null;
		return {
			...own,
			allChambers,
			participation: await progressOf(trx, chamberId, firms, tables, options)
		};
	});
}

/** The chamber's progress from its firms and the tables its views publish. */
async function progressOf(
	trx: Transaction<Schema>,
	chamberId: string,
	firms: Firm[],
	tables: ReturnType<typeof disclose>,
	options: StatisticsOptions
): Promise<Participation> {
	const { campaigns, chamberTarget } = await statistics.campaignRows(trx, chamberId);
	return participation(
		firms,
		campaigns,
		chamberTarget,
		tables.get('campaignId')!,
		options.minGroupSize
	);
}

/**
 * The chamber's progress alone (the campaigns page's counts): the same figures as `chamberStatistics` returns in
 * `participation`, without the rest of the dashboard.
 */
export async function chamberParticipation(
	db: Db,
	chamberId: string,
	options: StatisticsOptions
): Promise<Participation> {
	return statistics.snapshot(db, async (trx) => {
		const firms = await statistics.chamberFirms(trx, chamberId);
		return progressOf(trx, chamberId, firms, tablesOf(firms, options), options);
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
	return statistics.snapshot(db, async (trx) =>
		comparison(trx, await statistics.chamberFirms(trx, chamberId), filters, options)
	);
}

/**
 * The supply–demand table alone, the same rows as `chamberStatistics` returns in `supplyDemand`, for the chamber's
 * symbiosis API.
 */
export async function chamberSupplyDemand(
	db: Db,
	chamberId: string,
	filters: StatisticsFilters,
	options: StatisticsOptions
): Promise<SupplyDemandRow[]> {
	singleFilter(filters);
	return statistics.snapshot(db, async (trx) => {
		const firms = await statistics.chamberFirms(trx, chamberId);
		return ownFigures(firms, filters, options, tablesOf(firms, options)).supplyDemand;
	});
}

/**
 * The region's supply–demand table over the chambers that share their counts, each read in one snapshot with its
 * own decisions of disclosure, summed under `regionalSupplyDemand`'s rule. The caller gives the ids of the sharing
 * chambers of one region, the viewing chamber's own among them, and shows the result only to a sharing chamber.
 */
export async function regionSupplyDemand(
	db: Db,
	chamberIds: readonly string[],
	options: StatisticsOptions
): Promise<SupplyDemandRow[]> {
	return statistics.snapshot(db, async (trx) => {
		const chambers: RegionalChamber[] = [];
		for (const id of chamberIds) {
			const firms = await statistics.chamberFirms(trx, id);
			const tables = discloseSupplyDemand(firms, tablesOf(firms, options), options.minGroupSize);
			chambers.push({ firms, tables });
		}
		return regionalSupplyDemand(chambers, options.symbiosisCategories ?? []);
	});
}

export type {
	AllChambersFigures,
	CarbonFigures,
	CarbonSuppression,
	CbamExposureFigures,
	CbamReadinessFigures,
	ChamberStatistics,
	EmissionBandFigures,
	GroupBreakdown,
	GroupFigures,
	CampaignProgress,
	LevelFigures,
	MonthFigures,
	MonthlyTrends,
	Participation,
	ProgressFigures,
	MergedCells,
	NeedFigures,
	NeedFirm,
	PlannedNeed,
	PriorityNeed,
	ScoreBandFigures,
	StatisticsFilters,
	StatisticsOptions,
	SupplyDemandRow,
	ThemeFigures
} from './types';
export {
	DOMINANCE_FIRMS,
	DOMINANCE_SHARE,
	dominanceSuppression,
	isDominated,
	withholdSplitTotal,
	type Contribution,
	type Dominance,
	type SplitTotal
} from './dominance';
export { CBAM_EXPOSED, NEED_TESTS, type NeedKind } from './needs';
export {
	MIN_GROUP_FLOOR,
	compareKeys,
	publishPartitions,
	publishes,
	suppressBreakdown,
	suppressCount,
	type BreakdownCell,
	type Partition,
	type Published,
	type Suppressed,
	type Suppression
} from './suppression';
