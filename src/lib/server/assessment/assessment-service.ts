import type { Locale } from '$lib/i18n/locales';
import {
	checkAnswers,
	mergeAnswers,
	missingRequired,
	type AnswerIssue
} from '$lib/questionnaire/answers';
import { keepValidAnswers, versionChange, type VersionChange } from '$lib/questionnaire/carry-over';
import { profileFacts } from '$lib/questionnaire/profile';
import type { Questionnaire } from '$lib/questionnaire/schema';
import type { Answers } from '$lib/questionnaire/visibility';
import { assessCarbon, type CarbonResult } from '$lib/carbon/assess';
import { scoreAnswers, type Result } from '$lib/scoring/score';
import { db } from '../db';
import * as assessments from '../db/assessments';
import type { Assessment, AssessmentResult } from '../db/assessments';
import * as auditLog from '../db/audit-log';
import * as campaigns from '../db/campaigns';
import { DatabaseUnavailable } from '../db/unavailable';
import { campaignState, type Campaign, type CampaignState } from '../db/campaigns';
import { flushErased } from '../db/connect';
import * as versions from '../db/questionnaire-versions';
import * as consent from '../db/consent';
import * as planActions from '../db/plan-actions';
import * as symbiosisItems from '../db/symbiosis';
import * as reassessments from '../db/reassessments';
import * as reminders from '../db/reminders';
import { PRIVACY_NOTICE_VERSION } from './privacy';
import { catalogue, DEFAULT_QUESTIONNAIRE } from '../content';
import * as idempotency from './idempotency';
import { hashToken, isTokenShaped, newToken } from './tokens';

/**
 * The rules of an assessment's life, shared by the pages and the JSON API so both behave the same: start, save
 * answers while a draft, submit once, erase.
 */

export interface Opened {
	assessment: Assessment;
	/** The definition its answers are read with: the current files for a draft, the stored version once submitted. */
	questionnaire: Questionnaire;
	/** A draft started under an earlier version: what changed. Its answers are already those the current one takes. */
	carriedOver?: VersionChange;
}

export interface StartOptions {
	locale: Locale;
	questionnaireId?: string;
	answers?: Answers;
	campaignId?: string | null;
	chamberId?: string | null;
	previousId?: string | null;
}

/** A new draft's row and the token of its resume link. */
function newDraft(options: StartOptions): { token: string; draft: assessments.NewAssessment } {
	const definition = catalogue().questionnaires.get(
		options.questionnaireId ?? DEFAULT_QUESTIONNAIRE
	);
	if (!definition) throw new Error(`unknown questionnaire ${options.questionnaireId}`);
	const token = newToken();
	const draft = {
		tokenHash: hashToken(token),
		questionnaireId: definition.id,
		questionnaireVersion: definition.version,
		locale: options.locale,
		campaignId: options.campaignId,
		chamberId: options.chamberId,
		previousId: options.previousId,
		answers: options.answers
	};
	return { token, draft };
}

/**
 * Keeps the definition a draft is started under, so that a draft still open when the questionnaire's version changes
 * can tell the firm what changed (see `open`).
 */
async function rememberDefinition(draft: assessments.NewAssessment): Promise<void> {
	const definition = catalogue().questionnaires.get(draft.questionnaireId);
	if (definition) await versions.remember(db(), definition);
}

/** Starts a draft and returns the token of its resume link (the only time the token exists outside the URL). */
export async function start(options: StartOptions): Promise<string> {
	const { token, draft } = newDraft(options);
	await rememberDefinition(draft);
	await assessments.create(db(), draft);
	return token;
}

/** Thrown inside `startOnce`'s transaction to undo the draft when another request took the key. */
class KeyTaken extends Error {}

/**
 * `start` under an Idempotency-Key (see idempotency.ts): the draft and the key's record are written together, so
 * two requests racing with one key never create two assessments. Undefined when the other request won; its answer
 * is then found with `replay`.
 */
export async function startOnce(
	options: StartOptions,
	key: string,
	body: unknown
): Promise<string | undefined> {
	const { token, draft } = newDraft(options);
	await rememberDefinition(draft);
	try {
		await db()
			.transaction()
			.execute(async (trx) => {
				const id = await assessments.create(trx, draft);
				if (!(await idempotency.remember(trx, key, body, { id, token }))) throw new KeyTaken();
			});
		return token;
	} catch (error) {
		if (error instanceof KeyTaken) return undefined;
		throw error;
	}
}

