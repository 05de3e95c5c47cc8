/**
 * The one rule for text that enters the app (API bodies, forms, answers, query parameters, the admin command):
 * no C0 control characters (NUL, tab and line breaks included), no DEL and no C1 controls. They are invisible on
 * screen, NUL breaks PostgreSQL's text type, and raw in a CSV they confuse spreadsheets. No field takes multi-line
 * text today, so tabs and line breaks are refused too. Accepted text is stored in Unicode NFC, so that "ş" typed as
 * one character or as "s" + cedilla is the same name in searches, exports and reports.
 */
export const CONTROL = /\p{Cc}/u; // Unicode's "Control" category: exactly U+0000–U+001F and U+007F–U+009F

/** The text, NFC-normalised, or undefined when it holds a control character. */
export function cleanText(value: string): string | undefined {
	return CONTROL.test(value) ? undefined : value.normalize('NFC');
}

/**
 * Every string in a parsed body (object keys included), cleaned: the same shape back, or the path of the first
 * string refused, so the error can name the field.
 */
export function cleanStrings(
	value: unknown,
	path: (string | number)[] = []
): { ok: true; value: unknown } | { ok: false; path: (string | number)[] } {
	if (typeof value === 'string') {
		const clean = cleanText(value);
		return clean === undefined ? { ok: false, path } : { ok: true, value: clean };
	}
	if (Array.isArray(value)) {
		const items: unknown[] = [];
		for (const [index, item] of value.entries()) {
			const cleaned = cleanStrings(item, [...path, index]);
			if (!cleaned.ok) return cleaned;
			items.push(cleaned.value);
		}
		return { ok: true, value: items };
	}
	if (value !== null && typeof value === 'object') {
		const entries: [string, unknown][] = [];
		for (const [key, item] of Object.entries(value)) {
			const cleanKey = cleanText(key);
			if (cleanKey === undefined) return { ok: false, path: [...path, key] };
			const cleaned = cleanStrings(item, [...path, cleanKey]);
			if (!cleaned.ok) return cleaned;
			entries.push([cleanKey, cleaned.value]);
		}
		return { ok: true, value: Object.fromEntries(entries) };
	}
	return { ok: true, value };
}
