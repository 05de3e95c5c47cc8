import type { CbamExposure, CbamReadiness } from '../../carbon/cbam';
import type { Dominance } from './dominance';
import type { SymbiosisSide } from '../../symbiosis/listing';
import type { Suppression } from './suppression';

/*
 * The statistics' types: what the pages, the PDF, the CSV and the API receive (exported by `aggregates/index.ts`),
 * and the rows `db/statistics` reads for the pure figure modules.
 */

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
	/** Size class ids in the questionnaire's order (micro to large), which the breakdown by size follows. */
	sizeClasses?: readonly string[];
	/** The symbiosis exchange's category ids in the catalogue's order; absent when the exchange is not offered. */
	symbiosisCategories?: readonly string[];
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
 * A breakdown by sector, size class or province: the groups of the view it may show (none without firms), in the
 * order people expect (sectors by NACE letter, sizes micro to large, provinces by plate code, "did not say" last),
 * and the rest merged into one line without their keys, so that which withheld groups have firms is never told.
 */
export interface GroupBreakdown {
	groups: GroupFigures[];
	/** The view's firms in the withheld groups and how many such groups there are; null when there are none. */
	withheld: { firms: number; overallMean: number | null; groups: number } | null;
}

/**
 * The cells of a list of fixed keys (levels, score bands) that are withheld one by one, as one line: their keys and
 * the view's firms in all of them together. That sum is the view's firms minus the cells shown, so it tells nothing
 * the rest does not, but it keeps a distribution readable ("Starting–Aware: 12") when some of its cells are small.
 */
export interface MergedCells<K> {
	keys: K[];
	firms: number;
}

/** The same view over every chamber's firms, campaign filter left out, for "compared with all chambers". */
export interface AllChambersFigures {
	suppressed: Suppression;
	firms: number | null;
	overallMean: number | null;
	themes: { id: string; mean: number | null }[];
}

/**
 * Progress of a campaign or of the whole chamber. Counts are of firms: `submitted` those with a submitted assessment
 * (each once, as everywhere), `started` those plus the drafts that are no re-assessment. Percentages are 0–100 (more
 * than 100 past the target), one decimal; null where a count they need is withheld or there is no target.
 */
export interface ProgressFigures {
	started: number | null;
	submitted: number | null;
	/** The target number of firms; null when none is set. */
	target: number | null;
	/** Submitted of started, in per cent. */
	completionRate: number | null;
	/** Submitted of the target, in per cent. */
	progress: number | null;
	/** While fewer than the minimum group have submitted: how many more are needed before figures can be shown. */
	needed: number | null;
	/** Why `submitted` is withheld; null when shown. */
	withheld: Suppression;
}

export interface CampaignProgress extends ProgressFigures {
	campaignId: string;
}

/** The chamber's progress over all its campaigns, and per campaign (earliest opening first); the same in every view. */
export interface Participation extends ProgressFigures {
	byCampaign: CampaignProgress[];
}

/** A month (Türkiye time) of the firms whose latest submission fell in it. */
export interface MonthFigures {
	/** `YYYY-MM`. */
	month: string;
	firms: number;
	overallMean: number | null;
	/** Of them, firms whose latest submission re-assessed an earlier one; null when withheld. */
	reassessed: number | null;
	/** Their mean change of overall score since the assessment before; null when withheld or none. */
	meanChange: number | null;
}

/** The view's firms by month of their latest submission: the months it may show, the rest merged into one line. */
export interface MonthlyTrends {
	months: MonthFigures[];
	withheld: { firms: number; overallMean: number | null } | null;
	/** False in a filtered view, which never shows the change (see `monthlyTrends`). */
	changeShown: boolean;
}

/** Firms whose Scope 1 and 2 estimate totals `min` tonnes CO2e or more and less than `max` (no `max`: no limit). */
export interface EmissionBandFigures {
	min: number;
	max: number | null;
	firms: number | null;
}

export interface CbamExposureFigures {
	exposure: CbamExposure;
	firms: number | null;
}

