import { suppressBreakdown, suppressCount, type Published } from './suppression';
import type { CampaignProgress, CampaignRow, Firm, Participation, ProgressFigures } from './types';
import { countBy, reason, round } from './view';

/*
 * A chamber's progress: firms started and submitted, per campaign and in total, against its targets. The figures
 * are counts of firms and carry no answer, but they follow the same rules as every count (see `participation`).
 */

/** `part` of `whole` in per cent, one decimal; null when either is unknown or the whole is 0. */
export function percentOf(part: number | null, whole: number | null): number | null {
	return part === null || whole === null || whole === 0 ? null : round((100 * part) / whole);
}

/**
 * How many more firms must submit before a group of `submitted` firms can be shown; null once it can. This tells the
 * size of a group under the minimum, and nothing else about it: issue #17 asks for it so that a chamber sees how far
 * it is from its first figures, and a count of participants carries no answer from which a score could be worked out.
 */
export function firmsNeeded(submitted: number, min: number): number | null {
	return submitted < min ? min - submitted : null;
}

/** The figures of one group from its counts as published (null: withheld) and its target. */
export function progressFigures(
	counts: { started: number | null; submitted: number | null; firms: number },
	target: number | null,
	min: number
): ProgressFigures {
	return {
		started: counts.started,
		submitted: counts.submitted,
		target,
		completionRate: percentOf(counts.submitted, counts.started),
		progress: percentOf(counts.submitted, target),
		needed: firmsNeeded(counts.firms, min),
		withheld: counts.submitted === null ? reason(counts.firms, min) : null
	};
}

/**
 * The chamber's progress from its firms, its campaigns (earliest opening first) with their targets and first-time
 * drafts, and the cells of the campaign partition that its views may show (`publishPartitions`).
 *
 * Why these figures are safe: a campaign's submitted firms are exactly its view's firms, shown exactly when that view
 * is (the same cell of the same table), and the chamber's total is the unfiltered view's. Started counts get primary
 * and complementary suppression across the campaigns, as their total is shown too. What remains is the number of
 * drafts (started less submitted) and `needed`: counts of participants only, never a group any score is given for.
 */
export function participation(
	firms: readonly Firm[],
	campaigns: readonly CampaignRow[],
	chamberTarget: number | null,
	table: Published,
	min: number
): Participation {
	const members = countBy(firms, (firm) => firm.campaignId);
	const submittedIn = (id: string) => members.get(id)?.length ?? 0;
	const started = suppressBreakdown(
		campaigns.map((campaign) => ({
			key: campaign.id,
			firms: submittedIn(campaign.id) + campaign.drafts
		})),
		min
	);
	const shows = (id: string) =>
		submittedIn(id) === 0 || table.shown.has(id) || table.hidden.size === 0;
	const byCampaign = campaigns.map((campaign, i): CampaignProgress => ({
		campaignId: campaign.id,
		...progressFigures(
			{
				started: started[i].firms,
				submitted: shows(campaign.id) ? submittedIn(campaign.id) : null,
				firms: submittedIn(campaign.id)
			},
			campaign.target,
			min
		)
	}));
	const drafts = campaigns.reduce((sum, campaign) => sum + campaign.drafts, 0);
	return {
		...progressFigures(
			{
				started: suppressCount(firms.length + drafts, min),
				submitted: suppressCount(firms.length, min),
				firms: firms.length
			},
			chamberTarget,
			min
		),
		byCampaign
	};
}
