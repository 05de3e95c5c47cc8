import { config } from '$lib/server/config';

export const load = () => ({
	/** The smallest group a chamber may see figures for, quoted in the privacy promise. */
	minGroupSize: config().minGroupSize
});
