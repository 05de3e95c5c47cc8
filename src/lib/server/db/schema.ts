import type { Generated } from 'kysely';

/**
 * The tables, as Kysely sees them. Times are ISO-8601 UTC strings on both databases so that they sort and compare the
 * same way in SQLite (which has no date type) and PostgreSQL.
 */
export interface Schema {
	audit_log: AuditLogTable;
	questionnaire_version: QuestionnaireVersionTable;
	assessment: AssessmentTable;
	assessment_score: AssessmentScoreTable;
	assessment_need: AssessmentNeedTable;
	consent_event: ConsentEventTable;
	chamber: ChamberTable;
	campaign: CampaignTable;
	one_time_link: OneTimeLinkTable;
	user: UserTable;
	member: MemberTable;
	idempotency_key: IdempotencyKeyTable;
	used_totp_code: UsedTotpCodeTable;
	api_token: ApiTokenTable;
	chamber_resource: ChamberResourceTable;
	plan_action: PlanActionTable;
	reminder: ReminderTable;
	mail_send: MailSendTable;
	symbiosis_item: SymbiosisItemTable;
	symbiosis_introduction: SymbiosisIntroductionTable;
	statistics_firm: StatisticsFirmTable;
	statistics_national: StatisticsNationalTable;
	statistics_version: StatisticsVersionTable;
}

export interface AuditLogTable {
	id: Generated<string>;
	at: string;
	/** Who acted: a user id, `api_token:<id>`, `cli` (`npm run admin`), `system`, or `anonymous`. */
	actor: string;
	/** What happened, as a dotted verb such as `chamber.login` or `assessment.delete`. */
	action: string;
	/** What it happened to (an id or slug), if anything. */
	target: string | null;
}

export interface QuestionnaireVersionTable {
	questionnaire_id: string;
	version: string;
	/** The whole validated definition as JSON. */
	definition: string;
	hash: string;
	stored_at: string;
}

export interface AssessmentTable {
	id: string;
	/** SHA-256 of the resume-link token; the token itself is never stored. */
	token_hash: string;
	questionnaire_id: string;
	questionnaire_version: string;
	locale: string;
	campaign_id: string | null;
	chamber_id: string | null;
	/** The assessment this one re-assesses, for showing progress. */
	previous_id: string | null;
	status: 'draft' | 'submitted';
	/** Every answer, profile included, as JSON keyed by question id. */
	answers: string;
	/** Raised by every save of the answers, so concurrent saves and submissions can tell they overlapped. */
	revision: Generated<number>;
	sector: string | null;
	size_class: string | null;
	province: string | null;
	overall_score: number | null;
	level: string | null;
	/** The scored result as JSON, fixed at submission. */
	result: string | null;
	/** The carbon estimate's Scope 1 and Scope 2 totals in tCO2e; null without energy figures. */
	scope1_t: number | null;
	scope2_t: number | null;
	/** The CBAM screen's exposure (src/lib/carbon/cbam.ts); null when not screened. */
	cbam_exposure: string | null;
	/** The CBAM screen's data readiness; null when not exposed or not asked. */
	cbam_readiness: string | null;
	/** 1 when the SME agreed to share its identity with the campaign's chamber. */
	consent_share_identity: number;
	consent_version: string | null;
	consent_at: string | null;
	/** The campaign the draft was started in, when it had closed by submission: the result is not attributed to it. */
	detached_campaign_id: string | null;
	/** 1 when the firm lets its chamber introduce it to firms that offer what it needs or need what it offers. */
	symbiosis_consent: Generated<number>;
	/** When that consent was last given; null when not given. */
	symbiosis_consent_at: string | null;
	created_at: string;
	updated_at: string;
	submitted_at: string | null;
}

export interface AssessmentScoreTable {
	assessment_id: string;
	theme_id: string;
	score: number;
}

/** One of a submitted assessment's priorities (its first recommendations), which chambers count as needs. */
export interface AssessmentNeedTable {
	assessment_id: string;
	/** 1 for the first priority. */
	rank: number;
	recommendation_id: string;
}

