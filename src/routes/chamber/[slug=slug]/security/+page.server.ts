import { error } from '@sveltejs/kit';
import { z } from 'zod';
import { requireChamber } from '$lib/server/auth/guards';
import * as chambers from '$lib/server/chamber/chamber-service';
import { parseForm } from '$lib/server/http/form';

/** An unticked checkbox is simply absent from the form. */
const settingForm = z.object({
	viewersTwoFactor: z
		.literal('on')
		.optional()
		.transform((value) => value === 'on')
});

export const load = async ({ locals, url, params }) => {
	const { chamber } = await requireChamber(locals, url, params.slug);
	return {
		/** Whether the chamber's viewers, like its administrators, must use two-step verification. */
		viewersTwoFactor: await chambers.viewersNeedTwoFactor(chamber.id)
	};
};

export const actions = {
	/**
	 * Switches the requirement for viewers (owners and administrators only). Viewers without two-step verification
	 * are sent to set it up at their next request; those who have it keep their sessions.
	 */
	default: async ({ locals, url, params, request }) => {
		const { user, chamber, canEdit } = await requireChamber(locals, url, params.slug);
		if (!canEdit) error(403, 'Forbidden');
		const parsed = await parseForm(request, settingForm);
		if (!parsed.ok) return parsed.failure;
		await chambers.setViewersTwoFactor(user.id, chamber, parsed.data.viewersTwoFactor);
		return { saved: true };
	}
};