/**
 * What an earlier start under this Idempotency-Key created: its token; `conflict` when the key came with another
 * body; undefined for a new or expired key.
 */
export function replayStart(key: string, body: unknown): Promise<string | 'conflict' | undefined> {
	return idempotency.replay(db(), key, body);
}

/**
 * Starts a draft attributed to a campaign and its chamber, or says why the campaign takes no new assessments. The
 * chamber comes from the stored campaign, never from the request.
 */
export async function startForCampaign(
	campaign: Campaign,
	locale: Locale
): Promise<{ ok: true; token: string } | { ok: false; state: Exclude<CampaignState, 'open'> }> {
	const state = campaignState(campaign);
	if (state !== 'open') return { ok: false, state };
	const token = await start({
		locale,
		questionnaireId: campaign.questionnaireId,
		campaignId: campaign.id,
		chamberId: campaign.chamber.id
	});
	return { ok: true, token };
}

/** The assessment a token was made for and the chain it belongs to; undefined for an unknown or malformed one. */
async function linkOf(
	token: string
): Promise<{ assessment: Assessment; chain: reassessments.ChainMember[] } | undefined> {
	if (!isTokenShaped(token)) return undefined;
	const assessment = await assessments.findByTokenHash(db(), hashToken(token));
	if (!assessment) return undefined;
	return { assessment, chain: await reassessments.members(db(), assessment.id) };
}

/**
 * The assessment a firm's link opens: the newest of its re-assessment chain (the draft in progress, else the latest
 * results), whichever of the chain's tokens the link holds. A firm thus keeps one link for good, and an old link
 * never shows results a newer assessment has replaced. Every page, file and API call that takes a token goes
 * through here. Undefined for an unknown, malformed or erased token.
 */
export async function open(token: string): Promise<Opened | undefined> {
	const link = await linkOf(token);
	if (!link) return undefined;
	const newest = reassessments.newest(link.chain);
	if (!newest) return undefined;
	const assessment =
		newest.id === link.assessment.id
			? link.assessment
			: await assessments.findById(db(), newest.id);
	return assessment && openAssessment(assessment);
}

/**
 * The `n`th submitted assessment of a link's chain (1 is the oldest), for reading older results, and whether it is
 * the chain's newest assessment (whose page is the results page itself). Undefined outside the chain.
 */
export async function openEntry(
	token: string,
	n: number
): Promise<{ opened: Opened; newest: boolean } | undefined> {
	const link = await linkOf(token);
	const entry = link && reassessments.submitted(link.chain)[n - 1];
	if (!link || !entry) return undefined;
	const assessment = await assessments.findById(db(), entry.id);
	if (!assessment) return undefined;
	const newest = reassessments.newest(link.chain)?.id === entry.id;
	return { opened: await openAssessment(assessment), newest };
}

/** An assessment with the definition its answers are read with (see `Opened`). */
async function openAssessment(assessment: Assessment): Promise<Opened> {
	const current = catalogue().questionnaires.get(assessment.questionnaireId);
	if (assessment.status === 'draft' && current) {
		if (assessment.questionnaireVersion === current.version)
			return { assessment, questionnaire: current };
		return carryOver(assessment, current);
	}
	const stored =
		(await versions.find(
			db(),
			assessment.questionnaireId,
			assessment.questionnaireVersion,
			current
		)) ?? current;
	if (!stored)
		throw new Error(
			`no definition for ${assessment.questionnaireId}@${assessment.questionnaireVersion}`
		);
	return { assessment, questionnaire: stored };
}

/** One submitted assessment of a firm's history: when, and how it scored. */
export interface HistoryEntry {
	submittedAt: string;
	overall: number;
	/** The level's id in the questionnaire. */
	level: string;
}

/** The firm's submitted assessments across its re-assessment chain, oldest first. */
export async function history(opened: Opened): Promise<HistoryEntry[]> {
	const chain = await reassessments.members(db(), opened.assessment.id);
	return reassessments
		.submitted(chain)
		.flatMap((member) =>
			member.overall === null || member.level === null
				? []
				: [{ submittedAt: member.submittedAt!, overall: member.overall, level: member.level }]
		);
}

/**
 * A draft started under an earlier version continues under the current one: the answers it can still take are kept,
 * the others (to removed questions or options) are left out, and what changed is compared with the stored definition
 * of the earlier version. The draft keeps its starting version until it is submitted, so the note stays on its pages.
 */
