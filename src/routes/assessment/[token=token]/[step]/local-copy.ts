/**
 * A copy of a step's unsaved answers in the browser, so a reload, a closed tab or a lost connection loses nothing
 * typed since the last save. The server copy wins once it is newer.
 */

interface LocalCopy {
	at: string;
	fields: [string, string][];
}

function fieldsOf(form: HTMLFormElement): [string, string][] {
	return [...new FormData(form)].filter(
		(entry): entry is [string, string] => typeof entry[1] === 'string' && entry[0] !== 'intent'
	);
}

export function keepLocalCopy(key: string, form: HTMLFormElement) {
	const copy: LocalCopy = { at: new Date().toISOString(), fields: fieldsOf(form) };
	try {
		localStorage.setItem(key, JSON.stringify(copy));
	} catch {
		// Storage full or disabled (private mode): the server copy still holds every saved step.
	}
}

export function clearLocalCopy(key: string) {
	try {
		localStorage.removeItem(key);
	} catch {
		// Nothing to clear.
	}
}

function readCopy(key: string): LocalCopy | undefined {
	try {
		const text = localStorage.getItem(key);
		return text ? (JSON.parse(text) as LocalCopy) : undefined;
	} catch {
		return undefined;
	}
}

/**
 * Puts a copy newer than the last save back into the form. Returns true when it changed what the form shows, so the
 * page can say so.
 */
export function restoreLocalCopy(key: string, form: HTMLFormElement, savedAt: string): boolean {
	const copy = readCopy(key);
	if (!copy || copy.at <= savedAt) {
		clearLocalCopy(key);
		return false;
	}
	if (JSON.stringify(copy.fields) === JSON.stringify(fieldsOf(form))) return false;
	for (const element of form.elements) {
		if (!(element instanceof HTMLInputElement || element instanceof HTMLSelectElement)) continue;
		if (!element.name || element.name === 'intent') continue;
		const values = copy.fields.filter(([name]) => name === element.name).map(([, value]) => value);
		if (
			element instanceof HTMLInputElement &&
			(element.type === 'radio' || element.type === 'checkbox')
		) {
			element.checked = values.includes(element.value);
		} else {
			element.value = values[0] ?? '';
		}
	}
	return true;
}
