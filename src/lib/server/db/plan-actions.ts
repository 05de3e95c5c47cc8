import type { Selectable } from 'kysely';
import type { Db } from './connect';
import { newId } from './ids';
import * as statisticsSummary from './statistics-summary';
import type { PlanActionTable } from './schema';

/*
 * The firm's action plan: one row per recommendation taken on, per assessment. Rows are read and written here
 * only; which recommendations may be planned, and when, is the service's decision (assessment/action-plan.ts).
 */

export type PlanStatus = PlanActionTable['status'];

/** What the firm says about one action. */
export interface PlanActionFields {
	recommendationId: string;
	owner: string;
	/** `2027-03`. */
	targetMonth: string;
	status: PlanStatus;
}

export interface PlanAction extends PlanActionFields {
	createdAt: string;
	updatedAt: string;
}

function fromRow(row: Selectable<PlanActionTable>): PlanAction {
	return {
		recommendationId: row.recommendation_id,
		owner: row.owner,
		targetMonth: row.target_month,
		status: row.status,
		createdAt: row.created_at,
		updatedAt: row.updated_at
	};
}

/** The assessment's plan, soonest target month first (then in the order the actions were added). */
export async function list(db: Db, assessmentId: string): Promise<PlanAction[]> {
	const rows = await db
		.selectFrom('plan_action')
		.selectAll()
		.where('assessment_id', '=', assessmentId)
		.orderBy('target_month')
		.orderBy('created_at')
		.orderBy('recommendation_id')
		.execute();
	return rows.map(fromRow);
}

/**
 * Adds an action, or changes the one the plan already has for that recommendation: the unique key makes a double
 * submit (or two tabs) change one row instead of adding two.
 */
export async function save(
	db: Db,
	assessmentId: string,
	fields: PlanActionFields,
	now = new Date()
): Promise<void> {
	const at = now.toISOString();
	const changes = { owner: fields.owner, target_month: fields.targetMonth, status: fields.status };
	await db.transaction().execute(async (trx) => {
		await trx
			.insertInto('plan_action')
			.values({
				id: newId(),
				assessment_id: assessmentId,
				recommendation_id: fields.recommendationId,
				...changes,
				created_at: at,
				updated_at: at
			})
			.onConflict((conflict) =>
				conflict
					.columns(['assessment_id', 'recommendation_id'])
					.doUpdateSet({ ...changes, updated_at: at })
			)
			.execute();
		await statisticsSummary.refresh(trx, [assessmentId]);
	});
}

/** Takes an action off the plan; false when the plan had none for that recommendation. */
export async function remove(
	db: Db,
	assessmentId: string,
	recommendationId: string
): Promise<boolean> {
	return db.transaction().execute(async (trx) => {
		const result = await trx
			.deleteFrom('plan_action')
			.where('assessment_id', '=', assessmentId)
			.where('recommendation_id', '=', recommendationId)
			.executeTakeFirst();
		await statisticsSummary.refresh(trx, [assessmentId]);
		return Number(result.numDeletedRows) > 0;
	});
}

/**
 * Replaces the whole plan in one transaction (the API's PUT). An action that stays keeps when it was first added,
 * so replacing a plan with itself changes nothing but `updatedAt`.
 */
export async function replace(
	db: Db,
	assessmentId: string,
	actions: PlanActionFields[],
	now = new Date()
): Promise<void> {
	const at = now.toISOString();
	await db.transaction().execute(async (trx) => {
		const added = new Map(
			(await list(trx, assessmentId)).map((action) => [action.recommendationId, action.createdAt])
		);
		await trx.deleteFrom('plan_action').where('assessment_id', '=', assessmentId).execute();
		if (actions.length > 0)
			await trx
				.insertInto('plan_action')
				.values(
					actions.map((action) => ({
						id: newId(),
						assessment_id: assessmentId,
						recommendation_id: action.recommendationId,
						owner: action.owner,
						target_month: action.targetMonth,
						status: action.status,
						created_at: added.get(action.recommendationId) ?? at,
						updated_at: at
					}))
				)
				.execute();
		await statisticsSummary.refresh(trx, [assessmentId]);
	});
}

/**
 * Copies a plan to the assessment that re-assesses it, as it stands (what was done stays done), so the firm picks
 * up where it left off. Called inside the transaction that creates the new draft.
 */
export async function carryOver(db: Db, fromId: string, toId: string): Promise<void> {
	const actions = await list(db, fromId);
	if (actions.length === 0) return;
	await db
		.insertInto('plan_action')
		.values(
			actions.map((action) => ({
				id: newId(),
				assessment_id: toId,
				recommendation_id: action.recommendationId,
				owner: action.owner,
				target_month: action.targetMonth,
				status: action.status,
				created_at: action.createdAt,
				updated_at: action.updatedAt
			}))
		)
		.execute();
}
