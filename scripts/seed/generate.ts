// Seed data for the chamber dashboard's performance figures: chambers, campaigns and assessments shaped like those
// the app writes (see `submit` in src/lib/server/db/assessments.ts), all drawn from one seeded random stream so that
// the same seed gives the same database.
import type { Insertable, Transaction } from 'kysely';
import { assessCarbon } from '../../src/lib/carbon/assess';
import type { Db } from '../../src/lib/server/db/connect';
import type { Schema } from '../../src/lib/server/db/schema';
import * as statisticsSummary from '../../src/lib/server/db/statistics-summary';
import { profileFacts } from '../../src/lib/questionnaire/profile';
import type { Province, Questionnaire, Role } from '../../src/lib/questionnaire/schema';
import type { Answers } from '../../src/lib/questionnaire/visibility';
import { priorities } from '../../src/lib/scoring/recommend';
import { scoreAnswers } from '../../src/lib/scoring/score';
import { PRIVACY_NOTICE_VERSION } from '../../src/lib/server/assessment/privacy';
import { randomAnswers } from '../../tests/fixtures/answers';

export type Random = () => number;

export interface SeedOptions {
	chambers: number;
	/** Submitted assessments; drafts come on top. */
	assessments: number;
	/** Times are spread over the 12 months before this instant. */
	now: Date;
}

/** What a seed run wrote, for its report line and for tests. */
export interface SeedSummary {
	chambers: number;
	campaigns: number;
	submitted: number;
	reassessments: number;
	consented: number;
	drafts: number;
	scores: number;
	largest: { slug: string; submitted: number };
}

const SEED_TABLES = [
	'chamber',
	'campaign',
	'assessment',
	'assessment_score',
	'assessment_need',
	'plan_action'
] as const;
type SeedTable = (typeof SEED_TABLES)[number];

/** Rows written in one transaction, in the order of `SEED_TABLES` so that foreign keys always find their target. */
export type SeedBatch = { [T in SeedTable]?: Insertable<Schema[T]>[] };

type AssessmentRow = Insertable<Schema['assessment']>;
type ScoreRow = Insertable<Schema['assessment_score']>;
type NeedRow = Insertable<Schema['assessment_need']>;
type PlanRow = Insertable<Schema['plan_action']>;

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
const YEAR = 365 * DAY;
// Filling in the questionnaire takes minutes to, for a few firms that look up their figures, two days.
const MIN_FILL = 10 * MINUTE;
const MAX_FILL = 2 * DAY;
// A firm re-assesses after a month at the earliest, once it has had time to act on its priorities.
const MIN_REASSESSMENT_GAP = 30 * DAY;

const LARGEST_SHARE = 0.175;
// Some draws find no earlier assessment old enough to re-assess; 11 % of draws give about 10 % re-assessments.
const REASSESSMENT_RATE = 0.11;
const CONSENT_RATE = 0.3;
// About one firm in four puts its first priority on its action plan; of those, one in three has done it.
const PLAN_RATE = 0.25;
const PLAN_STATUSES = ['planned', 'in_progress', 'done'] as const;
const DRAFT_RATE = 0.2;
// Most members of a chamber work in its own province.
const HOME_PROVINCE_RATE = 0.8;
const ENGLISH_RATE = 0.1;
const ASSESSMENTS_PER_TRANSACTION = 1000;
// The energy step is optional: about two firms in five fill it in. Their yearly Scope 1 + 2 totals spread
// log-normally around 70 t, from about 1 t (an office) to about 5,000 t (a foundry) at three standard deviations.
const ESTIMATE_RATE = 0.4;
const MEDIAN_TONNES = 70;
const LOG_SPREAD = 1.4;

// SQLite binds at most 32,766 parameters per statement and PostgreSQL 65,535; the smaller bound serves both.
const MAX_PARAMETERS = 32_766;
const MAX_ROWS_PER_STATEMENT = 500;

