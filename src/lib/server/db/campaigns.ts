import { randomBytes } from 'node:crypto';
import type { Db } from './connect';
import { newId } from './ids';
import type { Chamber } from './chambers';

/** A campaign with the chamber that runs it, as its landing page and new assessments need it. */
export interface Campaign {
	id: string;
	code: string;
	name: string;
	questionnaireId: string;
	opensAt: string;
	closesAt: string | null;
	chamber: Chamber;
}

export interface NewCampaign {
	chamberId: string;
	name: string;
	questionnaireId: string;
	opensAt: Date;
	closesAt?: Date | null;
	/** How many firms the campaign aims to reach; null or absent: no target. */
	targetFirms?: number | null;
}

/**
 * A share code: 128 random bits, URL-safe (22 characters). Guessing one is hopeless, so a campaign cannot be joined
 * by someone who was not given its link.
 */
export function newCampaignCode(): string {
	return randomBytes(16).toString('base64url');
}

/** Creates a campaign and returns its id and share code. */
export async function create(
	db: Db,
	campaign: NewCampaign,
	now = new Date()
): Promise<{ id: string; code: string }> {
	const id = newId();
	const code = newCampaignCode();
	await db
		.insertInto('campaign')
		.values({
			id,
			chamber_id: campaign.chamberId,
			code,
			name: campaign.name,
			questionnaire_id: campaign.questionnaireId,
			opens_at: campaign.opensAt.toISOString(),
			closes_at: campaign.closesAt?.toISOString() ?? null,
			target_firms: campaign.targetFirms ?? null,
			created_at: now.toISOString()
		})
		.execute();
	return { id, code };
}

/** A chamber's campaign as its own pages list it. */
export interface ChamberCampaign {
	id: string;
	code: string;
	name: string;
	opensAt: string;
	closesAt: string | null;
	createdAt: string;
	targetFirms: number | null;
}

const chamberCampaignColumns = [
	'id',
	'code',
	'name',
	'opens_at as opensAt',
	'closes_at as closesAt',
	'created_at as createdAt',
	'target_firms as targetFirms'
] as const;

/** A chamber's campaigns, newest first. */
export async function listForChamber(db: Db, chamberId: string): Promise<ChamberCampaign[]> {
	return db
		.selectFrom('campaign')
		.select(chamberCampaignColumns)
		.where('chamber_id', '=', chamberId)
		.orderBy('created_at', 'desc')
		.execute();
}

/** One campaign, only if it belongs to this chamber: the tenant comes from the stored record, never the URL. */
export async function findForChamber(
	db: Db,
	chamberId: string,
	id: string
): Promise<ChamberCampaign | undefined> {
	return db
		.selectFrom('campaign')
		.select(chamberCampaignColumns)
		.where('chamber_id', '=', chamberId)
		.where('id', '=', id)
		.executeTakeFirst();
}

/** What an administrator may change of a campaign; its code and questionnaire stay. */
export interface CampaignChanges {
	name: string;
	opensAt: Date;
	closesAt: Date | null;
	targetFirms: number | null;
}

/** Changes a campaign of this chamber; false when the chamber has no such campaign. */
export async function update(
	db: Db,
	chamberId: string,
	id: string,
	changes: CampaignChanges
): Promise<boolean> {
	const result = await db
		.updateTable('campaign')
		.set({
			name: changes.name,
			opens_at: changes.opensAt.toISOString(),
			closes_at: changes.closesAt?.toISOString() ?? null,
			target_firms: changes.targetFirms
		})
		.where('chamber_id', '=', chamberId)
		.where('id', '=', id)
		.executeTakeFirst();
	return result.numUpdatedRows > 0n;
}

/**
 * Closes an open campaign of this chamber at `now`, in one statement so that two clicks cannot move the end twice;
 * false when it is not open (closed already, not yet open, or not this chamber's).
 */
export async function closeNow(
	db: Db,
	chamberId: string,
	id: string,
	now = new Date()
): Promise<boolean> {
	const at = now.toISOString();
	const result = await db
		.updateTable('campaign')
		.set({ closes_at: at })
		.where('chamber_id', '=', chamberId)
		.where('id', '=', id)
		.where('opens_at', '<=', at)
		.where((eb) => eb.or([eb('closes_at', 'is', null), eb('closes_at', '>', at)]))
		.executeTakeFirst();
	return result.numUpdatedRows > 0n;
}

/** The campaign a share code opens, with its chamber. */
export function findByCode(db: Db, code: string): Promise<Campaign | undefined> {
	return findWhere(db, 'campaign.code', code);
}

/** The campaign an assessment was started in, with its chamber: whether it is still open decides attribution. */
export function findById(db: Db, id: string): Promise<Campaign | undefined> {
	return findWhere(db, 'campaign.id', id);
}

async function findWhere(
	db: Db,
	column: 'campaign.code' | 'campaign.id',
	value: string
): Promise<Campaign | undefined> {
	const row = await db
		.selectFrom('campaign')
		.innerJoin('chamber', 'chamber.id', 'campaign.chamber_id')
		.select([
			'campaign.id',
			'campaign.code',
			'campaign.name',
			'campaign.questionnaire_id',
			'campaign.opens_at',
			'campaign.closes_at',
			'chamber.id as chamber_id',
			'chamber.slug as chamber_slug',
			'chamber.name as chamber_name',
			'chamber.province as chamber_province',
			'chamber.logo as chamber_logo'
		])
		.where(column, '=', value)
		.executeTakeFirst();
	if (!row) return undefined;
	return {
		id: row.id,
		code: row.code,
		name: row.name,
		questionnaireId: row.questionnaire_id,
		opensAt: row.opens_at,
		closesAt: row.closes_at,
		chamber: {
			id: row.chamber_id,
			slug: row.chamber_slug,
			name: row.chamber_name,
			province: row.chamber_province,
			logo: row.chamber_logo
		}
	};
}

export type CampaignState = 'open' | 'not_yet_open' | 'closed';

/** Whether a campaign takes new assessments at `now`; it closes at the start of its `closesAt` instant. */
export function campaignState(
	campaign: Pick<Campaign, 'opensAt' | 'closesAt'>,
	now = new Date()
): CampaignState {
	const at = now.toISOString();
	if (at < campaign.opensAt) return 'not_yet_open';
	if (campaign.closesAt !== null && at >= campaign.closesAt) return 'closed';
	return 'open';
}
