import { areaTranslator } from '$lib/i18n/areas';
import { routeAreas } from '$lib/i18n/route-areas';

export const load = async ({ data, route }) => ({
	...data,
	/** The page's language, with the strings of the areas this page shows (reading route.id reloads it per page). */
	t: await areaTranslator(data.locale, routeAreas(route.id))
});
