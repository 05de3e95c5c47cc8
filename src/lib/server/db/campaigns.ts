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
}

/**
 * A share code: 128 random bits, URL-safe (22 characters). Guessing one is hopeless, so a campaign cannot be joined
 * by someone who was not given its link.
 */
export function newCampaignCode(): string {
	return randomBytes(16).toString('base64url');
}

/** Creates a campaign and returns its share code. */
export async function create(db: Db, campaign: NewCampaign, now = new Date()): Promise<string> {
	const code = newCampaignCode();
	await db
		.insertInto('campaign')
		.values({
			id: newId(),
			chamber_id: campaign.chamberId,
			code,
			name: campaign.name,
			questionnaire_id: campaign.questionnaireId,
			opens_at: campaign.opensAt.toISOString(),
			closes_at: campaign.closesAt?.toISOString() ?? null,
			created_at: now.toISOString()
		})
		.execute();
	return code;
}

/** The campaign a share code opens, with its chamber. */
export async function findByCode(db: Db, code: string): Promise<Campaign | undefined> {
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
		.where('campaign.code', '=', code)
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
