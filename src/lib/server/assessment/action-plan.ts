import { z } from 'zod';
import type { Locale } from '$lib/i18n/locales';
import { PLAN_STATUSES } from '$lib/presenters/plan';
import { localize } from '$lib/questionnaire/localize';
import { plainText } from '$lib/text-schema';
import { db } from '../db';
import * as planActions from '../db/plan-actions';
import type { PlanActionFields } from '../db/plan-actions';
import type { Opened } from './assessment-service';

/*
 * The firm's action plan: which recommendations it may take on, what a valid action is, and the plan as the
 * results page, the first step of a re-assessment, the PDF, data.json and the API show it. Only a submitted
 * assessment's plan changes; a re-assessment's draft shows the plan it carried over.
 */

export const OWNER_MAX = 80;
/**
 * How far back and ahead a target month may lie: a plan carried over from a year or two ago stays editable, and
 * five years ahead covers an investment's lead time.
 */
export const MONTHS_BACK = 24;
export const MONTHS_AHEAD = 60;
/** The months the page's form offers: from this month on, three years ahead. */
const FORM_MONTHS = 37;
/** The most actions a plan holds: far more than the recommendations a questionnaire has. */
const MAX_ACTIONS = 100;

/** `2027-03`: the calendar month of `date` (UTC) moved by `offset` months. */
export function monthOf(date: Date, offset = 0): string {
	const moved = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + offset, 1));
	return moved.toISOString().slice(0, 7);
}

/** Whether `value` is a real month (`YYYY-MM`) within the window around `now`. */
function inWindow(value: string, now: Date): boolean {
	return (
		/^\d{4}-(0[1-9]|1[0-2])$/.test(value) &&
		value >= monthOf(now, -MONTHS_BACK) &&
		value <= monthOf(now, MONTHS_AHEAD)
	);
}

/** The recommendations this assessment's answers fired; null for a draft, which has none yet. */
function recommended(opened: Opened): Set<string> | null {
	const result = opened.assessment.result;
	return result ? new Set(result.recommendations.map((item) => item.id)) : null;
}

/**
 * One action, with i18n keys as messages (the page shows them beside the field, the API in the caller's
 * language). A recommendation may be planned when this assessment fired it, or when the plan already holds it
 * (carried over from the previous assessment): a firm may still mark done what it no longer needs to do.
 */
function actionSchema(allowed: Set<string>, now: Date) {
	return z.strictObject({
		recommendationId: z
			.string({ error: 'plan.error_recommendation' })
			.refine((id) => allowed.has(id), 'plan.error_recommendation'),
		owner: plainText('form.error_control')
			.trim()
			.min(1, 'plan.error_owner')
			.max(OWNER_MAX, 'plan.error_owner'),
		targetMonth: z
			.string({ error: 'plan.error_month' })
			.refine((value) => inWindow(value, now), 'plan.error_month'),
		status: z.enum(PLAN_STATUSES, { error: 'plan.error_status' })
	});
}

async function allowedIds(opened: Opened): Promise<Set<string>> {
	const planned = await planActions.list(db(), opened.assessment.id);
	return new Set([
		...(recommended(opened) ?? []),
		...planned.map((action) => action.recommendationId)
	]);
}

/** The schema of one action of this assessment's plan (the results page's forms). */
export async function planActionSchema(opened: Opened, now = new Date()) {
	return actionSchema(await allowedIds(opened), now);
}

/** The schema of a whole plan (the API's PUT): every action valid, each recommendation once. */
export async function planSchema(opened: Opened, now = new Date()) {
	return z.strictObject({
		actions: z
			.array(actionSchema(await allowedIds(opened), now))
			.max(MAX_ACTIONS)
			.superRefine((actions, context) => {
				const seen = new Set<string>();
				actions.forEach((action, index) => {
					if (seen.has(action.recommendationId))
						context.addIssue({
							code: 'custom',
							path: [index, 'recommendationId'],
							message: 'plan.error_duplicate'
						});
					seen.add(action.recommendationId);
				});
			})
	});
}

/** What a change to the plan comes to: done, or refused because the assessment is still a draft. */
export type PlanChange = { ok: true } | { ok: false; reason: 'draft' };

const submitted = (opened: Opened) => opened.assessment.status === 'submitted';

/** Adds an action to the plan, or changes the plan's action for that recommendation. Input already validated. */
export async function saveAction(opened: Opened, action: PlanActionFields): Promise<PlanChange> {
	if (!submitted(opened)) return { ok: false, reason: 'draft' };
	await planActions.save(db(), opened.assessment.id, action);
	return { ok: true };
}

/** Takes a recommendation's action off the plan (nothing happens when it was not there). */
export async function removeAction(opened: Opened, recommendationId: string): Promise<PlanChange> {
	if (!submitted(opened)) return { ok: false, reason: 'draft' };
	await planActions.remove(db(), opened.assessment.id, recommendationId);
	return { ok: true };
}

/** Replaces the whole plan (the API's PUT). Input already validated with `planSchema`. */
export async function replacePlan(
	opened: Opened,
	actions: PlanActionFields[]
): Promise<PlanChange> {
	if (!submitted(opened)) return { ok: false, reason: 'draft' };
	await planActions.replace(db(), opened.assessment.id, actions);
	return { ok: true };
}

/**
 * The plan as stored, each action saying whether this assessment's answers still recommend it (null for a draft,
 * not scored yet): an action carried into a re-assessment whose recommendation no longer fires is shown as such,
 * never dropped.
 */
export async function planOf(opened: Opened) {
	const fired = recommended(opened);
	return (await planActions.list(db(), opened.assessment.id)).map((action) => ({
		...action,
		recommended: fired ? fired.has(action.recommendationId) : null
	}));
}

/** The plan in one language: each action with its recommendation's title, for the pages and the PDF. */
export async function planView(opened: Opened, locale: Locale, now = new Date()) {
	const { questionnaire } = opened;
	const actions = (await planOf(opened)).map((action) => ({
		...action,
		title:
			localize(
				questionnaire.recommendations.find((item) => item.id === action.recommendationId)?.title,
				locale
			) ?? action.recommendationId
	}));
	return {
		actions,
		/** The recommendations a card may add: those this assessment fired. */
		recommendable: [...(recommended(opened) ?? [])],
		/** The target months the form offers, from this month on. */
		months: Array.from({ length: FORM_MONTHS }, (_, offset) => monthOf(now, offset))
	};
}

export type PlanView = Awaited<ReturnType<typeof planView>>;
