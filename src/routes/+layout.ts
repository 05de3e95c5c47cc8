import { pageTranslator } from '$lib/i18n/pages';

export const load = async ({ data, route }) => ({
	...data,
	/** The page's language, with the strings this route shows (reading route.id reloads it on each new route). */
	t: await pageTranslator(data.locale, route.id)
});
