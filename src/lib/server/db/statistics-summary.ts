import type { Kysely, Transaction } from 'kysely';
import { monthInTurkiye } from '$lib/i18n/format';
import type { ComparedFilter, Firm, PlanStatus } from '../aggregates/types';
import type { Schema } from './schema';

/*
 * The chamber statistics' summaries, so that a dashboard reads one compact row per firm and the comparison with all
 * chambers a few hundred totals, instead of every assessment with its scores, priorities and plan.
 *
 * - `statistics_firm`: one row per firm counted by the statistics (the latest submitted assessment with a result of
 *   each chain, in a chamber), holding everything the figures read of it as one JSON array (`Packed`): a chamber's
 *   firms are then read as one string and parsed at once.
 * - `statistics_national`: over all those firms, the firms and the sum of their overall score (`theme_id` '') and of
 *   each theme's score, in tenths (scores have one decimal, so the sums are exact), in all (`dimension` 'all') and
 *   per sector, size class and province: the groups the comparison may be filtered by.
 *
 * They are derived data: every write that changes what they hold calls `refresh` with the assessments it touched,
 * inside its own transaction, and `rebuild` derives them from scratch (the seed script). Both raise the version of
 * each chamber whose firms changed (`statistics_version`), which tells a server that keeps a chamber's firms parsed
 * (`statistics.ts`) to read them again.
 */

type Db = Kysely<Schema>;

/**
 * A firm as its summary row holds it: a `Firm` without its symbiosis listing (read where it is kept, it changes
 * after submission), with its theme scores and plan as plain objects.
 */
export type StoredFirm = Omit<Firm, 'themes' | 'plan' | 'symbiosis'> & {
	/** The assessment's id. */
	id: string;
	themes: Record<string, number>;
	plan: Record<string, PlanStatus>;
};

/**
 * A stored firm as a JSON array, its fields in this order: keys repeated in every row made the text of a large
 * chamber twice as long, and parsing it took as long as every other figure together.
 */
type Packed = [
	id: string,
	campaignId: string | null,
	sector: string | null,
	sizeClass: string | null,
	province: string | null,
	overall: number,
	level: string,
	scope1: number | null,
	scope2: number | null,
	cbam: string | null,
	cbamReadiness: string | null,
	month: string,
	previousOverall: number | null,
	themes: Record<string, number>,
	priorities: string[],
	plan: Record<string, PlanStatus>
];

function pack(firm: StoredFirm): string {
	const packed: Packed = [
		firm.id,
		firm.campaignId,
		firm.sector,
		firm.sizeClass,
		firm.province,
		firm.overall,
		firm.level,
		firm.scope1,
		firm.scope2,
		firm.cbam,
		firm.cbamReadiness,
		firm.month!,
		firm.previousOverall ?? null,
		firm.themes,
		[...firm.priorities],
		firm.plan
	];
	return JSON.stringify(packed);
}

/** A map of an object's entries, without the array of them `Object.entries` would make. */
function mapOf<V>(object: Record<string, V>): Map<string, V> {
	const map = new Map<string, V>();
	for (const key in object) map.set(key, object[key]);
	return map;
}

/**
 * A firm's theme scores as a read-only map over two short arrays, its themes and their scores. A large chamber's
 * dashboard reads tens of thousands of firms: a `Map` built for each took longer than parsing their text, and
 * looking scores up in the parsed objects (of as many shapes as there are sets of themes) cost more than finding
 * one of a few theme ids, which JSON parsing interns, in an array.
 */
class ThemeScores implements ReadonlyMap<string, number> {
	constructor(
		private readonly themes: readonly string[],
		private readonly scores: readonly number[]
	) {}

	get size(): number {
		return this.themes.length;
	}

	has(theme: string): boolean {
		return this.themes.includes(theme);
	}

	get(theme: string): number | undefined {
		const i = this.themes.indexOf(theme);
		return i === -1 ? undefined : this.scores[i];
	}

	*entries(): MapIterator<[string, number]> {
		for (let i = 0; i < this.themes.length; i++) yield [this.themes[i], this.scores[i]];
	}

	keys(): MapIterator<string> {
		return this.themes.values();
	}

	values(): MapIterator<number> {
		return this.scores.values();
	}

	forEach(callback: (score: number, theme: string, map: ReadonlyMap<string, number>) => void) {
		this.themes.forEach((theme, i) => callback(this.scores[i], theme, this));
	}

