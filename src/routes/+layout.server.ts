export const load = ({ locals }) => ({
	/** The page's language, chosen in hooks.server.ts. */
	locale: locals.locale
});
