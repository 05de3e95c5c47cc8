export {
	allChambersComparison,
	chamberStatistics,
	type AllChambersFigures,
	type ChamberStatistics,
	type GroupFigures,
	type LevelFigures,
	type ParticipationWeek,
	type ScoreBandFigures,
	type StatisticsFilters,
	type StatisticsOptions,
	type ThemeFigures
} from './chamber-statistics';
export {
	MIN_GROUP_FLOOR,
	compareKeys,
	subsetSuppression,
	suppressBreakdown,
	suppressCount,
	viewSuppression,
	type BreakdownCell,
	type FirmGroup,
	type Period,
	type Suppressed,
	type Suppression
} from './suppression';
