import { z } from 'zod';

/** An empty field of an HTML form means "not given", which zod's `.optional()` only accepts as `undefined`. */
export const emptyAsUndefined = (value: unknown) => (value === '' ? undefined : value);

/** A calendar day (`2027-03-31`, as date fields send it), optional. */
export const optionalDay = z.preprocess(
	emptyAsUndefined,
	z.coerce.date({ error: 'campaign.error_date' }).optional()
);

/**
 * A calendar day as Türkiye counts it (`2027-03-31` is the instant 2027-03-30T21:00Z), optional: chamber staff mean
 * their own day, not UTC's. Türkiye has kept UTC+3 all year since 2016, so the day starts at `T00:00+03:00`.
 */
export const optionalTurkiyeDay = z.preprocess(
	emptyAsUndefined,
	z.iso
		.date({ error: 'campaign.error_date' })
		.transform((day) => new Date(`${day}T00:00:00+03:00`))
		.optional()
);