/** One step of an assessment's consent history; erased with the assessment. */
export interface ConsentEventTable {
	id: string;
	assessment_id: string;
	kind: 'given' | 'withdrawn';
	/** The privacy-notice version of the consent given or withdrawn. */
	notice_version: string | null;
	at: string;
}

export interface ChamberTable {
	id: string;
	/** The chamber's address in URLs (`/chamber/<slug>`): lower-case letters, digits and hyphens. */
	slug: string;
	name: string;
	/** Licence-plate code of the chamber's province, as in provinces.yaml. */
	province: string | null;
	/** A PNG or JPEG logo as a `data:` URL. */
	logo: string | null;
	/** 1 when the chamber's viewers, like its administrators, must use two-step verification. */
	viewers_two_factor: Generated<number>;
	/** How many member firms the chamber wants to reach over all its campaigns; null when not set. */
	target_firms: number | null;
	/** 1 when the chamber shares its supply–demand counts with the opted-in chambers of its region. */
	shares_supply_demand: Generated<number>;
	created_at: string;
}

export interface CampaignTable {
	id: string;
	chamber_id: string;
	/** The share code of `/c/<code>`: 128 random bits, URL-safe. */
	code: string;
	name: string;
	questionnaire_id: string;
	opens_at: string;
	/** Null for a campaign with no end date. */
	closes_at: string | null;
	/** How many firms the campaign wants to reach; null when not set. */
	target_firms: number | null;
	created_at: string;
}

export interface OneTimeLinkTable {
	/** SHA-256 of the link's token; the token itself is only ever in the link. */
	token_hash: string;
	purpose: 'platform_setup' | 'chamber_invitation';
	/** What the link is for, as JSON (for an invitation: the chamber, e-mail and role). */
	payload: string;
	created_at: string;
	expires_at: string;
	used_at: string | null;
}

/** better-auth's user table (its own camelCase column names), as far as this code reads it. */
export interface UserTable {
	id: string;
	name: string;
	email: string;
	/** `admin` for a platform administrator (better-auth's admin plugin), else `user`. */
	role: string | null;
	banned: number | boolean | null;
}

/** better-auth's organisation members: a user's role in a chamber (`owner`, `admin` or `viewer`). */
export interface MemberTable {
	id: string;
	organizationId: string;
	userId: string;
	role: string;
}

export interface IdempotencyKeyTable {
	/** SHA-256 of the Idempotency-Key; the key itself is only ever in the client's request. */
	key_hash: string;
	assessment_id: string;
	/** SHA-256 of the request body the key first came with: the same key with another body is refused. */
	body_hash: string;
	/** The assessment's token, AES-256-GCM under a key derived from the Idempotency-Key (see idempotency.ts). */
	sealed_token: string;
	expires_at: string;
}

/** An authenticator code that has been accepted, kept until it can no longer be valid; the code only as a hash. */
export interface UsedTotpCodeTable {
	user_id: string;
	code_hash: string;
	expires_at: string;
}

/** A chamber's personal API token (`Authorization: Bearer …` on `/api/v1/chambers/<slug>/…`). */
export interface ApiTokenTable {
	id: string;
	chamber_id: string;
	/** What the token is for, as its creator named it ("CRM sync"). */
	name: string;
	/** The chamber role the token acts with: `admin` or `member` (viewer), as in `member.role`. */
	role: string;
	/** SHA-256 of the token; the token itself is shown once and never stored. */
	token_hash: string;
	/** The user id of whoever created it, or `cli` for `npm run admin`. */
	created_by: string;
	created_at: string;
	/** Null for a token that does not expire. */
	expires_at: string | null;
	revoked_at: string | null;
	last_used_at: string | null;
}

/** A chamber's own resource, shown first to the firms of its campaigns whose theme, sector and size it fits. */
export interface ChamberResourceTable {
	id: string;
	chamber_id: string;
	title_tr: string;
	title_en: string | null;
	description_tr: string;
	description_en: string | null;
	/** Always https (checked on input). */
	url: string;
	/** JSON arrays of ids: the questionnaire's themes (at least one), NACE sections or divisions, size classes. */
	themes: string;
	/** `[]` for every sector. */
	sectors: string;
	/** `[]` for every size. */
	size_classes: string;
	/** The last calendar day it is shown (`2027-03-31`), or null for no end. */
	valid_until: string | null;
	created_at: string;
	/** A user id, or `api_token:<id>`. */
	created_by: string;
	updated_at: string;
	updated_by: string;
	/** Set when an administrator retires it: never shown to firms again, kept for the audit log. */
	retired_at: string | null;
}

