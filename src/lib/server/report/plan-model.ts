import type { Locale, Translate } from '$lib/i18n';
import { presentPlan, type PlanActionView } from '$lib/presenters/plan';

/** The firm's action plan as the report prints it: one page with a table of action, who, month and status. */
export interface ReportPlan {
	heading: string;
	/** "3 actions, 1 done". */
	summary: string;
	intro: string;
	table: { head: string[]; rows: string[][] };
}

/**
 * The plan's page, worded by the same presenter as the results page; null for an empty plan, which gets no page
 * (a near-empty page would only say there is nothing to say).
 */
export function planModel(
	actions: PlanActionView[],
	t: Translate,
	locale: Locale
): ReportPlan | null {
	const plan = presentPlan(actions, t, locale);
	if (!plan.summary) return null;
	return {
		heading: plan.heading,
		summary: plan.summary,
		intro: t('plan.intro'),
		table: { head: plan.table.head, rows: plan.table.rows }
	};
}
