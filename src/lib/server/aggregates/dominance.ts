/**
 * The dominance rule for published totals of a quantity firms contribute unequally, such as tonnes of CO2e. Counting
 * firms is not enough there: a total of twenty firms in which one cement works makes up nearly everything is, in
 * effect, that works' own figure. Pure, like the rest of the disclosure control in this folder.
 */
/**
 * The n of the (n, k) rule: how many of the largest contributions may not together make up more than k of a total.
 * Two, not one, because the firm with the second-largest contribution knows its own figure: subtracting it from the
 * total leaves the largest firm's figure plus everybody else's, so everybody else must weigh enough (15 %) for that
 * to be a loose estimate. With n = 1, a total of 60 % + 30 % + 10 % would pass and give the second firm the first's
 * figure within a sixth.
 */
export const DOMINANCE_FIRMS = 2;

/** The k of the (n, k) rule: the share of a total its `DOMINANCE_FIRMS` largest contributions may reach. */
export const DOMINANCE_SHARE = 0.85;

/** Why a total is withheld by this rule. */
export type Dominance = null | 'dominated';

/** A total and its `DOMINANCE_FIRMS` largest contributions (largest first): all the rule reads. */
interface Summary {
	sum: number;
	largest: number[];
}

const EMPTY: Summary = { sum: 0, largest: [] };

function checkValue(value: number): void {
	if (!Number.isFinite(value) || value < 0) {
		throw new RangeError(`a contribution must be a finite number of at least 0: ${value}`);
	}
}

/** Keeps the largest values of a list sorted largest first. */
function keepLargest(values: number[]): number[] {
	return values.sort((a, b) => b - a).slice(0, DOMINANCE_FIRMS);
}

function add(summary: Summary, value: number): Summary {
	const { largest } = summary;
	// Most contributions are not among the largest: their list is kept, not copied and sorted again for each.
	if (largest.length === DOMINANCE_FIRMS && value <= largest[DOMINANCE_FIRMS - 1]) {
		return { sum: summary.sum + value, largest };
	}
	return { sum: summary.sum + value, largest: keepLargest([...largest, value]) };
}

function isEmpty(summary: Summary): boolean {
	return summary.largest.length === 0;
}

/**
 * Whether the firms of some disjoint summaries, taken together, are dominated; without building their merge. A total
 * of 0 says nothing about any firm, so only a positive total can be dominated.
 */
function dominatedSummary(...summaries: Summary[]): boolean {
	let sum = 0;
	for (const summary of summaries) sum += summary.sum;
	if (sum <= 0) return false;
	// The largest values overall are the largest heads of the summaries' lists, taken one at a time.
	const next = summaries.map(() => 0);
	let top = 0;
	for (let taken = 0; taken < DOMINANCE_FIRMS; taken++) {
		let best = -1;
		for (let i = 0; i < summaries.length; i++) {
			const value = summaries[i].largest[next[i]];
			if (value !== undefined && (best === -1 || value > summaries[best].largest[next[best]])) {
				best = i;
			}
		}
		if (best === -1) break;
		top += summaries[best].largest[next[best]++];
	}
	return top > DOMINANCE_SHARE * sum;
}

/**
 * Whether a total of these contributions (each at least 0) must be withheld: its `DOMINANCE_FIRMS` largest
 * contributions exceed `DOMINANCE_SHARE` of it. A total of 0, or of no contributions, never is.
 */
export function isDominated(values: Iterable<number>): boolean {
	let summary = EMPTY;
	for (const value of values) {
		checkValue(value);
		summary = add(summary, value);
	}
	return dominatedSummary(summary);
}

/** One firm's contribution to a total; bit i of `meets` is set when it meets the view's condition i (a filter). */
export interface Contribution {
	meets: number;
	value: number;
}

/**
 * The dominance rule for a view's total, and for what differencing it with a wider view gives away. The view is
 * defined by `conditions` conditions; `contributions` are every firm that may count towards the total in some wider
 * view (those outside this one are what wider views add). The total is withheld when it is dominated itself, or
 * when some wider view (fewer conditions) whose own total passes the rule, and so may be published, adds firms whose
 * total is dominated: the difference of the two published totals would give away the largest of those firms' figures.
 * A wider view that is dominated itself is never published, so there is no difference to take.
 */
export function dominanceSuppression(
	contributions: Iterable<Contribution>,
	conditions: number
): Dominance {
	const size = 1 << conditions;
	const full = size - 1;
	let view = EMPTY;
	/** Firms that a subset of the conditions adds to the view. */
	const added: Summary[] = Array.from({ length: size }, () => EMPTY);
	for (const { meets, value } of contributions) {
		if (!Number.isInteger(meets) || meets < 0 || meets > full) {
			throw new RangeError(`pattern ${meets} names a condition beyond the ${conditions} given`);
		}
		checkValue(value);
		if (meets === full) view = add(view, value);
		else {
			for (let subset = 0; subset < size; subset++) {
				if ((meets & subset) === subset) added[subset] = add(added[subset], value);
			}
		}
	}
	if (dominatedSummary(view)) return 'dominated';
	for (const more of added) {
		if (!isEmpty(more) && dominatedSummary(more) && !dominatedSummary(view, more))
			return 'dominated';
	}
	return null;
}

/** A total of tonnes CO2e and the two scopes it is the sum of, or anything said about each. */
export interface SplitTotal<T> {
	scope1: T;
	scope2: T;
	total: T;
}

/**
 * The rule's verdicts on Scope 1, Scope 2 and their total, made to hold together: any two of the three give the
 * third, so once one is withheld a second must be. The total stays when it can, being the figure read first; when it
 * is withheld, both scopes go too: either alone would be safe, but which one to keep would be an arbitrary choice.
 */
export function withholdSplitTotal(verdicts: SplitTotal<Dominance>): SplitTotal<Dominance> {
	if (verdicts.total !== null) {
		return { scope1: verdicts.total, scope2: verdicts.total, total: verdicts.total };
	}
	const scopes = verdicts.scope1 ?? verdicts.scope2;
	return { scope1: scopes, scope2: scopes, total: null };
}
