/**
 * Each page's strings, split by the i18n-pages plugin of vite.config.ts into a module per language and route id,
 * each known by the address the browser loads it from.
 */
declare module 'virtual:i18n-pages' {
	/** The address of each language's module for each route id (`''`: no route). Not in the browser's code. */
	export const pageAddresses: Record<import('./locales').Locale, Record<string, string>>;
	/** The module at an address `pageAddresses` gave. */
	export function loadPage(address: string): Promise<{ default: import('./translator').Messages }>;
}

/** One language's strings of one area (`virtual:i18n-area/tr/symbiosis`), made by the same plugin. */
declare module 'virtual:i18n-area/*' {
	const messages: import('./translator').Messages;
	export default messages;
}
