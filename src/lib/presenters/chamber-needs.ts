import type { Locale, Translate } from '$lib/i18n';
import { formatNumber } from '$lib/i18n/format';
import { PRIORITIES } from '$lib/scoring/recommend';
import type { NeedKind } from '$lib/server/aggregates';
import type { ChamberDashboard } from '$lib/server/chamber/chamber-dashboard';
import type { NamedFirms, NeedNames } from '$lib/server/chamber/chamber-needs';
import type { FigureTable } from './figures';

/** One need as a line: its title, its count in words and, for administrators, the consenting firms behind it. */
export interface NeedItem {
	/** Unique in the section: the kind and the recommendation id. */
	key: string;
	title: string;
	firms: number;
	/** "31 firms", "12 firms plan it". */
	count: string;
	/** For a planned action: how many are done, or that this is withheld. */
	detail: string | null;
	/** Null for a viewer; for an administrator the names (or that none consented) and what is left out. */
	named: { summary: string; names: string[]; none: string | null; more: string | null } | null;
}

/** What the chamber's firms need, in words: what the dashboard, the chamber PDF and its exports show. */
export interface NeedsPresentation {
	heading: string;
	/** What "need" means here and what is withheld. */
	lead: string;
	/** Said to administrators only: names are those of consenting firms, counts are of every firm. */
	namesNote: string | null;
	priorities: { heading: string; items: NeedItem[]; empty: string; table: FigureTable };
	cbam: { heading: string; sentences: string[]; table: FigureTable };
	planned: { heading: string; lead: string; items: NeedItem[]; empty: string; table: FigureTable };
	/** The commonest priorities, most firms first, as one sentence each: for a report's page of key findings. */
	commonest: string[];
}

/** How many of the commonest needs a summary (the board report's first page) names. */
export const COMMONEST_NEEDS = 3;

/**
 * Words the needs of a chamber's view once. `names` (the consenting firms behind each count) is given for the
 * chamber's administrators only; without it no item names anyone.
 */
export function presentNeeds(
	dashboard: ChamberDashboard,
	t: Translate,
	locale: Locale,
	names: NeedNames | null = null
): NeedsPresentation {
	const needs = dashboard.statistics.needs;
	const min = formatNumber(locale, dashboard.minGroupSize);
	const number = (value: number) => formatNumber(locale, value);
	const title = (id: string) => dashboard.labels.recommendations[id] ?? id;
	const counted = (key: string, count: number) => t(key, { count, shown: number(count) });
	const named = (behind: NamedFirms | undefined): NeedItem['named'] => {
		if (!names) return null;
		const list = behind ?? { names: [], more: 0 };
		const total = list.names.length + list.more;
		return {
			summary: t('needs.names_summary', { shown: number(total) }),
			names: list.names.map((name) => name || t('report.company_unnamed')),
			none: total === 0 ? t('needs.names_none') : null,
			more: list.more > 0 ? t('needs.names_more', { shown: number(list.more) }) : null
		};
	};
	const item = (kind: NeedKind, recommendation: string, firms: number, count: string) => ({
		key: `${kind}:${recommendation}`,
		title: title(recommendation),
		firms,
		count,
		named: named(names?.[kind][recommendation])
	});
	const priorities = needs.priorities.map((need) => ({
		...item('priority', need.recommendation, need.firms, counted('needs.firms', need.firms)),
		detail: null
	}));
	const planned = needs.planned.map((need) => ({
		...item('planned', need.recommendation, need.firms, counted('needs.planning', need.firms)),
		detail: need.done === null ? t('needs.done_withheld') : counted('needs.done', need.done)
	}));
	const firmsCol = t('dashboard.firms_col');
	return {
		heading: t('needs.heading'),
		lead: t('needs.lead', { min, priorities: number(PRIORITIES) }),
		namesNote: names ? t('needs.names_note') : null,
		priorities: {
			heading: t('needs.priorities_heading'),
			items: priorities,
			empty: t('needs.priorities_empty', { min }),
			table: {
				caption: t('needs.priorities_heading'),
				head: [t('needs.col_recommendation'), firmsCol],
				rows: priorities.map((need) => [need.title, need.firms])
			}
		},
		cbam: presentCbamNeeds(needs.cbam, t, number),
		planned: {
			heading: t('needs.planned_heading'),
			lead: t('needs.planned_lead'),
			items: planned,
			empty: t('needs.planned_empty', { min }),
			table: {
				caption: t('needs.planned_heading'),
				head: [t('needs.col_recommendation'), t('needs.col_planning'), t('needs.col_done')],
				rows: needs.planned.map((need) => [title(need.recommendation), need.firms, need.done])
			}
		},
		commonest: priorities
			.slice(0, COMMONEST_NEEDS)
			.map((need) => t('needs.commonest', { firms: need.count, title: need.title }))
	};
}

/** CBAM as a need: how many firms are in or likely in scope, and how many of them lack verified data. */
function presentCbamNeeds(
	cbam: ChamberDashboard['statistics']['needs']['cbam'],
	t: Translate,
	number: (value: number) => string
): NeedsPresentation['cbam'] {
	const counted = (key: string, count: number) => t(key, { count, shown: number(count) });
	const sentences =
		cbam.exposed === null
			? [t('needs.cbam_withheld')]
			: cbam.exposed === 0
				? [t('needs.cbam_none')]
				: [
						counted('needs.cbam_exposed', cbam.exposed),
						...(cbam.withoutData === null
							? []
							: [counted('needs.cbam_without_data', cbam.withoutData)]),
						...(cbam.estimateOnly === null
							? []
							: [counted('needs.cbam_estimate_only', cbam.estimateOnly)])
					];
	return {
		heading: t('needs.cbam_heading'),
		sentences,
		table: {
			caption: t('needs.cbam_heading'),
			head: [t('needs.col_cbam'), t('dashboard.firms_col')],
			rows: [
				[t('needs.cbam_row_exposed'), cbam.exposed],
				[t('needs.cbam_row_without_data'), cbam.withoutData],
				[t('needs.cbam_row_estimate_only'), cbam.estimateOnly]
			]
		}
	};
}
