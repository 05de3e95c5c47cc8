import { redirect } from '@sveltejs/kit';
import * as assessmentService from '$lib/server/assessment/assessment-service';
import { PROFILE_STEP } from '$lib/questionnaire/steps';

// One plain form, as on the landing page: no script.
export const csr = false;

export const actions = {
	/** Starts an anonymous draft and sends the browser to its first step, under its secret link. */
	default: async ({ locals }) => {
		const token = await assessmentService.start({ locale: locals.locale });
		redirect(303, `/assessment/${token}/${PROFILE_STEP}`);
	}
};
