import { redirect } from '@sveltejs/kit';

/** The resume link itself: continue at the first step with something missing, or at the results once submitted. */
export const load = async ({ parent, params }) => {
	const { status, steps } = await parent();
	if (status === 'submitted') redirect(303, `/assessment/${params.token}/results`);
	const next = steps.find((step) => step.kind !== 'review' && step.missing > 0) ?? steps.at(-1)!;
	redirect(303, `/assessment/${params.token}/${next.id}`);
};
