import { SqliteAdapter, sql, type Transaction } from 'kysely';
import type { SymbiosisSide } from '$lib/symbiosis/listing';
import type {
	CampaignRow,
	ComparedFilter,
	Firm,
	FirmListing,
	NationalGroup,
	NationalGroups
} from '../aggregates/types';
import type { Db } from './connect';
import type { Schema } from './schema';
import { ParsedFirms, type ChamberFirms } from './parsed-firms';
import { unpackFirms } from './statistics-summary';

/*
 * The rows the chamber statistics are computed from. This module reads and decides nothing: which figures may be
 * published is the business of `aggregates/`, which composes these readers.
 */

/** The firms each connection keeps parsed (`ParsedFirms`), and the snapshots that read through them. */
const parsedFirms = new WeakMap<Db, ParsedFirms>();
const snapshotFirms = new WeakMap<Transaction<Schema>, ParsedFirms>();
/** What each list `chamberFirms` returned was made from: see `basisOf`. */
const bases = new WeakMap<Firm[], ChamberFirms>();

/**
 * The summary rows' firms a list of `chamberFirms` was made from: the same object for every snapshot that finds the
 * chamber's rows unchanged while they are kept parsed, so what is computed from those rows alone (not from the
 * listings) may be kept under it for as long as they are (a WeakMap then forgets it with them).
 */
export function basisOf(firms: Firm[]): object | undefined {
	return bases.get(firms);
}

/** One snapshot for every query of a report, so the figures and their guards agree with each other. */
export function snapshot<T>(db: Db, read: (trx: Transaction<Schema>) => Promise<T>): Promise<T> {
	const parsed = parsedFirms.get(db) ?? new ParsedFirms();
	parsedFirms.set(db, parsed);
	return db
		.transaction()
		.setIsolationLevel('repeatable read')
		.setAccessMode('read only')
		.execute((trx) => {
			snapshotFirms.set(trx, parsed);
			return read(trx);
		});
}

/**
 * The chamber's firms, each with its latest submitted assessment: everything its own figures are computed from, read
 * from the firms' summary rows (`statistics-summary.ts`), or parsed from them earlier at the same version, and the
 * symbiosis listings, read every time.
 */
export async function chamberFirms(trx: Transaction<Schema>, chamberId: string): Promise<Firm[]> {
	const parsed = snapshotFirms.get(trx);
	const version = parsed ? await versionOf(trx, chamberId) : 0;
	let firms = parsed?.get(chamberId, version);
	if (!firms) {
		firms = await summarisedFirms(trx, chamberId);
		parsed?.set(chamberId, version, firms);
	}
	const listings = await readListings(trx, chamberId);
	// Kept firms are shared: a listing goes on a copy.
	const withListings = firms.map(({ id, firm }) => {
		const listing = listings.get(id);
		return listing ? { ...firm, symbiosis: listing } : firm;
	});
	bases.set(withListings, firms);
	return withListings;
}

async function versionOf(trx: Transaction<Schema>, chamberId: string): Promise<number> {
	const row = await trx
		.selectFrom('statistics_version')
		.select('version')
		.where('chamber_id', '=', chamberId)
		.executeTakeFirst();
	return row?.version ?? 0;
}

async function summarisedFirms(trx: Transaction<Schema>, chamberId: string): Promise<ChamberFirms> {
	// One string of every firm's JSON, parsed at once: thousands of rows of many columns took several times longer.
	// In no order: `unpackFirms` sorts them, since in PostgreSQL an ORDER BY sorted the whole text, on disk.
	const concatenated =
		trx.getExecutor().adapter instanceof SqliteAdapter
			? sql<string | null>`group_concat(firm, ',')`
			: sql<string | null>`string_agg(firm, ',')`;
	const { all } = await trx
		.selectFrom('statistics_firm')
		.select(concatenated.as('all'))
		.where('chamber_id', '=', chamberId)
		.executeTakeFirstOrThrow();
	return unpackFirms(all ?? '');
}

/**
 * The symbiosis categories each counted firm offers and needs, by assessment id, for the supply–demand counts. Every
 * listing counts, whether or not the firm consented to be introduced.
 */
