/** The languages the product speaks; Turkish first. */
export const locales = ['tr', 'en'] as const;
export type Locale = (typeof locales)[number];
export const defaultLocale: Locale = 'tr';

/** BCP 47 tags used with `Intl` for each locale. */
export const intlTags: Record<Locale, string> = { tr: 'tr-TR', en: 'en-GB' };

export function isLocale(value: unknown): value is Locale {
	return typeof value === 'string' && (locales as readonly string[]).includes(value);
}

/**
 * Picks the best supported locale from an `Accept-Language` header, honouring q-values; `tr` when nothing matches.
 */
export function negotiateLocale(header: string | null | undefined): Locale {
	if (!header) return defaultLocale;
	const ranked = header
		.split(',')
		.map((part, index) => {
			const [tag, ...params] = part.trim().split(';');
			const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
			const quality = q ? Number(q.slice(2)) : 1;
			return { language: tag.trim().toLowerCase().split('-')[0], quality, index };
		})
		.filter((entry) => Number.isFinite(entry.quality) && entry.quality > 0)
		.sort((a, b) => b.quality - a.quality || a.index - b.index);
	return ranked.map((entry) => entry.language).find(isLocale) ?? defaultLocale;
}