const CHAMBER_KINDS = ['Ticaret ve Sanayi Odası', 'Ticaret Odası', 'Sanayi Odası'];
const CAMPAIGN_NAMES = [
	'Yeşil Dönüşüm Taraması',
	'SKDM Hazırlık Kampanyası',
	'Karbon Ayak İzi Farkındalık Günleri',
	'Enerji Verimliliği Haftası'
];
const SURNAMES = [
	'Yıldız',
	'Öztürk',
	'Çelik',
	'Şahin',
	'Aydın',
	'Doğan',
	'Kılıç',
	'Arslan',
	'Koç',
	'Güneş',
	'İnce',
	'Ünal',
	'Özdemir',
	'Kaya',
	'Demir',
	'Çakır',
	'Bulut',
	'Ergün'
];
const TRADES = [
	'Tekstil',
	'Gıda',
	'Metal',
	'Plastik',
	'Makine',
	'Mobilya',
	'Lojistik',
	'Kimya',
	'Ambalaj',
	'Seramik',
	'Otomotiv',
	'Tarım Ürünleri',
	'Enerji',
	'Yazılım',
	'Yapı'
];
const LEGAL_FORMS = ['A.Ş.', 'Ltd. Şti.', 'San. ve Tic. A.Ş.', 'San. ve Tic. Ltd. Şti.'];
const MAILBOXES = ['info', 'iletisim', 'cevre', 'kalite', 'muhasebe'];

const pick = <T>(items: readonly T[], random: Random): T =>
	items[Math.floor(random() * items.length)];

const iso = (ms: number) => new Date(ms).toISOString();

/** Bytes from the seeded stream, four per draw: ids and hashes must repeat with the seed too. */
function randomBytes(random: Random, count: number): Buffer {
	const bytes = Buffer.alloc(Math.ceil(count / 4) * 4);
	for (let offset = 0; offset < bytes.length; offset += 4) {
		bytes.writeUInt32BE(Math.floor(random() * 2 ** 32), offset);
	}
	return bytes.subarray(0, count);
}

// The same shapes as newId(), newCampaignCode() and hashToken() produce.
const randomId = (random: Random) => randomBytes(random, 12).toString('base64url');
const randomCode = (random: Random) => randomBytes(random, 16).toString('base64url');
const randomTokenHash = (random: Random) => randomBytes(random, 32).toString('hex');

/** Shuffles in place (Fisher–Yates) and returns the array. */
function shuffle<T>(items: T[], random: Random): T[] {
	for (let index = items.length - 1; index > 0; index--) {
		const other = Math.floor(random() * (index + 1));
		[items[index], items[other]] = [items[other], items[index]];
	}
	return items;
}

/**
 * How likely each chamber is to receive an assessment. One chamber gets about 17.5 % (more when there are so few
 * chambers that 17.5 % would not make it the largest) and the rest fall off as 1/√rank, so "the largest chamber" of
 * the dashboard's figures is a clear one. Which chamber is the largest depends on the seed.
 */
export function chamberShares(count: number, random: Random): number[] {
	const rest = Array.from({ length: count - 1 }, (_, index) => 1 / Math.sqrt(index + 2));
	const restTotal = rest.reduce((sum, weight) => sum + weight, 0);
	const largest = Math.max((LARGEST_SHARE * restTotal) / (1 - LARGEST_SHARE), 2 * (rest[0] ?? 0));
	const total = largest + restTotal;
	return shuffle([largest, ...rest], random).map((weight) => weight / total);
}

interface SeedCampaign {
	id: string;
	chamberId: string;
}

interface SeedChamber {
	id: string;
	slug: string;
	province: string;
	campaigns: SeedCampaign[];
}

