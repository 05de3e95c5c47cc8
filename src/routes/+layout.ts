import { pageTranslator } from '$lib/i18n/pages';

export const load = async ({ data }) => ({
	...data,
	/** The page's language, with the strings of the route the server named. */
	t: await pageTranslator(data.locale, data.strings)
});