async function carryOver(assessment: Assessment, current: Questionnaire): Promise<Opened> {
	const kept = keepValidAnswers(current, assessment.answers);
	const previous = await versions.find(
		db(),
		assessment.questionnaireId,
		assessment.questionnaireVersion
	);
	return {
		assessment: { ...assessment, answers: kept.answers },
		questionnaire: current,
		carriedOver: versionChange(
			previous,
			current,
			assessment.questionnaireVersion,
			kept.dropped.length
		)
	};
}

/** The answers of a draft that its questionnaire still takes (all of them, unless it was carried over). */
function answersOf(opened: Opened, answers: Answers): Answers {
	return opened.carriedOver ? keepValidAnswers(opened.questionnaire, answers).answers : answers;
}

/** `open`, once per request: a page's layout and page loads run together and both need the assessment. */
export function openForRequest(locals: App.Locals, token: string): Promise<Opened | undefined> {
	locals.assessment ??= open(token);
	return locals.assessment;
}

export type SaveOutcome =
	| { ok: true; answers: Answers }
	| { ok: false; reason: 'invalid'; issues: AnswerIssue[] }
	| { ok: false; reason: 'submitted' };

/**
 * Checks and merges answers into a draft. Nothing is saved when any answer is refused, so a mistake never leaves half
 * a change behind; the caller shows the issues next to the fields and keeps what the user typed. The changes are
 * written only over the revision they were merged into; when another save or a submission came first, they are
 * merged again into what is stored now, or refused as 'submitted': an acknowledged save is never lost.
 */
export async function saveAnswers(
	opened: Opened,
	input: Record<string, unknown>
): Promise<SaveOutcome> {
	if (opened.assessment.status !== 'draft') return { ok: false, reason: 'submitted' };
	const { changes, issues } = checkAnswers(opened.questionnaire, input);
	if (issues.length > 0) return { ok: false, reason: 'invalid', issues };
	let assessment: Assessment | undefined = opened.assessment;
	for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
		if (assessment?.status !== 'draft') return { ok: false, reason: 'submitted' };
		const answers = answersOf(opened, mergeAnswers(assessment.answers, changes));
		if (await assessments.saveAnswers(db(), assessment.id, answers, assessment.revision))
			return { ok: true, answers };
		assessment = await assessments.findById(db(), assessment.id);
	}
	throw new DatabaseUnavailable('busy');
}

/**
 * Whether a submitted assessment counts for the campaign it was started in: not when the campaign had closed by
 * submission. Null for an assessment that never belonged to a campaign.
 */
export type Attribution = { attributed: true } | { attributed: false; reason: 'closed' } | null;

/** The attribution of a stored assessment, as submission left it. */
export function attributionOf(assessment: Assessment): Attribution {
	if (assessment.detachedCampaignId) return { attributed: false, reason: 'closed' };
	return assessment.campaignId ? { attributed: true } : null;
}

/**
 * The campaign an assessment was started in, with whether it still takes submissions: a draft's campaign may have
 * closed since it was started. Undefined for an assessment outside any campaign (or whose campaign is gone).
 */
export async function campaignOf(
	assessment: Assessment
): Promise<{ campaign: Campaign; open: boolean } | undefined> {
	const id = assessment.campaignId ?? assessment.detachedCampaignId;
	const campaign = id ? await campaigns.findById(db(), id) : undefined;
	return campaign && { campaign, open: campaignState(campaign) === 'open' };
}

/** How often a save or a submission is tried again over newer answers before the request is answered 503. */
const MAX_ATTEMPTS = 5;

export type SubmitOutcome =
	| { ok: true; result: AssessmentResult; campaign: Attribution }
	| {
			ok: false;
			/** Required questions still unanswered. */
			missing: string[];
			/** A re-assessment in a campaign asks the consent again, with no default: no answer came. */
			consentRequired: boolean;
	  };

/**
 * Whether this submission must carry an explicit answer about sharing the firm's identity: a re-assessment in an
 * open campaign asks again rather than assume either answer (the firm may have changed its mind, and silently
 * dropping a consent given before hid the firm from its chamber). A first assessment keeps its unticked box.
 */
function asksConsentAgain(assessment: Assessment, closed: boolean): boolean {
	return assessment.previousId !== null && assessment.chamberId !== null && !closed;
}