/** Chambers `seed-1`…`seed-n` with plausible Turkish names and provinces, each running one to four campaigns. */
export function chamberRows(
	random: Random,
	count: number,
	provinces: readonly Province[],
	questionnaireId: string,
	now: Date
): { chambers: SeedChamber[]; batch: Required<Pick<SeedBatch, 'chamber' | 'campaign'>> } {
	const order = shuffle([...provinces], random);
	const chambers: SeedChamber[] = [];
	const batch: Required<Pick<SeedBatch, 'chamber' | 'campaign'>> = { chamber: [], campaign: [] };
	for (let number = 1; number <= count; number++) {
		const province = order[(number - 1) % order.length];
		const chamber: SeedChamber = {
			id: randomId(random),
			slug: `seed-${number}`,
			province: province.code,
			campaigns: []
		};
		const createdAt = now.getTime() - YEAR - (60 + random() * 300) * DAY;
		batch.chamber.push({
			id: chamber.id,
			slug: chamber.slug,
			name: `Seed ${province.name} ${pick(CHAMBER_KINDS, random)} ${number}`,
			province: province.code,
			logo: null,
			created_at: iso(createdAt)
		});
		const campaigns = 1 + Math.floor(random() * 4);
		for (let index = 0; index < campaigns; index++) {
			const campaign = { id: randomId(random), chamberId: chamber.id };
			chamber.campaigns.push(campaign);
			// Every campaign is open over the whole year the assessments are spread across.
			const opensAt = now.getTime() - YEAR - random() * 30 * DAY;
			batch.campaign.push({
				id: campaign.id,
				chamber_id: chamber.id,
				code: randomCode(random),
				name: `${CAMPAIGN_NAMES[index]} ${number}`,
				questionnaire_id: questionnaireId,
				opens_at: iso(opensAt),
				closes_at: random() < 0.5 ? null : iso(now.getTime() + (30 + random() * 180) * DAY),
				created_at: iso(opensAt - DAY)
			});
		}
		chambers.push(chamber);
	}
	return { chambers, batch };
}

const asciiSlug = (text: string) =>
	text
		.toLocaleLowerCase('tr')
		.replace(/[çğıöşü]/g, (letter) => 'cgiosu'['çğıöşü'.indexOf(letter)])
		.replace(/[^a-z0-9]+/g, '');

/** A made-up but plausible firm: "Kaya, Demir ve Ortakları Gıda Ltd. Şti." with a matching e-mail address. */
export function randomCompany(random: Random): { name: string; email: string } {
	const surname = pick(SURNAMES, random);
	const trade = pick(TRADES, random);
	// Some firms carry a comma in their name, which CSV exports must quote.
	const owners = random() < 0.1 ? `${surname}, ${pick(SURNAMES, random)} ve Ortakları` : surname;
	const name = `${owners} ${trade} ${pick(LEGAL_FORMS, random)}`;
	const domain = `${asciiSlug(surname)}${asciiSlug(trade)}${Math.floor(random() * 100)}.com.tr`;
	return { name, email: `${pick(MAILBOXES, random)}@${domain}` };
}

/** A standard normal draw from two uniform ones (Box–Muller). */
function normal(random: Random): number {
	return Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
}

const tenths = (tonnes: number) => Math.round(tonnes * 10) / 10;

/**
 * A made-up Scope 1 and 2 estimate in tonnes CO2e, or null for a firm that skipped the energy step. Fuels make up
 * a fifth to nine tenths of a firm's total, the rest being electricity.
 */
function randomEstimate(random: Random): { scope1: number; scope2: number } | null {
	if (random() >= ESTIMATE_RATE) return null;
	const total = MEDIAN_TONNES * Math.exp(LOG_SPREAD * normal(random));
	const fuels = 0.2 + 0.7 * random();
	return { scope1: tenths(total * fuels), scope2: tenths(total * (1 - fuels)) };
}

/** The profile question that plays a role, if the questionnaire has one. */
const roleQuestion = (questionnaire: Questionnaire, role: Role) =>
	questionnaire.profile.questions.find((question) => question.role === role);

/** Answers a single-choice role question with a random option when the random answers left it empty. */
function ensureRoleAnswer(
	questionnaire: Questionnaire,
	answers: Answers,
	role: Role,
	random: Random
): void {
	const question = roleQuestion(questionnaire, role);
	if (question?.type !== 'single' || !question.options) return;
	const answer = answers[question.id];
	if (typeof answer !== 'string' || answer === '') {
		answers[question.id] = pick(question.options, random).id;
	}
}

const answersWhere = (answers: Answers, keep: (questionId: string) => boolean): Answers =>
	Object.fromEntries(Object.entries(answers).filter(([questionId]) => keep(questionId)));

/** An earlier submitted assessment a later one may re-assess. */
export interface Predecessor {
	id: string;
	submittedAt: number;
	/** Its profile answers: a re-assessing firm is still the same firm. */
	profile: Answers;
}

