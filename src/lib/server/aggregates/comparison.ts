import type { Suppression } from './suppression';
import type {
	AllChambersFigures,
	ComparedFilter,
	Firm,
	NationalGroup,
	NationalGroups,
	StatisticsOptions
} from './types';
import { round, type Filter } from './view';

/*
 * "Compared with all chambers": the view's figures over every chamber's firms, guarded so that the chamber cannot
 * learn the other chambers' small groups by subtracting its own firms.
 */

/** The filter the comparison keeps: a campaign is the chamber's own, so its view is compared with every firm. */
export function comparedFilter(filter: Filter | undefined): ComparedFilter | undefined {
	return filter === undefined || filter.name === 'campaignId'
		? undefined
		: { name: filter.name, value: filter.value };
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

/**
 * The comparison of the chamber's view with all chambers' firms (`national`, read with the same `compared` filter),
 * each figure withheld unless the other chambers' firms pass `nationalSuppression`.
 */
export function allChambersFigures(
	national: NationalGroups,
	firms: Firm[],
	compared: ComparedFilter | undefined,
	options: StatisticsOptions
): AllChambersFigures {
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
