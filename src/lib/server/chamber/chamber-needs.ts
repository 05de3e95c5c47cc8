import { profileFacts } from '$lib/questionnaire/profile';
import { NEED_TESTS, type NeedFigures, type NeedKind, type StatisticsFilters } from '../aggregates';
import { singleFilter } from '../aggregates/view';
import { questionnaire } from '../content';
import { db } from '../db';
import type { Chamber } from '../db/chambers';
import * as respondents from '../db/respondents';

/** How many consenting firms the page names under one need; the consenting firms' export lists them all. */
export const NAMES_SHOWN = 20;

/** The consenting firms behind one need's count: the first names (newest submission first), and how many more. */
export interface NamedFirms {
	/** A firm that gave no name is `''`; the presenter words it. */
	names: string[];
	more: number;
}

/** Per kind of need and recommendation, the consenting firms behind each count the view shows. */
export type NeedNames = Record<NeedKind, Record<string, NamedFirms>>;

/**
 * The firms behind each need count of a view, by name, only those that consented to share their identity with this
 * chamber and only under counts the view shows. Personal data: call it for the chamber's administrators only, as
 * the consenting firms' list is. The counts themselves always include the firms that did not consent.
 */
export async function needNames(
	chamber: Chamber,
	filters: StatisticsFilters,
	needs: NeedFigures
): Promise<NeedNames> {
	const firms = await respondents.consentingNeeds(db(), chamber.id, singleFilter(filters));
	const behind = (kind: NeedKind, recommendations: { recommendation: string }[]) =>
		recommendations.map(({ recommendation }) => {
			const members = firms.filter((firm) => NEED_TESTS[kind](firm, recommendation));
			return { kind, recommendation, shown: members.slice(0, NAMES_SHOWN), total: members.length };
		});
	const lists = [...behind('priority', needs.priorities), ...behind('planned', needs.planned)];
	const answers = await respondents.consentingAnswers(db(), chamber.id, [
		...new Set(lists.flatMap((list) => list.shown.map((firm) => firm.id)))
	]);
	const definition = questionnaire();
	const nameOf = (id: string) => {
		const given = answers.get(id);
		return (given && profileFacts(definition, given).companyName) ?? '';
	};
	const names: NeedNames = { priority: {}, planned: {} };
	for (const list of lists) {
		if (list.total === 0) continue;
		names[list.kind][list.recommendation] = {
			names: list.shown.map((firm) => nameOf(firm.id)),
			more: list.total - list.shown.length
		};
	}
	return names;
}
