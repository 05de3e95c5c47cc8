// The production server (`npm start`, after `npm run build`): adapter-node's request handler behind response
// compression, so that pages and JSON reach a browser gzip- or brotli-compressed even with no proxy in front.
// adapter-node's own entry (`node build`) has no way to add a middleware, so this replaces it, keeping its settings:
// HOST, PORT, KEEP_ALIVE_TIMEOUT, HEADERS_TIMEOUT and SHUTDOWN_TIMEOUT (the rest are read by the handler itself).
import http from 'node:http';
import process from 'node:process';
import compression from 'compression';
import { env, timeout_env } from '../build/env.js';
import { handler } from '../build/handler.js';

const host = env('HOST', '0.0.0.0');
const port = Number(env('PORT', '3000'));
const shutdownTimeout = Number.parseInt(env('SHUTDOWN_TIMEOUT', '30'));

// Brotli at quality 4 (the package's default) costs about what gzip does. Responses that already carry a
// content-encoding (the static files, served from their precompressed .br and .gz copies) pass untouched, and so
// do types that do not shrink (PDF, XLSX). A CSV export still streams: each compressed block leaves as it fills.
const compress = compression();

const server = http.createServer((req, res) => {
	compress(req, res, () => {
		shareDrainListener(res);
		void handler(req, res);
	});
});

/**
 * compression hands `res.on('drain')` to its zlib stream but not the removal, so every `res.once('drain')` (one per
 * backpressure pause of a streamed export, in SvelteKit's handler) left a spent listener on the stream until Node
 * warned of a leak (expressjs/compression#135). One listener per response now wakes whoever waits for a drain.
 * @param {http.ServerResponse} res
 */
function shareDrainListener(res) {
	/** @type {(() => void)[] | undefined} */
	let waiting;
	const once = res.once;
	res.once = function (type, listener) {
		if (type !== 'drain') return once.call(this, type, listener);
		if (!waiting) {
			const woken = (waiting = []);
			res.on('drain', () => woken.splice(0).forEach((wake) => wake()));
		}
		waiting.push(listener);
		return this;
	};
}

const keepAliveTimeout = timeout_env('KEEP_ALIVE_TIMEOUT');
if (keepAliveTimeout !== undefined) server.keepAliveTimeout = keepAliveTimeout * 1000;
const headersTimeout = timeout_env('HEADERS_TIMEOUT');
if (headersTimeout !== undefined) server.headersTimeout = headersTimeout * 1000;

server.listen({ host, port }, () => console.log(`Listening on http://${host}:${port}`));

/** Stops taking requests, lets the running ones finish (up to SHUTDOWN_TIMEOUT seconds), then exits. */
function shutdown() {
	server.closeIdleConnections();
	server.close(() => process.exit(0));
	setTimeout(() => server.closeAllConnections(), shutdownTimeout * 1000).unref();
}

process.on('SIGTERM', shutdown);
process.on('SIGINT', shutdown);