export interface SubmittedContext {
	campaign: SeedCampaign;
	homeProvince: string;
	createdAt: number;
	submittedAt: number;
	previous?: Predecessor;
}

/** One submitted assessment and its theme scores, as `submit` would leave them. */
export interface SubmittedRows {
	assessment: AssessmentRow;
	scores: ScoreRow[];
	/** The firm's priorities, as `submit` stores them. */
	needs: NeedRow[];
	/** Its first priority on its action plan, for some firms. */
	plan: PlanRow[];
	profile: Answers;
}

/**
 * Builds one submitted assessment from the random stream: complete random answers (the profile copied from the
 * previous assessment for a re-assessment), every breakdown fact filled, scored with the real scoring, and about
 * 30 % consenting to share the firm's name and e-mail with the chamber.
 */
export function submittedAssessment(
	questionnaire: Questionnaire,
	random: Random,
	context: SubmittedContext
): SubmittedRows {
	const profileIds = new Set(questionnaire.profile.questions.map((question) => question.id));
	const fresh = randomAnswers(questionnaire, random);
	const answers: Answers = context.previous
		? { ...answersWhere(fresh, (id) => !profileIds.has(id)), ...context.previous.profile }
		: fresh;
	if (!context.previous) {
		const province = roleQuestion(questionnaire, 'province');
		if (province && random() < HOME_PROVINCE_RATE) answers[province.id] = context.homeProvince;
	}
	for (const role of ['sector', 'employees', 'turnover', 'province'] as const) {
		ensureRoleAnswer(questionnaire, answers, role, random);
	}

	const consent = random() < CONSENT_RATE;
	const nameQuestion = roleQuestion(questionnaire, 'company_name');
	const emailQuestion = roleQuestion(questionnaire, 'contact_email');
	if (nameQuestion && emailQuestion) {
		// A new firm names itself or, in half the cases where it does not consent, stays anonymous; a re-assessing
		// firm keeps the name it gave last time, and gives one now if it consents.
		const keeps = context.previous !== undefined && nameQuestion.id in answers;
		const named = keeps || consent || (!context.previous && random() < 0.5);
		if (!named) {
			delete answers[nameQuestion.id];
			delete answers[emailQuestion.id];
		} else if (!keeps) {
			const company = randomCompany(random);
			answers[nameQuestion.id] = company.name;
			answers[emailQuestion.id] = company.email;
		}
	}

	const result = scoreAnswers(questionnaire, answers);
	const facts = profileFacts(questionnaire, answers);
	// The CBAM screen is the app's own, run on the random answers; the emission figures are drawn directly, since
	// random energy amounts would not spread the way firms' do.
	const estimate = randomEstimate(random);
	const cbam = assessCarbon(questionnaire, answers, undefined).cbam;
	const id = randomId(random);
	const submittedAt = iso(context.submittedAt);
	return {
		assessment: {
			id,
			token_hash: randomTokenHash(random),
			questionnaire_id: questionnaire.id,
			questionnaire_version: questionnaire.version,
			locale: random() < ENGLISH_RATE ? 'en' : 'tr',
			campaign_id: context.campaign.id,
			chamber_id: context.campaign.chamberId,
			previous_id: context.previous?.id ?? null,
			status: 'submitted',
			answers: JSON.stringify(answers),
			sector: facts.sector ?? null,
			size_class: facts.sizeClass ?? null,
			province: facts.province ?? null,
			overall_score: result.overall,
			level: result.level,
			result: JSON.stringify(result),
			scope1_t: estimate?.scope1 ?? null,
			scope2_t: estimate?.scope2 ?? null,
			cbam_exposure: cbam?.exposure.value ?? null,
			cbam_readiness: cbam?.readiness?.value ?? null,
			consent_share_identity: consent ? 1 : 0,
			consent_version: consent ? PRIVACY_NOTICE_VERSION : null,
			consent_at: consent ? submittedAt : null,
			created_at: iso(context.createdAt),
			updated_at: submittedAt,
			submitted_at: submittedAt
		},
		scores: result.themes.flatMap((theme) =>
			theme.score === null ? [] : [{ assessment_id: id, theme_id: theme.id, score: theme.score }]
		),
		needs: priorities(result.recommendations).map((recommendation, index) => ({
			assessment_id: id,
			rank: index + 1,
			recommendation_id: recommendation.id
		})),
		plan: plannedAction(random, id, result.recommendations[0]?.id, submittedAt),
		profile: answersWhere(answers, (id) => profileIds.has(id))
	};
}

