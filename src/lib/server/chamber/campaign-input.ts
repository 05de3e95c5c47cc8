import { z } from 'zod';
import { emptyAsUndefined, optionalTurkiyeDay } from '../http/fields';

/** How many member firms a campaign or a chamber aims to reach; empty means no target. */
export const targetFirms = z.preprocess(
	emptyAsUndefined,
	z.coerce
		.number({ error: 'campaign.error_target' })
		.int('campaign.error_target')
		.min(1, 'campaign.error_target')
		.max(1_000_000, 'campaign.error_target')
		.optional()
);

const name = z.string().trim().min(2, 'campaign.error_name').max(200, 'campaign.error_name');

/** A campaign closes after it opens. */
const closesAfterOpening = (campaign: { opensAt?: Date; closesAt?: Date }) =>
	!campaign.closesAt || campaign.closesAt > (campaign.opensAt ?? new Date(0));

/**
 * A new campaign: a name, an optional window in which it takes assessments (days in Türkiye time) and an optional
 * target number of firms.
 */
export const campaignInput = z
	.object({ name, opensAt: optionalTurkiyeDay, closesAt: optionalTurkiyeDay, targetFirms })
	.refine(closesAfterOpening, { message: 'campaign.error_dates', path: ['closesAt'] });

/** An edited campaign: every field is sent again; an empty closing day or target removes it. */
export const campaignEdit = z
	.object({
		name,
		opensAt: optionalTurkiyeDay.refine((day) => day !== undefined, 'campaign.error_date'),
		closesAt: optionalTurkiyeDay,
		targetFirms
	})
	.refine(closesAfterOpening, { message: 'campaign.error_dates', path: ['closesAt'] });

/** The chamber-wide target, set on the dashboard. */
export const chamberTargetInput = z.object({ targetFirms });
