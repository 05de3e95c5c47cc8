import type { Locale, Translate } from '$lib/i18n';
import { formatMonth, formatNumber } from '$lib/i18n/format';
import type { PresentedTable } from './table';

/** How far an action is, in the order the forms offer them (the plan_action table's `status`). */
export const PLAN_STATUSES = ['planned', 'in_progress', 'done'] as const;

export type PlanStatus = (typeof PLAN_STATUSES)[number];

/** An action as the plan's service reads it, with its recommendation's title in the reader's language. */
export interface PlanActionView {
	recommendationId: string;
	title: string;
	owner: string;
	targetMonth: string;
	status: PlanStatus;
	/** Whether the assessment's answers call for it; null for a draft, not scored yet. */
	recommended: boolean | null;
}

/** One action of the firm's plan as shown and printed. */
export interface PresentedPlanAction {
	recommendationId: string;
	title: string;
	owner: string;
	/** `2027-03`, for the edit form. */
	targetMonth: string;
	/** The month in words (`Mart 2027`). */
	month: string;
	status: PlanStatus;
	statusLabel: string;
	/** Said when the assessment's answers no longer call for the action (carried over from an earlier one). */
	noLonger: string | null;
}

export interface PlanPresentation {
	heading: string;
	/** "3 actions, 1 done"; null for an empty plan. */
	summary: string | null;
	actions: PresentedPlanAction[];
	/** Action, who, target month and status: the report's page. */
	table: PresentedTable;
}

/** The words of a status (`plan.status_done`). */
export const statusLabel = (status: string, t: Translate) => t(`plan.status_${status}`);

/**
 * Words and formats the plan once, so that the results page, the first step of a re-assessment and the PDF word
 * an action, its month and its status alike.
 */
export function presentPlan(
	actions: PlanActionView[],
	t: Translate,
	locale: Locale
): PlanPresentation {
	const done = actions.filter((action) => action.status === 'done').length;
	const presented = actions.map((action) => ({
		recommendationId: action.recommendationId,
		title: action.title,
		owner: action.owner,
		targetMonth: action.targetMonth,
		month: formatMonth(locale, action.targetMonth),
		status: action.status,
		statusLabel: statusLabel(action.status, t),
		noLonger: action.recommended === false ? t('plan.not_recommended') : null
	}));
	return {
		heading: t('plan.title'),
		summary:
			actions.length === 0
				? null
				: t('plan.summary', {
						count: actions.length,
						shown: formatNumber(locale, actions.length),
						done: formatNumber(locale, done)
					}),
		actions: presented,
		table: {
			caption: t('plan.title'),
			head: [t('plan.col_action'), t('plan.col_owner'), t('plan.col_month'), t('plan.col_status')],
			rows: presented.map((action) => [
				action.noLonger ? `${action.title} (${t('plan.no_longer')})` : action.title,
				action.owner,
				action.month,
				action.statusLabel
			])
		}
	};
}
