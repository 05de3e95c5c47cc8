import type { Answers } from '$lib/questionnaire/visibility';
import type { ProfileFacts } from '$lib/questionnaire/profile';
import type { CarbonResult } from '$lib/carbon/assess';
import type { CbamScreen, LegacyCbamScreen } from '$lib/carbon/cbam';
import { priorities } from '$lib/scoring/recommend';
import type { Result } from '$lib/scoring/score';
import type { Selectable } from 'kysely';
import * as consent from './consent';
import * as reminders from './reminders';
import * as symbiosisIntroductions from './symbiosis-introductions';
import type { Db } from './connect';
import * as statisticsSummary from './statistics-summary';
import type { AssessmentTable } from './schema';
import { newId } from './ids';

/**
 * The score with the carbon estimate and CBAM screen; results submitted before those existed lack the two, and
 * results of questionnaire 1.x hold the CBAM screen's first shape (one level).
 */
export type AssessmentResult = Result &
	Partial<Omit<CarbonResult, 'cbam'>> & { cbam?: CbamScreen | LegacyCbamScreen | null };

export type AssessmentStatus = 'draft' | 'submitted';

/** An assessment as the rest of the server sees it: JSON columns parsed, booleans as booleans. */
export interface Assessment {
	id: string;
	questionnaireId: string;
	questionnaireVersion: string;
	locale: string;
	campaignId: string | null;
	chamberId: string | null;
	previousId: string | null;
	status: AssessmentStatus;
	answers: Answers;
	/** Raised by every save of the answers: saves and a submission write only over the revision they read. */
	revision: number;
	/** Filed at submission from the profile, for peer groups and chamber breakdowns. */
	sector: string | null;
	sizeClass: string | null;
	result: AssessmentResult | null;
	consentShareIdentity: boolean;
	/** The privacy-notice version the consent was given under, and when. */
	consentVersion: string | null;
	consentAt: string | null;
	/** The campaign it was started in, when that campaign had closed by submission (so no chamber counts it). */
	detachedCampaignId: string | null;
	createdAt: string;
	updatedAt: string;
	submittedAt: string | null;
}

export interface NewAssessment {
	tokenHash: string;
	questionnaireId: string;
	questionnaireVersion: string;
	locale: string;
	campaignId?: string | null;
	chamberId?: string | null;
	previousId?: string | null;
	answers?: Answers;
}

/** Starts a draft. Returns its id; the caller keeps the token that `tokenHash` was made from. */
export async function create(db: Db, draft: NewAssessment, now = new Date()): Promise<string> {
	const id = newId();
	const at = now.toISOString();
	await db
		.insertInto('assessment')
		.values({
			id,
			token_hash: draft.tokenHash,
			questionnaire_id: draft.questionnaireId,
			questionnaire_version: draft.questionnaireVersion,
			locale: draft.locale,
			campaign_id: draft.campaignId ?? null,
			chamber_id: draft.chamberId ?? null,
			previous_id: draft.previousId ?? null,
			status: 'draft',
			answers: JSON.stringify(draft.answers ?? {}),
			consent_share_identity: 0,
			created_at: at,
			updated_at: at
		})
		.execute();
	return id;
}

const columns = [
	'id',
	'questionnaire_id',
	'questionnaire_version',
	'locale',
	'campaign_id',
	'chamber_id',
	'previous_id',
	'status',
	'answers',
	'revision',
	'sector',
	'size_class',
	'result',
	'consent_share_identity',
	'consent_version',
	'consent_at',
	'detached_campaign_id',
	'created_at',
	'updated_at',
	'submitted_at'
] as const;

type Row = Pick<Selectable<AssessmentTable>, (typeof columns)[number]>;

function fromRow(row: Row): Assessment {
	return {
		id: row.id,
		questionnaireId: row.questionnaire_id,
		questionnaireVersion: row.questionnaire_version,
		locale: row.locale,
		campaignId: row.campaign_id,
		chamberId: row.chamber_id,
		previousId: row.previous_id,
		status: row.status,
		answers: JSON.parse(row.answers) as Answers,
		revision: Number(row.revision),
		sector: row.sector,
		sizeClass: row.size_class,
		result: row.result ? (JSON.parse(row.result) as AssessmentResult) : null,
		consentShareIdentity: Number(row.consent_share_identity) === 1,
		consentVersion: row.consent_version,
		consentAt: row.consent_at,
		detachedCampaignId: row.detached_campaign_id,
		createdAt: row.created_at,
		updatedAt: row.updated_at,
		submittedAt: row.submitted_at
	};
}

/** The assessment a resume link opens, if any. */
export async function findByTokenHash(db: Db, tokenHash: string): Promise<Assessment | undefined> {
	const row = await db
		.selectFrom('assessment')
		.select(columns)
		.where('token_hash', '=', tokenHash)
		.executeTakeFirst();
	return row ? fromRow(row) : undefined;
}

export async function findById(db: Db, id: string): Promise<Assessment | undefined> {
	const row = await db
		.selectFrom('assessment')
		.select(columns)
		.where('id', '=', id)
		.executeTakeFirst();
	return row ? fromRow(row) : undefined;
}

