import { z } from 'zod';
import { optionalDay } from '../http/fields';

/** A new campaign: a name, and an optional window in which it takes assessments. */
export const campaignInput = z
	.object({
		name: z.string().trim().min(2, 'campaign.error_name').max(200, 'campaign.error_name'),
		opensAt: optionalDay,
		closesAt: optionalDay
	})
	.refine(
		(campaign) => !campaign.closesAt || campaign.closesAt > (campaign.opensAt ?? new Date(0)),
		{ message: 'campaign.error_dates', path: ['closesAt'] }
	);