export interface CbamReadinessFigures {
	readiness: CbamReadiness;
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
	/** Firms the CBAM screen placed at each exposure, in the order of `cbamExposures` (none to in scope). */
	cbamExposure: CbamExposureFigures[];
	/** Exposed firms per data readiness, in the order of `cbamReadinesses` (verified to none). */
	cbamReadiness: CbamReadinessFigures[];
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
	/** The withheld levels as one line; null unless some levels are shown and some withheld. */
	otherLevels: MergedCells<string> | null;
	scoreBands: ScoreBandFigures[];
	/** The withheld bands as one line (keys are the bands' lower limits); null as for the levels. */
	otherScoreBands: MergedCells<number> | null;
	bySector: GroupBreakdown;
	bySize: GroupBreakdown;
	byProvince: GroupBreakdown;
	carbon: CarbonFigures;
	/** Null when `compareAllChambers` is false. */
	allChambers: AllChambersFigures | null;
	/** The chamber's progress, in total and per campaign; ignores the view's filter. */
	participation: Participation;
	/** By month of the firms' latest submissions, within the view. */
	trends: MonthlyTrends;
	/** What the view's firms need: counts per priority, CBAM exposure and readiness, and planned action. */
	needs: NeedFigures;
	/** Firms offering and needing each category of the symbiosis exchange (see `aggregates/symbiosis.ts`). */
	supplyDemand: SupplyDemandRow[];
}

/**
 * One category of the symbiosis exchange: how many firms offer it and how many need it. Null is withheld, and so is
 * a zero while another category of the same side is withheld, so that a withheld count is never told from none.
 */
export interface SupplyDemandRow {
	category: string;
	offers: number | null;
	needs: number | null;
}

/** A firm's latest submitted assessment, as far as the statistics need it. */
export interface Firm {
	campaignId: string | null;
	sector: string | null;
	sizeClass: string | null;
	province: string | null;
	overall: number;
	level: string;
	themes: ReadonlyMap<string, number>;
	/** Tonnes CO2e; both null when the firm entered no energy figures. */
	scope1: number | null;
	scope2: number | null;
	/** The CBAM screen's exposure; null when the firm was not screened. */
	cbam: string | null;
	/** The CBAM screen's data readiness; null when not exposed or not asked. */
	cbamReadiness: string | null;
	/** The month (`YYYY-MM`, Türkiye time) of the submission; absent where a caller has no time (some tests). */
	month?: string;
	/** The overall score of the submitted assessment this one re-assessed; absent for a first assessment. */
	previousOverall?: number;
	/** The recommendation ids of the firm's priorities (the first of its results' recommendations). */
	priorities: readonly string[];
	/** The firm's action plan: how far each recommendation it took on has come. */
	plan: ReadonlyMap<string, PlanStatus>;
	/** The symbiosis categories the firm offers and needs; absent when it listed nothing. */
	symbiosis?: FirmListing;
}

/** A firm's symbiosis categories by side, as the supply–demand counts read them. */
export type FirmListing = Record<SymbiosisSide, ReadonlySet<string>>;

/** How far a planned action has come, as `plan_action.status` holds it. */
export type PlanStatus = 'planned' | 'in_progress' | 'done';

/** What a firm needs, as far as the needs figures and the names behind them read it. */
export type NeedFirm = Pick<Firm, 'priorities' | 'plan'>;

/** Firms with one recommendation among their priorities. */
export interface PriorityNeed {
	recommendation: string;
	firms: number;
}

/** Firms with one recommendation on their action plan, and those of them that have done it. */
export interface PlannedNeed {
	recommendation: string;
	firms: number;
	/** Null when withheld. */
	done: number | null;
}

/**
 * What the chamber's firms need, as counts of overlapping groups: a firm counts under each of its priorities and
 * each of its planned actions. Lists hold only the counts a view may show and that are not zero, most firms first;
 * a need withheld is left out like one no firm has, so that the two cannot be told apart.
 */
export interface NeedFigures {
	/** Firms per recommendation among their first `PRIORITIES` (scoring/recommend.ts). */
	priorities: PriorityNeed[];
	/** Firms the CBAM screen finds in scope or likely in scope, and how many of them have no or only estimated data. */
	cbam: { exposed: number | null; withoutData: number | null; estimateOnly: number | null };
	/** Firms per recommendation on their action plan. */
	planned: PlannedNeed[];
}

/** The filter a comparison with all chambers keeps: a campaign belongs to one chamber, so not that one. */
export interface ComparedFilter {
	name: 'sector' | 'sizeClass' | 'province';
	value: string;
}

/** All chambers' firms (or theme scores) in and outside the compared view: count and sum of scores. */
export interface NationalGroup {
	inView: boolean;
	firms: number;
	total: number;
}

/** The counts and sums over all chambers: of the firms, and per theme of those that scored it. */
export interface NationalGroups {
	firms: NationalGroup[];
	byTheme: Map<string, NationalGroup[]>;
}

/** A campaign of the chamber, as its progress needs it. */
export interface CampaignRow {
	id: string;
	target: number | null;
	/** Its drafts that re-assess nothing: firms that started and have not submitted yet. */
	drafts: number;
}
