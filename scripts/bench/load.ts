import autocannon from 'autocannon';

export interface LoadResult {
	requestsPerSecond: number;
	p99Ms: number;
	errors: number;
	/** Responses received in the whole run. */
	requests: number;
}

/** A bounded load on loopback: `connections` clients for `seconds`, then it stops by itself. */
export async function load(
	url: string,
	options: {
		seconds?: number;
		connections?: number;
		method?: 'GET' | 'POST';
		body?: string;
		headers?: Record<string, string>;
	} = {}
): Promise<LoadResult> {
	const result = await autocannon({
		url,
		duration: options.seconds ?? 10,
		connections: options.connections ?? 50,
		method: options.method ?? 'GET',
		body: options.body,
		headers: options.headers
	});
	return {
		requestsPerSecond: Math.round(result.requests.average),
		p99Ms: result.latency.p99,
		errors: result.errors + result.non2xx,
		requests: result.requests.total
	};
}
