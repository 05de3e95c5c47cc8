import { db } from '../db';
import * as auditLog from '../db/audit-log';
import * as campaigns from '../db/campaigns';
import { campaignState, type Campaign, type CampaignState } from '../db/campaigns';
import { DEFAULT_QUESTIONNAIRE } from '../content';

/*
 * A chamber's campaigns for the routes: each comes with whether it takes assessments now, so no page works that
 * out on its own.
 */

type WithState<T> = T & { state: CampaignState };

const withState = <T extends Pick<Campaign, 'opensAt' | 'closesAt'>>(
	campaign: T
): WithState<T> => ({
	...campaign,
	state: campaignState(campaign)
});

/** The chamber's campaigns, newest first. */
export async function campaignsOf(chamberId: string) {
	return (await campaigns.listForChamber(db(), chamberId)).map(withState);
}

/** One campaign of the chamber; another chamber's campaign id is unknown here, like an id that never existed. */
export async function campaignOf(chamberId: string, id: string) {
	const campaign = await campaigns.findForChamber(db(), chamberId, id);
	return campaign && withState(campaign);
}

/** The campaign a share code (`/c/<code>`) leads to, with its chamber. */
export async function campaignByCode(code: string): Promise<WithState<Campaign> | undefined> {
	const campaign = await campaigns.findByCode(db(), code);
	return campaign && withState(campaign);
}

/** Creates a campaign of the default questionnaire, open from now unless a later day is given; audited. */
export async function createCampaign(
	actor: string,
	chamberId: string,
	input: { name: string; opensAt?: Date; closesAt?: Date; targetFirms?: number }
): Promise<string> {
	const { id } = await campaigns.create(db(), {
		chamberId,
		name: input.name,
		questionnaireId: DEFAULT_QUESTIONNAIRE,
		opensAt: input.opensAt ?? new Date(),
		closesAt: input.closesAt,
		targetFirms: input.targetFirms
	});
	await auditLog.record(db(), { actor, action: 'campaign.create', target: id });
	return id;
}

/**
 * Changes a campaign's name, days and target; audited. False for a campaign the chamber does not have. Moving its
 * days changes what it takes from now on; assessments already started keep their campaign.
 */
export async function editCampaign(
	actor: string,
	chamberId: string,
	id: string,
	input: { name: string; opensAt?: Date; closesAt?: Date; targetFirms?: number }
): Promise<boolean> {
	const changed = await campaigns.update(db(), chamberId, id, {
		name: input.name,
		opensAt: input.opensAt ?? new Date(),
		closesAt: input.closesAt ?? null,
		targetFirms: input.targetFirms ?? null
	});
	if (changed) await auditLog.record(db(), { actor, action: 'campaign.update', target: id });
	return changed;
}

/**
 * Ends an open campaign now, before its closing day; audited. False when it was not open: a draft started in it
 * and submitted later is then submitted outside it, as after any closing.
 */
export async function closeCampaign(actor: string, chamberId: string, id: string) {
	const closed = await campaigns.closeNow(db(), chamberId, id);
	if (closed) await auditLog.record(db(), { actor, action: 'campaign.close', target: id });
	return closed;
}
