import { z } from 'zod';
import type { Questionnaire } from '$lib/questionnaire/schema';
import { plainText } from '$lib/text-schema';
import { sectorCodes } from '$lib/questionnaire/sectors';

/*
 * A chamber resource as the dashboard's form and the JSON API send it. The messages are i18n keys, so the page shows
 * each beside its field and the API names the field in the caller's language.
 */

export const TITLE_MAX = 200;
export const DESCRIPTION_MAX = 1000;
export const URL_MAX = 2000;

/** A text without control characters, trimmed, within its limits. */
const text = (min: number, max: number, message: string) =>
	plainText('form.error_control').trim().min(min, message).max(max, message);

/** An optional text: absent, null or empty means none (stored as null). */
const optionalText = (max: number, message: string) =>
	z
		.union([text(0, max, message), z.null()])
		.optional()
		.transform((value) => value || null);

/**
 * An https address with a host and no user name or password: no http, no `javascript:` or `data:`, nothing the
 * browser would read otherwise than as written.
 */
const httpsUrl = plainText('form.error_control')
	.trim()
	.max(URL_MAX, 'chamber_resources.error_url')
	.refine((value) => {
		if (!URL.canParse(value)) return false;
		const url = new URL(value);
		return (
			url.protocol === 'https:' &&
			url.hostname.includes('.') &&
			url.username === '' &&
			url.password === '' &&
			!/\s/.test(value)
		);
	}, 'chamber_resources.error_url');

/** A list of known ids, each once; absent or null means none. */
const ids = (known: string[], message: string, min = 0) =>
	z
		.array(
			z.string().refine((value) => known.includes(value), message),
			{ error: message }
		)
		.min(min, message)
		.max(known.length, message)
		.refine((values) => new Set(values).size === values.length, message);

/** A real calendar day (`2027-03-31`), optional. */
const optionalDay = z
	.union([
		z.string().refine((value) => {
			// 2027-02-30 would parse as 2 March: a real day reads back the same.
			const day = new Date(`${value}T00:00:00Z`);
			return (
				/^\d{4}-\d{2}-\d{2}$/.test(value) &&
				!Number.isNaN(day.getTime()) &&
				day.toISOString().startsWith(value)
			);
		}, 'chamber_resources.error_valid_until'),
		z.null()
	])
	.optional()
	.transform((value) => value || null);

/** The schema of a whole resource, for the questionnaire whose themes, sectors and size classes it may name. */
export function chamberResourceInput(questionnaire: Questionnaire) {
	const optionalIds = (known: string[], message: string) =>
		z
			.union([ids(known, message), z.null()])
			.optional()
			.transform((value) => value ?? []);
	return z.strictObject({
		titleTr: text(2, TITLE_MAX, 'chamber_resources.error_title'),
		titleEn: optionalText(TITLE_MAX, 'chamber_resources.error_title'),
		descriptionTr: text(2, DESCRIPTION_MAX, 'chamber_resources.error_description'),
		descriptionEn: optionalText(DESCRIPTION_MAX, 'chamber_resources.error_description'),
		url: httpsUrl,
		themes: ids(
			questionnaire.themes.map((theme) => theme.id),
			'chamber_resources.error_themes',
			1
		),
		sectors: optionalIds(sectorCodes(questionnaire), 'chamber_resources.error_sectors'),
		sizeClasses: optionalIds(
			questionnaire.sizeClasses.map((sizeClass) => sizeClass.id),
			'chamber_resources.error_size_classes'
		),
		validUntil: optionalDay
	});
}

export type ChamberResourceInput = z.infer<ReturnType<typeof chamberResourceInput>>;