/** One action of a firm's plan: a recommendation it has taken on; erased with the assessment. */
export interface PlanActionTable {
	id: string;
	assessment_id: string;
	/** The questionnaire's recommendation id; it may no longer fire in a later assessment the plan was carried to. */
	recommendation_id: string;
	/** Who in the firm does it, as the firm wrote it. */
	owner: string;
	/** The calendar month it should be done by (`2027-03`). */
	target_month: string;
	status: 'planned' | 'in_progress' | 'done';
	created_at: string;
	updated_at: string;
}

/** A draft owner's request to be reminded if it does not finish; erased with the assessment. */
export interface ReminderTable {
	id: string;
	assessment_id: string;
	/** Where the reminders go, lower-cased; kept only while one is still to be sent. */
	email: string;
	locale: string;
	/** The resume and unsubscribe links' tokens, sealed (see mail/reminders.ts): the database alone opens neither. */
	sealed_links: string;
	/** SHA-256 of the token of the unsubscribe link. */
	unsubscribe_hash: string;
	/** How many reminders were sent (0 or 1: the row is deleted after the last). */
	sent: Generated<number>;
	/** When the next reminder is due. */
	due_at: string;
	/** Until when an instance holds the row to send it; null when free. */
	claimed_until: string | null;
	created_at: string;
}

/** One mail of a resume link, for throttling; deleted once older than the window. */
export interface MailSendTable {
	id: string;
	/** `assessment:<id>` or `address:<keyed digest of the address>`. */
	subject: string;
	at: string;
}

/** One thing a firm offers to, or needs from, other firms (the symbiosis exchange); erased with the assessment. */
export interface SymbiosisItemTable {
	id: string;
	assessment_id: string;
	side: 'offer' | 'need';
	/** A category id of questionnaires/symbiosis-categories.yaml. */
	category: string;
	quantity_per_year: number;
	unit: 't' | 'm3' | 'MWh' | 'piece';
	/** 1 hazardous, 0 not, null not said. */
	hazardous: number | null;
	frequency: string | null;
	note: string | null;
	/** Plate code; null: the firm's own province. */
	province: string | null;
	/** The item's place in the firm's list of that side, from 0. */
	position: number;
}

/** That a chamber introduced the firms of a symbiosis match; erased with either firm's assessment. */
export interface SymbiosisIntroductionTable {
	id: string;
	chamber_id: string;
	/** The offering and the needing firm's assessment, moved to a re-assessment when that is submitted. */
	offer_assessment_id: string;
	need_assessment_id: string;
	category: string;
	/** The user id of whoever introduced them. */
	introduced_by: string;
	introduced_at: string;
}

/**
 * A firm the chamber statistics count (its latest submitted assessment with a result), with everything they read of
 * it: derived from `assessment` and its scores, needs and plan by `statistics-summary.ts` in each writing transaction.
 */
export interface StatisticsFirmTable {
	assessment_id: string;
	chamber_id: string;
	/** JSON of `StoredFirm`: the firm as the statistics read it. */
	firm: string;
}

/**
 * Totals over every chamber's counted firms for the comparison with all chambers: firms and the sum of scores in
 * tenths, overall (`theme_id` '') and per theme, in all (`dimension` 'all', `value` '') and per group of a filter.
 */
export interface StatisticsNationalTable {
	/** 'all', or the filter: 'sector', 'sizeClass' or 'province'. */
	dimension: string;
	value: string;
	theme_id: string;
	firms: number;
	total_tenths: number;
}

/** How often a chamber's `statistics_firm` rows have changed; a chamber without a row is at version 0. */
export interface StatisticsVersionTable {
	chamber_id: string;
	version: number;
}
