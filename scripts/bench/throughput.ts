import { load, type LoadResult } from './load';

const mean = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;

/**
 * The app's page and the bare app's page under the same load, taken in turns (`rounds` of each, after a short
 * warm-up of both) so that whatever else the machine is doing weighs on both alike: the mean of the rounds.
 */
export async function compareThroughput(
	appUrl: string,
	bareUrl: string,
	rounds = 2
): Promise<{ app: LoadResult; bare: LoadResult }> {
	await load(appUrl, { seconds: 2 });
	await load(bareUrl, { seconds: 2 });
	const app: LoadResult[] = [];
	const bare: LoadResult[] = [];
	for (let round = 0; round < rounds; round++) {
		app.push(await load(appUrl));
		bare.push(await load(bareUrl));
	}
	const average = (results: LoadResult[]): LoadResult => ({
		requestsPerSecond: Math.round(mean(results.map((result) => result.requestsPerSecond))),
		p99Ms: Math.round(mean(results.map((result) => result.p99Ms))),
		errors: results.reduce((sum, result) => sum + result.errors, 0)
	});
	return { app: average(app), bare: average(bare) };
}
