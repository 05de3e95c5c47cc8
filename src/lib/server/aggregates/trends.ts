import { compareKeys, suppressBreakdown } from './suppression';
import type { Firm, MonthFigures, MonthlyTrends } from './types';
import { countBy, mean, type OwnView } from './view';

/*
 * Trends by month. A firm counts once, in the month (Türkiye time) of its latest submission, so that a month is a
 * cell of one more partition of the chamber's firms (`month`, the last one `publishPartitions` decides): its firms
 * and mean are then as safe as a sector's, in every view, and the months a view may not show merge into one line.
 */

/** The month a firm counts in; firms without one (fixtures without a time) count in none. */
export const monthKey = (firm: Firm) => firm.month ?? null;

const reassessed = (firm: Firm) => firm.previousOverall !== undefined;

/**
 * The view's firms per month it may show, oldest first, with their mean overall score; and for the firms whose
 * latest submission re-assessed an earlier one, how many they are and their mean change of overall score.
 *
 * The change is shown only in the unfiltered view: re-assessed firms are not a cell of any partition, so the same
 * month's figure in a filtered view could be subtracted from it. Within the unfiltered view the re-assessed firms of
 * the months (the withheld months as one more cell) get primary and complementary suppression; their total is not
 * published, but would be were the re-assessed firms ever counted elsewhere.
 */
export function monthlyTrends(view: OwnView, min: number): MonthlyTrends {
	const table = view.tables.get('month')!;
	const members = countBy(view.inView, table.keyOf);
	const shown = [...members.keys()]
		.filter((key): key is string => key !== null && table.shown.has(key))
		.sort(compareKeys);
	const shownSet = new Set<string | null>(shown);
	const rest = view.inView.filter((firm) => !shownSet.has(table.keyOf(firm)));
	const groups = [...shown.map((month) => members.get(month)!), rest];
	const changeShown = view.filter === undefined;
	const counts = changeShown
		? suppressBreakdown(
				groups.map((firms, i) => ({ key: String(i), firms: firms.filter(reassessed).length })),
				min
			)
		: [];
	const months = shown.map((month, i): MonthFigures => {
		const firms = groups[i];
		const count = counts[i]?.firms ?? null;
		const changes = firms.filter(reassessed).map((firm) => firm.overall - firm.previousOverall!);
		return {
			month,
			firms: firms.length,
			overallMean: mean(firms.map((firm) => firm.overall)),
			reassessed: count,
			meanChange: count === null ? null : mean(changes)
		};
	});
	return {
		months,
		withheld:
			rest.length === 0
				? null
				: { firms: rest.length, overallMean: mean(rest.map((firm) => firm.overall)) },
		changeShown
	};
}
