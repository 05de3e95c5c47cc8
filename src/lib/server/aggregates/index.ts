export {
	allChambersComparison,
	chamberStatistics,
	type AllChambersFigures,
	type CarbonFigures,
	type CarbonSuppression,
	type CbamExposureFigures,
	type ChamberStatistics,
	type EmissionBandFigures,
	type GroupBreakdown,
	type GroupFigures,
	type LevelFigures,
	type ParticipationWeek,
	type ScoreBandFigures,
	type StatisticsFilters,
	type StatisticsOptions,
	type ThemeFigures
} from './chamber-statistics';
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