/** The firm's first priority on its action plan, for some firms, as the results page's plan saves it. */
function plannedAction(
	random: Random,
	assessmentId: string,
	recommendationId: string | undefined,
	at: string
): PlanRow[] {
	if (recommendationId === undefined || random() >= PLAN_RATE) return [];
	return [
		{
			id: randomId(random),
			assessment_id: assessmentId,
			recommendation_id: recommendationId,
			owner: 'Genel müdür',
			target_month: at.slice(0, 7),
			status: pick(PLAN_STATUSES, random),
			created_at: at,
			updated_at: at
		}
	];
}

/** A draft abandoned part-way: the first questions answered, nothing filed or scored. */
export function draftAssessment(
	questionnaire: Questionnaire,
	random: Random,
	campaign: SeedCampaign,
	now: number
): AssessmentRow {
	const all = Object.entries(randomAnswers(questionnaire, random));
	const answered = all.slice(0, Math.floor(random() * all.length));
	const createdAt = now - random() * YEAR;
	const updatedAt = Math.min(now, createdAt + random() * MAX_FILL);
	return {
		id: randomId(random),
		token_hash: randomTokenHash(random),
		questionnaire_id: questionnaire.id,
		questionnaire_version: questionnaire.version,
		locale: random() < ENGLISH_RATE ? 'en' : 'tr',
		campaign_id: campaign.id,
		chamber_id: campaign.chamberId,
		previous_id: null,
		status: 'draft',
		answers: JSON.stringify(Object.fromEntries(answered)),
		sector: null,
		size_class: null,
		province: null,
		overall_score: null,
		level: null,
		result: null,
		scope1_t: null,
		scope2_t: null,
		cbam_exposure: null,
		cbam_readiness: null,
		consent_share_identity: 0,
		consent_version: null,
		consent_at: null,
		created_at: iso(createdAt),
		updated_at: iso(updatedAt),
		submitted_at: null
	};
}

/** Index of the chamber a uniform draw falls on, given cumulative shares. */
function drawIndex(cumulative: number[], random: Random): number {
	const draw = random();
	const index = cumulative.findIndex((bound) => draw < bound);
	return index === -1 ? cumulative.length - 1 : index;
}

/** Takes a random predecessor that leaves room for a re-assessment before `now`, removing it from the pool. */
function takePredecessor(
	pool: Predecessor[],
	random: Random,
	now: number
): Predecessor | undefined {
	if (pool.length === 0) return undefined;
	const index = Math.floor(random() * pool.length);
	const candidate = pool[index];
	if (candidate.submittedAt + MIN_REASSESSMENT_GAP + MAX_FILL > now) return undefined;
	pool[index] = pool[pool.length - 1];
	pool.pop();
	return candidate;
}

/**
 * Every row of a seed run, in batches of one transaction each: chambers and campaigns first, then submitted
 * assessments with their scores, then drafts. Generated lazily, so 100,000 assessments never sit in memory at once;
 * returns the summary when done.
 */