	[Symbol.iterator](): MapIterator<[string, number]> {
		return this.entries();
	}
}

/**
 * The plan of every firm that has none, shared: most firms have none, and a map each took a third of the time it
 * takes to turn a large chamber's rows into firms. Read-only for every reader (`Firm.plan` is a `ReadonlyMap`).
 */
const NO_PLAN: ReadonlyMap<string, PlanStatus> = new Map();

/** Code-unit order of the assessment ids, which SQLite's primary key and PostgreSQL's C collation keep too. */
const byId = (a: Packed, b: Packed) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0);

/**
 * One copy of what many firms repeat: parsing gives each firm its own copy of its campaign's id, of its priorities'
 * ids and of its list of themes, and a large chamber's copies were much of what the garbage collector had to move
 * while its dashboard was read.
 */
class Shared {
	readonly #texts = new Map<string, string>();
	#themes: readonly string[] = [];

	text<T extends string | null>(text: T): T {
		if (text === null) return text;
		const kept = this.#texts.get(text);
		if (kept !== undefined) return kept as T;
		this.#texts.set(text, text);
		return text;
	}

	/** The themes of a firm, as the previous firm's list when they are the same (as they mostly are). */
	themes(themes: string[]): readonly string[] {
		const last = this.#themes;
		if (themes.length === last.length && themes.every((theme, i) => theme === last[i])) return last;
		return (this.#themes = themes);
	}
}

/**
 * The firms of a chamber's summary rows with their assessment ids, from their texts joined by commas in any order:
 * sorted by id, so that sums over them are always added in one order (floating-point sums depend on it), which an
 * `ORDER BY` in PostgreSQL paid for with a sort of the whole text on disk, and SQLite's rows already are in (so the
 * sort only checks it). Built field by field, so that every firm has the same shape (which the figures' loops over
 * them rely on).
 */
export function unpackFirms(joined: string): { id: string; firm: Firm }[] {
	const shared = new Shared();
	return (JSON.parse(`[${joined}]`) as Packed[]).sort(byId).map((packed) => ({
		id: packed[0],
		firm: {
			campaignId: shared.text(packed[1]),
			sector: packed[2],
			sizeClass: packed[3],
			province: packed[4],
			overall: packed[5],
			level: packed[6],
			themes: new ThemeScores(shared.themes(Object.keys(packed[13])), Object.values(packed[13])),
			scope1: packed[7],
			scope2: packed[8],
			cbam: packed[9],
			cbamReadiness: packed[10],
			month: packed[11],
			previousOverall: packed[12] ?? undefined,
			priorities: packed[14].map((id) => shared.text(id)),
			plan: isEmpty(packed[15]) ? NO_PLAN : mapOf(packed[15])
		}
	}));
}

function isEmpty(object: object): boolean {
	for (const _ in object) return false;
	return true;
}

/** The filters of the comparison with all chambers, as `statistics_national.dimension` holds them. */
const NATIONAL_DIMENSIONS: readonly ComparedFilter['name'][] = ['sector', 'sizeClass', 'province'];

interface SummaryRow {
	assessment_id: string;
	chamber_id: string;
	firm: StoredFirm;
}

const ALL = 'all';
const OVERALL = '';

/** A score in whole tenths, as the national sums hold it. */
const tenths = (score: number) => Math.round(score * 10);

/** The summary rows of the counted firms among `ids`, read from the assessments with their scores, needs and plans. */
async function derive(trx: Db, ids: readonly string[]): Promise<SummaryRow[]> {
	if (ids.length === 0) return [];
	const rows = await trx
		.selectFrom('assessment as a')
		// The score a re-assessment started from, when its predecessor was submitted in the same chamber.
		.leftJoin('assessment as p', (join) =>
			join
				.onRef('p.id', '=', 'a.previous_id')
				.onRef('p.chamber_id', '=', 'a.chamber_id')
				.on('p.status', '=', 'submitted')
		)
		.select([
			'a.id',
			'a.chamber_id',
			'a.campaign_id',
			'a.sector',
			'a.size_class',
			'a.province',
			'a.overall_score',
			'a.level',
			'a.scope1_t',
			'a.scope2_t',
			'a.cbam_exposure',
			'a.cbam_readiness',
			'a.submitted_at',
			'p.overall_score as previous_score'
		])
		.where('a.id', 'in', ids)
		.where('a.chamber_id', 'is not', null)
		.where('a.status', '=', 'submitted')
		.where('a.submitted_at', 'is not', null)
		.where('a.overall_score', 'is not', null)
		.where('a.level', 'is not', null)
		// Not re-assessed by a later submission (`reassessments.isLatest`, not imported: erasing refreshes from there).
		.where(({ exists, not, selectFrom }) =>
			not(
				exists(
					selectFrom('assessment as later')
						.select('later.id')
						.whereRef('later.previous_id', '=', 'a.id')
						.where('later.status', '=', 'submitted')
				)
			)
		)
		.execute();
	if (rows.length === 0) return [];
	const counted = rows.map((row) => row.id);
	const themes = new Map<string, Record<string, number>>();
	const scores = await trx
		.selectFrom('assessment_score')
		.select(['assessment_id', 'theme_id', 'score'])
		.where('assessment_id', 'in', counted)
		.execute();
	for (const row of scores) {
		const firm = themes.get(row.assessment_id) ?? {};
		themes.set(row.assessment_id, Object.assign(firm, { [row.theme_id]: row.score }));
	}
	const priorities = new Map<string, string[]>();
	const needs = await trx
		.selectFrom('assessment_need')
		.select(['assessment_id', 'recommendation_id'])
		.where('assessment_id', 'in', counted)
		.orderBy('assessment_id')
		.orderBy('rank')
		.execute();
	for (const row of needs) {
		const list = priorities.get(row.assessment_id);
		if (list) list.push(row.recommendation_id);
		else priorities.set(row.assessment_id, [row.recommendation_id]);
	}
	const plans = new Map<string, Record<string, PlanStatus>>();
	const actions = await trx
		.selectFrom('plan_action')
		.select(['assessment_id', 'recommendation_id', 'status'])
		.where('assessment_id', 'in', counted)
		.orderBy('assessment_id')
		.orderBy('recommendation_id')
		.execute();
	for (const row of actions) {
		const plan = plans.get(row.assessment_id) ?? {};
		plans.set(row.assessment_id, Object.assign(plan, { [row.recommendation_id]: row.status }));
	}
	return rows.map((row) => ({
		assessment_id: row.id,
		chamber_id: row.chamber_id!,
		firm: {
			id: row.id,
			campaignId: row.campaign_id,
			sector: row.sector,
			sizeClass: row.size_class,
			province: row.province,
			overall: Number(row.overall_score),
			level: row.level!,
			scope1: row.scope1_t,
			scope2: row.scope2_t,
			cbam: row.cbam_exposure,
			cbamReadiness: row.cbam_readiness,
			month: monthInTurkiye(row.submitted_at!),
			...(row.previous_score === null ? {} : { previousOverall: Number(row.previous_score) }),
			themes: themes.get(row.id) ?? {},
			priorities: priorities.get(row.id) ?? [],
			plan: plans.get(row.id) ?? {}
		}
	}));
}

/** Summary rows as stored. */
const stored = (rows: readonly SummaryRow[]) =>
	rows.map((row) => ({ ...row, firm: pack(row.firm) }));

/** What some firms add to the national totals, per `dimension`, `value` and `theme_id` (joined by a tab). */
function contributions(firms: readonly StoredFirm[], sign: 1 | -1, into: Totals): void {
	for (const firm of firms) {
		const groups: [string, string][] = [[ALL, '']];
		for (const dimension of NATIONAL_DIMENSIONS) {
			const value = firm[dimension];
			if (value !== null) groups.push([dimension, value]);
		}
		const scores: [string, number][] = [[OVERALL, firm.overall], ...Object.entries(firm.themes)];
		for (const [dimension, value] of groups) {
			for (const [theme, score] of scores) {
				const key = `${dimension}\t${value}\t${theme}`;
				const total = into.get(key) ?? { firms: 0, tenths: 0 };
				total.firms += sign;
				total.tenths += sign * tenths(score);
				into.set(key, total);
			}
		}
	}
}

type Totals = Map<string, { firms: number; tenths: number }>;

/** Adds changes to the national totals, a row per group and theme. */
async function addTotals(trx: Db, totals: Totals): Promise<void> {
	const rows = [...totals]
		.filter(([, total]) => total.firms !== 0 || total.tenths !== 0)
		.map(([key, total]) => {
			const [dimension, value, theme_id] = key.split('\t');
			return { dimension, value, theme_id, firms: total.firms, total_tenths: total.tenths };
		});
	// In slices, to stay within the bound parameters a statement may have.
	for (let start = 0; start < rows.length; start += 500) {
		await trx
			.insertInto('statistics_national')
			.values(rows.slice(start, start + 500))
			.onConflict((conflict) =>
				conflict.columns(['dimension', 'value', 'theme_id']).doUpdateSet((eb) => ({
					firms: eb('statistics_national.firms', '+', eb.ref('excluded.firms')),
					total_tenths: eb('statistics_national.total_tenths', '+', eb.ref('excluded.total_tenths'))
				}))
			)
			.execute();
	}
	// A group whose last firm left holds nothing: gone, as from a total derived from scratch.
	await trx.deleteFrom('statistics_national').where('firms', '=', 0).execute();
}

/**
 * Derives the summaries of these assessments again from the assessment tables, in the caller's transaction: a write
 * that submits, re-assesses, erases or changes what the statistics read of an assessment (its scores, priorities or
 * plan) calls it with every assessment it touched, including the one a re-assessment supersedes or an erasure
 * revives. Assessments that are not (or no longer) counted lose their row; ids of drafts or of erased rows are fine.
 */
export async function refresh(
	trx: Transaction<Schema>,
	ids: readonly (string | null | undefined)[]
): Promise<void> {
	const touched = [...new Set(ids.filter((id): id is string => typeof id === 'string'))];
	if (touched.length === 0) return;
	const old = await trx
		.deleteFrom('statistics_firm')
		.where('assessment_id', 'in', touched)
		.returning(['chamber_id', 'firm'])
		.execute();
	const rows = await derive(trx, touched);
	if (rows.length > 0) await trx.insertInto('statistics_firm').values(stored(rows)).execute();
	await raiseVersions(
		trx,
		[...old, ...rows].map((row) => row.chamber_id)
	);
	const totals: Totals = new Map();
	contributions(
		unpackFirms(old.map((row) => row.firm).join(',')).map(({ id, firm }) => ({
			...firm,
			id,
			themes: Object.fromEntries(firm.themes),
			plan: Object.fromEntries(firm.plan)
		})),
		-1,
		totals
	);
	contributions(
		rows.map((row) => row.firm),
		1,
		totals
	);
	await addTotals(trx, totals);
}

/** Marks the firms of these chambers as changed, for whoever keeps them parsed (`db/statistics.ts`). */
async function raiseVersions(trx: Db, chamberIds: readonly string[]): Promise<void> {
	// In one order, so that two writes that touch the same chambers never wait for each other's locks in a circle.
	for (const chamber_id of [...new Set(chamberIds)].sort()) {
		await trx
			.insertInto('statistics_version')
			.values({ chamber_id, version: 1 })
			.onConflict((conflict) =>
				conflict
					.column('chamber_id')
					.doUpdateSet((eb) => ({ version: eb('statistics_version.version', '+', 1) }))
			)
			.execute();
	}
}

/**
 * Derives both summaries from scratch, a slice of assessments at a time, without marking any chamber's firms as
 * changed: for the migration that created them, before chambers had versions. Everything else calls `rebuild`.
 */
export async function fillFromScratch(trx: Db): Promise<void> {
	await trx.deleteFrom('statistics_firm').execute();
	await trx.deleteFrom('statistics_national').execute();
	const ids = await trx
		.selectFrom('assessment')
		.select('id')
		.where('status', '=', 'submitted')
		.where('chamber_id', 'is not', null)
		.orderBy('id')
		.execute();
	const totals: Totals = new Map();
	for (let start = 0; start < ids.length; start += 500) {
		const rows = await derive(
			trx,
			ids.slice(start, start + 500).map((row) => row.id)
		);
		for (let i = 0; i < rows.length; i += 100) {
			await trx
				.insertInto('statistics_firm')
				.values(stored(rows.slice(i, i + 100)))
				.execute();
		}
		contributions(
			rows.map((row) => row.firm),
			1,
			totals
		);
	}
	await addTotals(trx, totals);
}

/** Derives both summaries from scratch (the seed script, a repair) and marks every chamber's firms as changed. */
export async function rebuild(trx: Db): Promise<void> {
	await fillFromScratch(trx);
	const chambers = await trx
		.selectFrom('statistics_version')
		.select('chamber_id')
		.union(trx.selectFrom('statistics_firm').select('chamber_id'))
		.execute();
	await raiseVersions(
		trx,
		chambers.map((row) => row.chamber_id)
	);
}
