import { pageStrings } from '$lib/server/page-strings';

export const load = ({ locals, route }) => ({
	/** The page's language, chosen in hooks.server.ts. */
	locale: locals.locale,
	/** Where the page's strings are (reading route.id runs this again on each new route). */
	strings: pageStrings(locals.locale, route.id)
});