/**
 * Scores the stored answers and freezes the assessment, with the SME's answer to sharing its identity when it came
 * through a campaign (undefined: no answer, which a first assessment reads as "no" and a re-assessment refuses).
 * An answer of "no" withdraws, with a record, any consent still standing on the chain's older assessments, so none
 * of them says "consented" any more. Idempotent: submitting again returns the stored result. The score is always
 * computed here from stored answers, never taken from the client. It freezes exactly the answers of the revision it
 * scored: when a save came in between, it reads and scores again, so every save acknowledged before the submission
 * is in it.
 */
export async function submit(
	opened: Opened,
	options: { shareIdentity?: boolean } = {}
): Promise<SubmitOutcome> {
	const { questionnaire } = opened;
	let assessment: Assessment | undefined = opened.assessment;
	for (let attempt = 0; attempt < MAX_ATTEMPTS && assessment; attempt++) {
		// Submitted, by an earlier request or one that came first: its stored result is the one that counts.
		if (assessment.status === 'submitted' && assessment.result)
			return { ok: true, result: assessment.result, campaign: attributionOf(assessment) };
		const answers = answersOf(opened, assessment.answers);
		const missing = missingRequired(questionnaire, answers);
		// A campaign that closed after the draft was started collects nothing more: the result goes to no chamber.
		const closed = assessment.campaignId !== null && !(await campaignOf(assessment))?.open;
		const consentRequired =
			asksConsentAgain(assessment, closed) && options.shareIdentity === undefined;
		if (missing.length > 0 || consentRequired) return { ok: false, missing, consentRequired };
		const result: Result & Partial<CarbonResult> = {
			...scoreAnswers(questionnaire, answers),
			...assessCarbon(questionnaire, answers, catalogue().emissionFactors)
		};
		await versions.remember(db(), questionnaire);
		const detachFrom = closed ? assessment.campaignId : null;
		const asked = assessment.chamberId !== null && !closed;
		const outcome = await assessments.submit(db(), assessment.id, {
			answers,
			revision: assessment.revision,
			// A carried-over draft is scored, and is read from now on, with the version it was finished under.
			questionnaireVersion: questionnaire.version,
			result,
			facts: profileFacts(questionnaire, answers),
			// Only a campaign's chamber can be given the identity; without a campaign there is nobody to share it with.
			consent: asked
				? { shareIdentity: options.shareIdentity === true, version: PRIVACY_NOTICE_VERSION }
				: undefined,
			detachFrom,
			withdrawConsentOf:
				asked && options.shareIdentity !== true ? await othersInChain(assessment) : []
		});
		if (outcome === 'submitted') {
			const attribution = attributionOf({ ...assessment, detachedCampaignId: detachFrom });
			return { ok: true, result, campaign: attribution };
		}
		assessment = await assessments.findById(db(), assessment.id);
	}
	// Saves kept coming in (or the assessment was erased meanwhile): the client may try again.
	throw new DatabaseUnavailable('busy');
}

/** The other assessments of this one's re-assessment chain: the older ones, for a re-assessment just submitted. */
async function othersInChain(assessment: Assessment): Promise<string[]> {
	if (assessment.previousId === null) return [];
	const chain = await reassessments.chain(db(), assessment.id);
	return chain.filter((id) => id !== assessment.id);
}

/**
 * Re-assesses: a new draft from a submitted assessment's answers, action plan and symbiosis listing, whose results will show the change since that one.
 * It stays in the campaign while the campaign is open, and starts outside it once closed (a closed campaign collects
 * nothing more). The firm keeps the link it has, which opens the chain's newest assessment: the draft's own token is
 * random and never shown. A draft already in progress (another tab, a double click) is reopened rather than doubled.
 * Returns the draft's id. The steps run in one transaction, so whatever else a re-assessment carries over is one
 * more step inside it.
 */
export async function reassess(opened: Opened, locale: Locale): Promise<string> {
	const { assessment } = opened;
	if (assessment.status === 'draft') return assessment.id;
	const inCampaign = assessment.campaignId !== null && (await campaignOf(assessment))?.open;
	const { draft } = newDraft({
		locale,
		questionnaireId: assessment.questionnaireId,
		answers: assessment.answers,
		campaignId: inCampaign ? assessment.campaignId : null,
		chamberId: inCampaign ? assessment.chamberId : null,
		previousId: assessment.id
	});
	await rememberDefinition(draft);
	return db()
		.transaction()
		.execute(async (trx) => {
			// 1. Two re-assessments of the same results queue here, so the second finds the first one's draft.
			await reassessments.hold(trx, assessment.id);
			const newest = reassessments.newest(await reassessments.members(trx, assessment.id));
			if (newest?.status === 'draft') return newest.id;
			// 2. The new draft, pre-filled with these answers.
			const id = await assessments.create(trx, draft);
			// 3. The firm's action plan goes with it, with what it marked done: never a draft without its plan.
			await planActions.carryOver(trx, assessment.id, id);
			// 4. So does its symbiosis listing and consent to be introduced, to confirm or change on the new draft.
			await symbiosisItems.carryOver(trx, assessment.id, id);
			return id;
		});
}

