import type { Translate } from './i18n';

/** A refused form as a page shows it again: the values to refill, and a message per field. */
export interface FormFeedback {
	/** An i18n key per field (and `form` for the whole form), as `parseForm` returns them. */
	errors: Record<string, string>;
	/** What was typed, except passwords, which are never echoed back. */
	values: Record<string, string>;
	/** The translated message of an error key; undefined for no key, so a field without a problem shows none. */
	message: (key: string | undefined) => string | undefined;
}

/**
 * Reads what a form action returned (`fail(400, { values, errors })`) the same way on every page. A throttled
 * sign-in also returns `minutes`, which its message names. Any other return (a success) reads as no problems.
 */
export function formFeedback(form: unknown, t: Translate): FormFeedback {
	const returned = (form ?? {}) as Partial<Omit<FormFeedback, 'message'>> & { minutes?: number };
	const params = returned.minutes === undefined ? undefined : { minutes: returned.minutes };
	return {
		errors: returned.errors ?? {},
		values: returned.values ?? {},
		message: (key) => (key ? t(key, params) : undefined)
	};
}
