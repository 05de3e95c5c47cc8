import { z } from 'zod';

/** An empty field of an HTML form means "not given", which zod's `.optional()` only accepts as `undefined`. */
export const emptyAsUndefined = (value: unknown) => (value === '' ? undefined : value);

/** A calendar day (`2027-03-31`, as date fields send it), optional. */
export const optionalDay = z.preprocess(
	emptyAsUndefined,
	z.coerce.date({ error: 'campaign.error_date' }).optional()
);
