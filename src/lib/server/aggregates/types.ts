import type { CbamExposure, CbamReadiness } from '../../carbon/cbam';
import type { Dominance } from './dominance';
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
	scoreBands: ScoreBandFigures[];
	bySector: GroupBreakdown;
	bySize: GroupBreakdown;
	byProvince: GroupBreakdown;
	carbon: CarbonFigures;
	/** Null when `compareAllChambers` is false. */
	allChambers: AllChambersFigures | null;
	/** Per campaign of the chamber (earliest opening first), per week; ignores sector, size and province. */
	participation: ParticipationWeek[];
	/** What the view's firms need: counts per priority, CBAM exposure and readiness, and planned action. */
	needs: NeedFigures;
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
	/** The CBAM screen's exposure; null when the firm was not screened. */
	cbam: string | null;
	/** The CBAM screen's data readiness; null when not exposed or not asked. */
	cbamReadiness: string | null;
	/** The recommendation ids of the firm's priorities (the first of its results' recommendations). */
	priorities: readonly string[];
	/** The firm's action plan: how far each recommendation it took on has come. */
	plan: ReadonlyMap<string, PlanStatus>;
}

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

/** A campaign of the chamber, as the participation series needs it. */
export interface CampaignPeriod {
	id: string;
	opens_at: string;
	closes_at: string | null;
}

/** When an assessment of a campaign was started and submitted. */
export interface CampaignActivity {
	campaign_id: string;
	created_at: string;
	submitted_at: string | null;
}
