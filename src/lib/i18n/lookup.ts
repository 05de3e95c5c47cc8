import { dateTimeFormat } from './format';
import type { Locale } from './locales';
import type { Messages, Translate } from './translator';

const PLACEHOLDER = /\{\{\s*([^,}]+?)\s*(?:,\s*([^}]+?)\s*)?\}\}/g;

/**
 * A translator over messages already loaded, worded exactly as i18next words them (tests/unit/i18n-lookup.spec.ts
 * compares the two on every key) for the features the messages use: `{{name}}` placeholders, `{{date, datetime}}`
 * with `formatParams`, and `_one`/`_other` plurals chosen by `count`. Pages use it because i18next alone weighs
 * 16 KB gzipped, a third of what a page may download; the server's own code keeps i18next (`createTranslator`).
 * A key it does not hold comes back as itself, as from i18next.
 */
export function lookup(locale: Locale, messages: Messages): Translate {
	const plurals = new Intl.PluralRules(locale);
	return (key, values) => {
		const count = values?.count;
		const text =
			(typeof count === 'number' ? messages[`${key}_${plurals.select(count)}`] : undefined) ??
			messages[key];
		if (text === undefined) return key;
		if (!values) return text;
		return text.replace(PLACEHOLDER, (placeholder, name: string, format?: string) => {
			const value = values[name];
			if (value === undefined) return placeholder;
			if (value === null) return '';
			if (format === 'datetime' && (value instanceof Date || typeof value === 'number')) {
				const options = (values.formatParams as Record<string, object> | undefined)?.[name];
				// One format per set of options, kept: building one per date took 40% of /resources' server time.
				return dateTimeFormat(locale, options).format(value);
			}
			return String(value);
		});
	};
}
