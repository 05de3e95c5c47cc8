import { get } from 'node:http';

export interface WireSize {
	/** The bytes of the body as they crossed the network. */
	bytes: number;
	/** The response's content-encoding, `identity` when it was sent as is. */
	encoding: string;
}

/**
 * What a page costs on the wire when asked for as a browser asks (accepting gzip and brotli): node's http client,
 * because fetch would decompress the body before it could be counted.
 */
export function wireSize(url: string): Promise<WireSize> {
	return new Promise((resolve, reject) => {
		get(url, { headers: { 'accept-encoding': 'gzip, deflate, br' } }, (response) => {
			let bytes = 0;
			response.on('data', (chunk: Buffer) => (bytes += chunk.length));
			response.on('end', () =>
				resolve({ bytes, encoding: response.headers['content-encoding'] ?? 'identity' })
			);
			response.on('error', reject);
		}).on('error', reject);
	});
}