export function* seedBatches(
	questionnaire: Questionnaire,
	provinces: readonly Province[],
	random: Random,
	options: SeedOptions
): Generator<SeedBatch, SeedSummary> {
	const now = options.now.getTime();
	const { chambers, batch } = chamberRows(
		random,
		options.chambers,
		provinces,
		questionnaire.id,
		options.now
	);
	yield batch;

	let sum = 0;
	const cumulative = chamberShares(options.chambers, random).map((share) => (sum += share));
	const pools = chambers.map((): Predecessor[] => []);
	const submittedPerChamber = chambers.map(() => 0);
	const summary = { submitted: 0, reassessments: 0, consented: 0, drafts: 0, scores: 0 };

	for (let start = 0; start < options.assessments; start += ASSESSMENTS_PER_TRANSACTION) {
		const size = Math.min(ASSESSMENTS_PER_TRANSACTION, options.assessments - start);
		const assessments: AssessmentRow[] = [];
		const scores: ScoreRow[] = [];
		const needs: NeedRow[] = [];
		const plans: PlanRow[] = [];
		for (let index = 0; index < size; index++) {
			const chamberIndex = drawIndex(cumulative, random);
			const chamber = chambers[chamberIndex];
			const previous =
				random() < REASSESSMENT_RATE
					? takePredecessor(pools[chamberIndex], random, now)
					: undefined;
			const earliest = previous
				? previous.submittedAt + MIN_REASSESSMENT_GAP
				: now - YEAR + MAX_FILL;
			const createdAt = earliest + random() * (now - MAX_FILL - earliest);
			// Most firms finish in one sitting; the cube skews the fill time towards minutes.
			const submittedAt = createdAt + MIN_FILL + random() ** 3 * (MAX_FILL - MIN_FILL);
			const rows = submittedAssessment(questionnaire, random, {
				campaign: pick(chamber.campaigns, random),
				homeProvince: chamber.province,
				createdAt,
				submittedAt,
				previous
			});
			assessments.push(rows.assessment);
			scores.push(...rows.scores);
			needs.push(...rows.needs);
			plans.push(...rows.plan);
			pools[chamberIndex].push({ id: rows.assessment.id, submittedAt, profile: rows.profile });
			submittedPerChamber[chamberIndex] += 1;
			summary.submitted += 1;
			if (previous) summary.reassessments += 1;
			if (rows.assessment.consent_share_identity === 1) summary.consented += 1;
			summary.scores += rows.scores.length;
		}
		yield {
			assessment: assessments,
			assessment_score: scores,
			assessment_need: needs,
			plan_action: plans
		};
	}

	const drafts = Math.round(options.assessments * DRAFT_RATE);
	for (let start = 0; start < drafts; start += ASSESSMENTS_PER_TRANSACTION) {
		const size = Math.min(ASSESSMENTS_PER_TRANSACTION, drafts - start);
		const rows = Array.from({ length: size }, () => {
			const chamber = chambers[drawIndex(cumulative, random)];
			return draftAssessment(questionnaire, random, pick(chamber.campaigns, random), now);
		});
		summary.drafts += rows.length;
		yield { assessment: rows };
	}

	const largest = submittedPerChamber.indexOf(Math.max(...submittedPerChamber));
	return {
		chambers: chambers.length,
		campaigns: batch.campaign.length,
		...summary,
		largest: { slug: chambers[largest].slug, submitted: submittedPerChamber[largest] }
	};
}

async function insertRows<T extends SeedTable>(
	trx: Transaction<Schema>,
	table: T,
	rows: Insertable<Schema[T]>[]
): Promise<void> {
	if (rows.length === 0) return;
	const columns = Object.keys(rows[0]).length;
	const perStatement = Math.min(MAX_ROWS_PER_STATEMENT, Math.floor(MAX_PARAMETERS / columns));
	for (let start = 0; start < rows.length; start += perStatement) {
		await trx
			.insertInto(table)
			.values(rows.slice(start, start + perStatement))
			.execute();
	}
}

/**
 * Inserts one batch in one transaction, as multi-row statements kept under the bound-parameter limits, and brings
 * the statistics' summaries up to date with it (the firms submitted and those their re-assessments supersede).
 */
export async function insertBatch(db: Db, batch: SeedBatch): Promise<void> {
	await db.transaction().execute(async (trx) => {
		for (const table of SEED_TABLES) await insertRows(trx, table, batch[table] ?? []);
		const assessments = batch.assessment ?? [];
		await statisticsSummary.refresh(trx, [
			...assessments.map((row) => row.id),
			...assessments.map((row) => row.previous_id)
		]);
	});
}

/** Generates a seed run and writes it to `db`, one transaction per batch. */
export async function seed(
	db: Db,
	questionnaire: Questionnaire,
	provinces: readonly Province[],
	random: Random,
	options: SeedOptions
): Promise<SeedSummary> {
	const batches = seedBatches(questionnaire, provinces, random, options);
	for (let next = batches.next(); ; next = batches.next()) {
		if (next.done) return next.value;
		await insertBatch(db, next.value);
	}
}