/**
 * What the firm answered last time about sharing its identity, for a re-assessment that asks again: when it was
 * given and, if so, withdrawn (null for "not shared"). Undefined for a first assessment.
 */
export async function previousConsent(
	opened: Opened
): Promise<{ givenAt: string | null; withdrawnAt: string | null } | undefined> {
	const { previousId } = opened.assessment;
	if (previousId === null) return undefined;
	const events = await consent.history(db(), [previousId]);
	const given = events.filter((event) => event.kind === 'given').at(-1);
	const withdrawn =
		given && events.find((event) => event.kind === 'withdrawn' && event.at >= given.at);
	return { givenAt: given?.at ?? null, withdrawnAt: withdrawn?.at ?? null };
}

/** What an erasure covers: this assessment only, or every assessment of its re-assessment chain. */
export type EraseScope = 'this' | 'all';

/** How many assessments the firm would erase with scope `all`; the page proposes that when there are several. */
export async function chainSize(opened: Opened): Promise<number> {
	return (await reassessments.chain(db(), opened.assessment.id)).length;
}

/**
 * Erases for good at the firm's request (KVKK art. 7), with an audit entry per erased assessment, then flushes SQLite's
 * write-ahead log so the erased text leaves the disk too. Erasing only this one withdraws the consent of the older
 * ones (see `reassessments.erase`), so the firm's name never comes back.
 */
export async function erase(opened: Opened, scope: EraseScope): Promise<void> {
	const ids =
		scope === 'all'
			? await reassessments.chain(db(), opened.assessment.id)
			: [opened.assessment.id];
	await reassessments.erase(db(), ids);
	for (const id of ids) {
		await auditLog.record(db(), { actor: 'anonymous', action: 'assessment.delete', target: id });
	}
	await flushErased(db());
}

/** Every time the firm gave or withdrew its consent to share its identity, over its whole chain, oldest first. */
export async function consentHistory(opened: Opened) {
	return consent.history(db(), await reassessments.chain(db(), opened.assessment.id));
}

/**
 * Withdraws the consent to share the firm's identity with the campaign's chamber, on every assessment of its chain
 * (an older page must not go on saying "consented"); the history keeps both.
 */
export async function withdrawConsent(opened: Opened): Promise<void> {
	await consent.withdraw(db(), await reassessments.chain(db(), opened.assessment.id));
}

/** Everything stored about the assessment, for the SME to keep (KVKK art. 11: the right to information). Audited. */
export async function exportData(opened: Opened) {
	const { assessment } = opened;
	await auditLog.record(db(), {
		actor: 'anonymous',
		action: 'assessment.export',
		target: assessment.id
	});
	return {
		questionnaire: { id: assessment.questionnaireId, version: assessment.questionnaireVersion },
		status: assessment.status,
		locale: assessment.locale,
		createdAt: assessment.createdAt,
		updatedAt: assessment.updatedAt,
		submittedAt: assessment.submittedAt,
		answers: assessment.answers,
		result: assessment.result,
		consentToShareIdentity: assessment.consentShareIdentity,
		consentNoticeVersion: assessment.consentVersion,
		consentGivenAt: assessment.consentAt,
		/** Every time the consent was given or withdrawn, oldest first: withdrawal keeps this record. */
		consentHistory: await consentHistory(opened),
		/** The firm's action plan: who does what by when, and how far it is. */
		plan: await planActions.list(db(), assessment.id),
		/** What the firm offers and needs in the symbiosis exchange, and whether its chamber may introduce it. */
		symbiosis: await symbiosisItems.listing(db(), assessment.id),
		/** The firm's submitted assessments, oldest first, as the results page's history lists them. */
		history: await history(opened),
		/** The address reminders to finish this draft go to, while any are still to come; null otherwise. */
		reminderEmail: (await reminders.addressOf(db(), assessment.id)) ?? null
	};
}
