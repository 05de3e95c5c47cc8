import { z } from 'zod';
import { CONTROL } from './text';

// Apart from text.ts so that the browser, which cleans answers with text.ts, does not download zod.

/** A zod string under the same rule (for input no generic reader cleans, such as query parameters). */
export function plainText(message: string) {
	return z
		.string()
		.refine((value) => !CONTROL.test(value), message)
		.normalize('NFC');
}
