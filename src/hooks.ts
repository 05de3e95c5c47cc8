import type { Transport } from '@sveltejs/kit';
import { preparedJson } from '$lib/prepared';

export const transport: Transport = {
	/** A prepared value (see $lib/prepared) travels as its JSON, made once, and is read back in the browser. */
	Prepared: {
		encode: preparedJson,
		decode: (json: string) => JSON.parse(json)
	}
};
