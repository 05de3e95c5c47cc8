/** Each language's strings for each route id (`''`: no route), made by the i18n-pages plugin of vite.config.ts. */
declare module 'virtual:i18n-pages' {
	const pages: Record<
		import('./locales').Locale,
		Record<string, () => Promise<{ default: import('./translator').Messages }>>
	>;
	export default pages;
}

/** One language's strings of one area (`virtual:i18n-area/tr/symbiosis`), made by the same plugin. */
declare module 'virtual:i18n-area/*' {
	const messages: import('./translator').Messages;
	export default messages;
}