/**
 * Replaces a draft's answers and raises its revision. False when the assessment is gone or already submitted
 * (answers are then frozen), or, given the `revision` the answers were merged into, when another save came first.
 */
export async function saveAnswers(
	db: Db,
	id: string,
	answers: Answers,
	revision?: number,
	now = new Date()
): Promise<boolean> {
	let update = db
		.updateTable('assessment')
		.set((eb) => ({
			answers: JSON.stringify(answers),
			revision: eb('revision', '+', 1),
			updated_at: now.toISOString()
		}))
		.where('id', '=', id)
		.where('status', '=', 'draft');
	if (revision !== undefined) update = update.where('revision', '=', revision);
	const result = await update.executeTakeFirst();
	return Number(result.numUpdatedRows) > 0;
}

/**
 * Freezes a draft with its result. Idempotent: only the first call changes anything, so a double click, a retry or
 * a replay all end with one submitted assessment; later calls return 'already'. Given the `revision` the answers
 * were read at, it also returns 'already' without freezing when a save has come in since.
 */
export async function submit(
	db: Db,
	id: string,
	submission: {
		answers: Answers;
		revision?: number;
		/** The questionnaire version the result was scored with (a draft may have started under an earlier one). */
		questionnaireVersion?: string;
		/** Computed now, so always of the current shape. */
		result: Result & Partial<CarbonResult>;
		facts: ProfileFacts;
		consent?: consent.Consent;
		/** Its campaign, when that had closed: the assessment is submitted outside it and its chamber. */
		detachFrom?: string | null;
		/** Older assessments whose consent this submission withdraws, recorded at the same instant. */
		withdrawConsentOf?: string[];
	},
	now = new Date()
): Promise<'submitted' | 'already'> {
	return db.transaction().execute(async (trx) => {
		const at = now.toISOString();
		let update = trx
			.updateTable('assessment')
			.set({
				status: 'submitted',
				...(submission.questionnaireVersion
					? { questionnaire_version: submission.questionnaireVersion }
					: {}),
				answers: JSON.stringify(submission.answers),
				result: JSON.stringify(submission.result),
				overall_score: submission.result.overall,
				level: submission.result.level,
				scope1_t: submission.result.carbon?.scope1 ?? null,
				scope2_t: submission.result.carbon?.scope2 ?? null,
				cbam_exposure: submission.result.cbam?.exposure.value ?? null,
				cbam_readiness: submission.result.cbam?.readiness?.value ?? null,
				sector: submission.facts.sector ?? null,
				size_class: submission.facts.sizeClass ?? null,
				province: submission.facts.province ?? null,
				...consent.columns(submission.consent, at),
				...(submission.detachFrom
					? { campaign_id: null, chamber_id: null, detached_campaign_id: submission.detachFrom }
					: {}),
				submitted_at: at,
				updated_at: at
			})
			.where('id', '=', id)
			.where('status', '=', 'draft');
		if (submission.revision !== undefined)
			update = update.where('revision', '=', submission.revision);
		const updated = await update.executeTakeFirst();
		if (Number(updated.numUpdatedRows) === 0) return 'already';
		const scores = submission.result.themes.flatMap((theme) =>
			theme.score === null ? [] : [{ assessment_id: id, theme_id: theme.id, score: theme.score }]
		);
		if (scores.length > 0) await trx.insertInto('assessment_score').values(scores).execute();
		// The firm's priorities as rows, so that chambers count needs without reading results.
		const needs = priorities(submission.result.recommendations).map((recommendation, index) => ({
			assessment_id: id,
			rank: index + 1,
			recommendation_id: recommendation.id
		}));
		if (needs.length > 0) await trx.insertInto('assessment_need').values(needs).execute();
		if (submission.consent?.shareIdentity) {
			await consent.record(trx, id, 'given', submission.consent.version, at);
		}
		for (const older of submission.withdrawConsentOf ?? [])
			await consent.withdrawIn(trx, older, at);
		// The firm is the same: the chamber's introductions of its symbiosis matches stay on the pair.
		const { previous_id: previousId } = await trx
			.selectFrom('assessment')
			.select('previous_id')
			.where('id', '=', id)
			.executeTakeFirstOrThrow();
		if (previousId !== null) await symbiosisIntroductions.follow(trx, previousId, id);
		// The firm now counts with this result, and no longer with the one it re-assessed.
		await statisticsSummary.refresh(trx, [id, previousId]);
		// A submitted draft needs no reminder to finish: its address is forgotten with the submission.
		await reminders.forget(trx, id);
		return 'submitted';
	});
}

/** Deletes drafts never submitted and not changed since `before`, as the privacy notice promises. */
export async function purgeStaleDrafts(db: Db, before: Date): Promise<number> {
	const result = await db
		.deleteFrom('assessment')
		.where('status', '=', 'draft')
		.where('updated_at', '<', before.toISOString())
		.executeTakeFirst();
	return Number(result.numDeletedRows);
}