async function readListings(
	trx: Transaction<Schema>,
	chamberId: string
): Promise<Map<string, FirmListing>> {
	// The counted firms' items only, by way of their summary rows.
	const items = await trx
		.selectFrom('symbiosis_item as i')
		.innerJoin('statistics_firm as f', 'f.assessment_id', 'i.assessment_id')
		.select(['i.assessment_id', 'i.side', 'i.category'])
		.where('f.chamber_id', '=', chamberId)
		.execute();
	const listings = new Map<string, Record<SymbiosisSide, Set<string>>>();
	for (const item of items) {
		let listing = listings.get(item.assessment_id);
		if (!listing)
			listings.set(item.assessment_id, (listing = { offer: new Set(), need: new Set() }));
		listing[item.side].add(item.category);
	}
	return listings;
}

/**
 * Every chamber's firms, in and outside the compared view, as counts and sums (overall and per theme), from the
 * national totals: the only read that crosses chambers, so it returns totals and never a firm.
 */
export async function nationalGroups(
	trx: Transaction<Schema>,
	compared: ComparedFilter | undefined
): Promise<NationalGroups> {
	const view = compared && { dimension: compared.name, value: compared.value };
	const rows = await trx
		.selectFrom('statistics_national')
		.select(['dimension', 'theme_id', 'firms', 'total_tenths'])
		.where((eb) =>
			eb.or([
				eb('dimension', '=', 'all'),
				...(view
					? [eb.and([eb('dimension', '=', view.dimension), eb('value', '=', view.value)])]
					: [])
			])
		)
		.execute();
	// Per theme ('' for the overall score): all firms, and those in the view.
	const totals = new Map<string, { all: NationalGroup; inView: NationalGroup }>();
	for (const row of rows) {
		const theme = totals.get(row.theme_id) ?? {
			all: { inView: false, firms: 0, total: 0 },
			inView: { inView: true, firms: 0, total: 0 }
		};
		const group = row.dimension === 'all' ? theme.all : theme.inView;
		group.firms += Number(row.firms);
		group.total += Number(row.total_tenths);
		totals.set(row.theme_id, theme);
	}
	// Without a filter every firm is in the view. Groups without firms are left out, as a GROUP BY would.
	const groups = ({ all, inView }: { all: NationalGroup; inView: NationalGroup }) =>
		(view
			? [
					inView,
					{ inView: false, firms: all.firms - inView.firms, total: all.total - inView.total }
				]
			: [{ ...all, inView: true }]
		)
			.filter((group) => group.firms > 0)
			.map((group) => ({ ...group, total: group.total / 10 }));
	const overall = totals.get('');
	const byTheme = new Map<string, NationalGroup[]>();
	for (const [theme, total] of totals) if (theme !== '') byTheme.set(theme, groups(total));
	return { firms: overall ? groups(overall) : [], byTheme };
}

/**
 * The chamber's campaigns (earliest opening first) with their targets and how many of their drafts re-assess nothing
 * (a firm that started and has not submitted; a re-assessment's draft is a firm already counted), and the chamber's
 * own target. One GROUP BY: the largest chamber has tens of thousands of assessments.
 */
export async function campaignRows(
	trx: Transaction<Schema>,
	chamberId: string
): Promise<{ campaigns: CampaignRow[]; chamberTarget: number | null }> {
	const campaigns = await trx
		.selectFrom('campaign')
		.select(['id', 'target_firms'])
		.where('chamber_id', '=', chamberId)
		.orderBy('opens_at')
		.orderBy('id')
		.execute();
	const drafts = await trx
		.selectFrom('assessment')
		.select((eb) => ['campaign_id', eb.fn.countAll<number>().as('drafts')])
		.where('chamber_id', '=', chamberId)
		.where('status', '=', 'draft')
		.where('previous_id', 'is', null)
		.groupBy('campaign_id')
		.execute();
	const chamber = await trx
		.selectFrom('chamber')
		.select('target_firms')
		.where('id', '=', chamberId)
		.executeTakeFirst();
	const draftsOf = new Map(drafts.map((row) => [row.campaign_id, Number(row.drafts)]));
	return {
		campaigns: campaigns.map((campaign) => ({
			id: campaign.id,
			target: campaign.target_firms,
			drafts: draftsOf.get(campaign.id) ?? 0
		})),
		chamberTarget: chamber?.target_firms ?? null
	};
}
