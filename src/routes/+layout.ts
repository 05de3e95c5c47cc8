import { createTranslator } from '$lib/i18n';

export const load = async ({ data }) => ({
	...data,
	/** Created per page load, in the page's language. */
	t: await createTranslator(data.locale)
});
