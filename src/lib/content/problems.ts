import { formatPath } from '../format-path';
import type { Text } from '../questionnaire/schema';

/** One thing wrong in a file, located by its path inside the file (`themes[2].questions[0].text.en`). */
export interface Problem {
	path: string;
	message: string;
}

export type Path = (string | number)[];

/** Collects the problems of one file, so each check reports all it finds rather than stopping at the first. */
export class Problems {
	readonly list: Problem[] = [];
	add(path: Path, message: string) {
		this.list.push({ path: formatPath(path), message });
	}
}

/** Walks every nested value and checks each `Text` (a record of strings keyed by language) has every language. */
export function checkTranslations(
	value: unknown,
	path: Path,
	locales: string[],
	problems: Problems
) {
	if (Array.isArray(value)) {
		value.forEach((item, index) => checkTranslations(item, [...path, index], locales, problems));
		return;
	}
	if (value === null || typeof value !== 'object') return;
	for (const [key, child] of Object.entries(value)) {
		if (isText(key, child)) {
			for (const locale of locales) {
				if (!(locale in child)) problems.add([...path, key, locale], 'missing translation');
			}
			for (const locale of Object.keys(child)) {
				if (!locales.includes(locale)) {
					problems.add(
						[...path, key, locale],
						`language not listed in locales (${locales.join(', ')})`
					);
				}
			}
		} else {
			checkTranslations(child, [...path, key], locales, problems);
		}
	}
}

const TEXT_KEYS = new Set([
	'title',
	'description',
	'text',
	'help',
	'label',
	'name',
	'unit',
	'low',
	'high',
	'provider'
]);

function isText(key: string, value: unknown): value is Text {
	return (
		TEXT_KEYS.has(key) &&
		value !== null &&
		typeof value === 'object' &&
		!Array.isArray(value) &&
		Object.values(value).every((entry) => typeof entry === 'string')
	);
}

/** Ids are how answers, conditions and links find things: two items with one id would make them ambiguous. */
export function checkDuplicates(
	items: { id: string }[],
	path: Path,
	what: string,
	problems: Problems,
	key = 'id'
) {
	const seen = new Set<string>();
	items.forEach((item, index) => {
		if (seen.has(item.id)) problems.add([...path, index, key], `duplicate ${what} "${item.id}"`);
		seen.add(item.id);
	});
}
