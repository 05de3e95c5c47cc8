import { error, fail, redirect } from '@sveltejs/kit';
import { PROFILE_STEP } from '$lib/questionnaire/steps';
import * as assessmentService from '$lib/server/assessment/assessment-service';
import { config } from '$lib/server/config';
import * as campaigns from '$lib/server/chamber/campaign-service';

// Where a chamber's members arrive from its invitation, often on a phone: a page to read and one plain form, so it
// sends no script, as the landing page does.
export const csr = false;

async function findCampaign(code: string) {
	const campaign = await campaigns.campaignByCode(code);
	if (!campaign) error(404, { message: 'Not Found', kind: 'campaign' });
	return campaign;
}

export const load = async ({ params }) => {
	const campaign = await findCampaign(params.code);
	return {
		campaign: { name: campaign.name, opensAt: campaign.opensAt, closesAt: campaign.closesAt },
		chamber: { name: campaign.chamber.name, logo: campaign.chamber.logo },
		/** Whether the campaign takes new assessments now; the page says why not otherwise. */
		state: campaign.state,
		minGroupSize: config().minGroupSize
	};
};

export const actions = {
	/** Starts a draft attributed to this campaign, unless it has closed since the page was shown. */
	default: async ({ params, locals }) => {
		const campaign = await findCampaign(params.code);
		const started = await assessmentService.startForCampaign(campaign, locals.locale);
		if (!started.ok) return fail(409, { state: started.state });
		redirect(303, `/assessment/${started.token}/${PROFILE_STEP}`);
	}
};
