/** The lazy modules of each language's areas, made by the i18n-areas plugin of vite.config.ts. */
declare module 'virtual:i18n-areas' {
	const areas: Record<
		import('./locales').Locale,
		Record<string, () => Promise<{ default: import('./translator').Messages }>>
	>;
	export default areas;
}
