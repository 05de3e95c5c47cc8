import type { Answers } from '$lib/questionnaire/visibility';
import type { ProfileFacts } from '$lib/questionnaire/profile';
import type { CarbonResult } from '$lib/carbon/assess';
import type { Result } from '$lib/scoring/score';
import type { ExpressionBuilder, Selectable, Transaction } from 'kysely';
import type { Db } from './connect';
import type { AssessmentTable, Schema } from './schema';
import { newId } from './ids';

/** The score with the carbon estimate and CBAM screen; results submitted before those existed lack the two. */
export type AssessmentResult = Result & Partial<CarbonResult>;

export type AssessmentStatus = 'draft' | 'submitted';

/**
 * For a query over `assessment as a`: true unless a later submitted assessment re-assesses this one, so that a firm
 * that re-assessed counts once, with its latest result (peer benchmarks, chamber statistics, consenting firms).
 */
export function isLatest(eb: ExpressionBuilder<Schema & { a: Schema['assessment'] }, 'a'>) {
	return eb.not(
		eb.exists(
			eb
				.selectFrom('assessment as later')
				.select('later.id')
				.whereRef('later.previous_id', '=', 'a.id')
				.where('later.status', '=', 'submitted')
		)
	);
}

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
		result: AssessmentResult;
		facts: ProfileFacts;
		consent?: Consent;
		/** Its campaign, when that had closed: the assessment is submitted outside it and its chamber. */
		detachFrom?: string | null;
	},
	now = new Date()
): Promise<'submitted' | 'already'> {
	return db.transaction().execute(async (trx) => {
		const at = now.toISOString();
		let update = trx
			.updateTable('assessment')
			.set({
				status: 'submitted',
				answers: JSON.stringify(submission.answers),
				result: JSON.stringify(submission.result),
				overall_score: submission.result.overall,
				level: submission.result.level,
				scope1_t: submission.result.carbon?.scope1 ?? null,
				scope2_t: submission.result.carbon?.scope2 ?? null,
				cbam_exposure: submission.result.cbam?.level ?? null,
				sector: submission.facts.sector ?? null,
				size_class: submission.facts.sizeClass ?? null,
				province: submission.facts.province ?? null,
				...consentColumns(submission.consent, at),
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
		if (submission.consent?.shareIdentity) {
			await trx
				.insertInto('consent_event')
				.values({
					id: newId(),
					assessment_id: id,
					kind: 'given',
					notice_version: submission.consent.version,
					at
				})
				.execute();
		}
		return 'submitted';
	});
}

/** The SME's answer to sharing its identity with the campaign's chamber, and the notice version it answered. */
export interface Consent {
	shareIdentity: boolean;
	version: string;
}

function consentColumns(consent: Consent | undefined, at: string) {
	return consent?.shareIdentity
		? { consent_share_identity: 1, consent_version: consent.version, consent_at: at }
		: { consent_share_identity: 0, consent_version: null, consent_at: null };
}

/**
 * Withdraws the consent to share identity (KVKK art. 7: consent can be withdrawn at any time). The current state
 * becomes "not shared" while the history keeps when it was given and when withdrawn, under which notice version.
 * Withdrawing what is not given changes nothing, so a repeated click records one withdrawal.
 */
export async function withdrawConsent(db: Db, id: string, now = new Date()): Promise<void> {
	await db.transaction().execute((trx) => withdrawIn(trx, id, now.toISOString()));
}

async function withdrawIn(trx: Transaction<Schema>, id: string, at: string): Promise<void> {
	const given = await trx
		.selectFrom('assessment')
		.select('consent_version')
		.where('id', '=', id)
		.where('consent_share_identity', '=', 1)
		.executeTakeFirst();
	if (!given) return;
	await trx
		.updateTable('assessment')
		.set({ ...consentColumns(undefined, at), updated_at: at })
		.where('id', '=', id)
		.execute();
	await trx
		.insertInto('consent_event')
		.values({
			id: newId(),
			assessment_id: id,
			kind: 'withdrawn',
			notice_version: given.consent_version,
			at
		})
		.execute();
}

/** One step of the consent history, oldest first. */
export interface ConsentEvent {
	kind: 'given' | 'withdrawn';
	noticeVersion: string | null;
	at: string;
}

/** When the consent to share identity was given and withdrawn, for the results page and the data download. */
export async function consentHistory(db: Db, id: string): Promise<ConsentEvent[]> {
	return db
		.selectFrom('consent_event')
		.select(['kind', 'notice_version as noticeVersion', 'at'])
		.where('assessment_id', '=', id)
		.orderBy('at')
		.orderBy('kind')
		.execute();
}

/**
 * Every assessment linked to this one by re-assessment, in either direction (older ones it re-assessed, newer ones
 * started from it or from those), itself included: what a firm thinks of as "my assessments".
 */
export async function chain(db: Db, id: string): Promise<string[]> {
	const found = new Set([id]);
	let frontier = [id];
	while (frontier.length > 0) {
		const rows = await db
			.selectFrom('assessment')
			.select(['id', 'previous_id'])
			.where((eb) => eb.or([eb('id', 'in', frontier), eb('previous_id', 'in', frontier)]))
			.execute();
		const next = rows
			.flatMap((row) => [row.id, row.previous_id])
			.filter((linked): linked is string => linked !== null && !found.has(linked));
		for (const linked of next) found.add(linked);
		frontier = [...new Set(next)];
	}
	return [...found];
}

/**
 * Erases assessments for good, with their scores and consent history (both cascade).
 *
 * Erasing one assessment of a chain must never bring an older one back: `isLatest` would make its predecessor the
 * firm's latest again, and a consent given there would put the firm's name back into the chamber's export. So, in
 * one transaction: the assessments that re-assessed an erased one now point to its predecessor (the older ones stay
 * superseded; statistics keep counting the firm once), and when a submitted one is erased, every older assessment
 * of its chain has its consent withdrawn, with the withdrawal recorded. We withdraw rather than hide: the firm sees it on those results pages
 * and can consent again by re-assessing, and no query needs to learn a new rule.
 */
export async function erase(db: Db, ids: string[], now = new Date()): Promise<void> {
	await db.transaction().execute(async (trx) => {
		const erased = new Set(ids);
		for (const id of ids) {
			const row = await trx
				.selectFrom('assessment')
				.select(['previous_id', 'status'])
				.where('id', '=', id)
				.executeTakeFirst();
			if (!row) continue;
			await trx
				.updateTable('assessment')
				.set({ previous_id: row.previous_id })
				.where('previous_id', '=', id)
				.execute();
			// A draft superseded nothing, so erasing it revives nothing.
			let older = row.status === 'submitted' ? row.previous_id : null;
			while (older !== null && !erased.has(older)) {
				await withdrawIn(trx, older, now.toISOString());
				const next = await trx
					.selectFrom('assessment')
					.select('previous_id')
					.where('id', '=', older)
					.executeTakeFirst();
				older = next?.previous_id ?? null;
			}
			await trx.deleteFrom('assessment').where('id', '=', id).execute();
		}
	});
}

export interface PeerBenchmark {
	/** How many firms the benchmark is drawn from. */
	firms: number;
	overall: number;
	/** Mean score per theme, only for themes scored by at least the minimum group of firms. */
	themes: Map<string, number>;
}

/**
 * The mean scores of the SME's peers: other submitted assessments of the same questionnaire, sector and size class.
 * A firm that re-assessed counts once, with its latest result. Nothing is returned for a group smaller than
 * `minGroupSize`, so no single firm's scores can be read from it.
 */
export async function peerBenchmark(
	db: Db,
	peers: { questionnaireId: string; sector: string; sizeClass: string; excludeId: string },
	minGroupSize: number
): Promise<PeerBenchmark | undefined> {
	const group = db
		.selectFrom('assessment as a')
		.where('a.status', '=', 'submitted')
		.where('a.questionnaire_id', '=', peers.questionnaireId)
		.where('a.sector', '=', peers.sector)
		.where('a.size_class', '=', peers.sizeClass)
		.where('a.id', '!=', peers.excludeId)
		.where(isLatest);
	const totals = await group
		.select((eb) => [
			eb.fn.countAll<number>().as('firms'),
			eb.fn.avg<number>('a.overall_score').as('overall')
		])
		.executeTakeFirstOrThrow();
	if (Number(totals.firms) < minGroupSize) return undefined;
	const themes = await group
		.innerJoin('assessment_score as s', 's.assessment_id', 'a.id')
		.select((eb) => [
			's.theme_id',
			eb.fn.countAll<number>().as('firms'),
			eb.fn.avg<number>('s.score').as('mean')
		])
		.groupBy('s.theme_id')
		.execute();
	return {
		firms: Number(totals.firms),
		overall: Number(totals.overall),
		themes: new Map(
			themes
				.filter((theme) => Number(theme.firms) >= minGroupSize)
				.map((theme) => [theme.theme_id, Number(theme.mean)])
		)
	};
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

/** A firm that agreed to share its identity with the chamber: its latest submitted assessment. */
export interface ConsentedRespondent {
	id: string;
	answers: Answers;
	level: string | null;
	overallScore: number | null;
	submittedAt: string;
	consentAt: string | null;
}

/**
 * The chamber's submitted assessments whose firm consented to share its identity, newest first, one per firm (its
 * latest), a page at a time: pass the last row's `submittedAt` and `id` as `after` for the next page, so a large
 * export reads the table in bounded pieces instead of holding it open or in memory.
 */
export async function consentedRespondents(
	db: Db,
	chamberId: string,
	page: { limit: number; after?: { submittedAt: string; id: string } }
): Promise<ConsentedRespondent[]> {
	let query = db
		.selectFrom('assessment as a')
		.select(['a.id', 'a.answers', 'a.level', 'a.overall_score', 'a.submitted_at', 'a.consent_at'])
		.where('a.chamber_id', '=', chamberId)
		.where('a.status', '=', 'submitted')
		.where('a.consent_share_identity', '=', 1)
		.where(isLatest)
		.orderBy('a.submitted_at', 'desc')
		.orderBy('a.id', 'desc')
		.limit(page.limit);
	const after = page.after;
	if (after) {
		query = query.where((eb) =>
			eb.or([
				eb('a.submitted_at', '<', after.submittedAt),
				eb.and([eb('a.submitted_at', '=', after.submittedAt), eb('a.id', '<', after.id)])
			])
		);
	}
	const rows = await query.execute();
	return rows.map((row) => ({
		id: row.id,
		answers: JSON.parse(row.answers) as Answers,
		level: row.level,
		overallScore: row.overall_score,
		submittedAt: row.submitted_at ?? '',
		consentAt: row.consent_at
	}));
}
