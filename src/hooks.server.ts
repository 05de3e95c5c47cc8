import type { Handle, HandleServerError, ServerInit } from '@sveltejs/kit';
import { sequence } from '@sveltejs/kit/hooks';
import { ConfigError, config } from '$lib/server/config';
import { db, initDatabase } from '$lib/server/db';
import { purgeStaleDrafts } from '$lib/server/db/assessments';
import * as idempotencyKeys from '$lib/server/db/idempotency-keys';
import { DRAFT_RETENTION_MONTHS } from '$lib/server/assessment/privacy';
import { startReportWorkers } from '$lib/server/report';
import { startReminderRounds } from '$lib/server/mail/reminders';
import { auth } from '$lib/server/auth';
import { signedIn } from '$lib/server/auth/session';
import { apiError } from '$lib/server/http/api';
import { platformSetupLink } from '$lib/server/auth/one-time';
import { catalogue } from '$lib/server/content';
import { CatalogueError, formatProblem } from '$lib/content/load';
import { isLocale, negotiateLocale } from '$lib/i18n/locales';
import { logRequestError, publicError } from '$lib/server/http/request-errors';
import { markUnavailable, unavailableStatus } from '$lib/server/http/unavailable-response';

/** Stops start-up with one readable line: a half-configured server must not take requests. */
function stop(reason: string): never {
	console.error(reason);
	process.exit(1);
}

export const init: ServerInit = async () => {
	try {
		config();
	} catch (error) {
		if (error instanceof ConfigError) stop(`Configuration error: ${error.message}`);
		throw error;
	}
	try {
		catalogue();
	} catch (error) {
		if (!(error instanceof CatalogueError)) throw error;
		// Every problem, each on its own line, exactly as `npm run questionnaire:check` prints them.
		stop(`Questionnaire files have problems:\n${error.problems.map(formatProblem).join('\n')}`);
	}
	try {
		await initDatabase();
	} catch (error) {
		stop(`Database error: ${error instanceof Error ? error.message : String(error)}`);
	}
	try {
		auth();
	} catch (error) {
		if (error instanceof ConfigError) stop(`Configuration error: ${error.message}`);
		throw error;
	}
	await purgeDrafts();
	void startReportWorkers();
	// With SMTP_URL set: reminders to finish drafts, every few minutes (claimed row by row, safe on every instance).
	startReminderRounds(db());
	await offerPlatformSetup();
	// Daily; unref so the timer never keeps a stopping server alive. Safe to run on every instance at once.
	setInterval(() => void purgeDrafts(), ONE_DAY_MS).unref();
};

const ONE_DAY_MS = 24 * 60 * 60 * 1000;

/** Prints the first platform administrator's one-time set-up link while there is none. */
async function offerPlatformSetup() {
	const { origin, port } = config();
	const link = await platformSetupLink(db(), origin ?? `http://localhost:${port}`);
	if (link)
		console.log(`No platform administrator yet. Create one with this one-time link: ${link}`);
}

async function purgeDrafts() {
	const before = new Date();
	before.setMonth(before.getMonth() - DRAFT_RETENTION_MONTHS);
	try {
		await purgeStaleDrafts(db(), before);
		await idempotencyKeys.purgeExpired(db());
	} catch (error) {
		console.error('Purging stale drafts failed:', error);
	}
}

const ONE_YEAR = 60 * 60 * 24 * 365;

/** Chooses the request's language and writes it into `<html lang>`. */
const locale: Handle = async ({ event, resolve }) => {
	const requested = event.url.searchParams.get('lang');
	if (isLocale(requested)) {
		event.locals.locale = requested;
		event.cookies.set('lang', requested, {
			path: '/',
			maxAge: ONE_YEAR,
			sameSite: 'lax',
			httpOnly: true,
			secure: event.url.protocol === 'https:'
		});
	} else {
		const remembered = event.cookies.get('lang');
		event.locals.locale = isLocale(remembered)
			? remembered
			: negotiateLocale(event.request.headers.get('accept-language'));
	}
	return resolve(event, {
		transformPageChunk: ({ html }) => html.replace('%lang%', event.locals.locale)
	});
};

/** The pages behind an account; only their requests look the session up. */
const ACCOUNT_PATHS = /^\/(chamber|admin|setup|invite|api\/v1\/chambers)(\/|$)/;

/**
 * What an account may open before it sets up the two-step verification it needs: that page, signing out, and the
 * one-time links (which answer for themselves).
 */
const ENROLMENT_PATHS = /^\/(chamber\/account|chamber\/login|setup|invite)(\/|$)/;

/**
 * Reads the session of account pages, and keeps those pages out of every cache. An account that must use two-step
 * verification but has not set it up is sent to set it up first (the JSON API refuses it in its error shape).
 */
const session: Handle = async ({ event, resolve }) => {
	if (!ACCOUNT_PATHS.test(event.url.pathname)) return resolve(event);
	event.locals.user = await signedIn(event.request.headers);
	const enrolFirst = event.locals.user?.mustEnrol && !ENROLMENT_PATHS.test(event.url.pathname);
	const response = !enrolFirst
		? await resolve(event)
		: event.url.pathname.startsWith('/api/')
			? await apiError(403, 'two_factor_required', event.locals.locale)
			: new Response(null, { status: 303, headers: { location: '/chamber/account' } });
	response.headers.set('cache-control', 'private, no-store');
	return response;
};

/**
 * The headers every response gets beyond the CSP in svelte.config.js, in one handle (each handle in the sequence
 * costs every request a layer of promises). HTML pages also declare UTF-8, so no browser guesses the encoding of
 * Turkish text (or of injected bytes).
 *
 * The Link header names the page's stylesheets, which the first paint needs, and not its scripts (SvelteKit's
 * default names both). Every page is drawn whole by the server and works without its script, so the script can
 * wait for the page: preloaded, some 50 to 75 KB of it took a slow link's bandwidth from the HTML, and Lighthouse
 * (a phone on slow 4G) saw the results page's first paint at 1.5 s and its largest at 2.1 s; without, at 1.0–1.2 s
 * and 1.1–1.5 s, and a step page's at 0.8–1.1 s instead of 1.2 s. The page becomes interactive no later: the browser
 * then fetches the code in a few rounds of imports, and Lighthouse's time to interactive stayed 2.1–2.2 s on results
 * and went from 1.7–1.9 s to 1.6–1.8 s on a step.
 */
const responseHeaders: Handle = async ({ event, resolve }) => {
	const response = await resolve(event, { preload: ({ type }) => type === 'css' });
	const { headers } = response;
	headers.set('X-Content-Type-Options', 'nosniff');
	headers.set('Referrer-Policy', 'strict-origin-when-cross-origin');
	headers.set('Permissions-Policy', 'camera=(), microphone=(), geolocation=()');
	const type = headers.get('content-type');
	if (type?.startsWith('text/html') && !/charset=/i.test(type)) {
		headers.set('content-type', 'text/html; charset=utf-8');
	}
	return response;
};

export const handle = sequence(locale, session, responseHeaders, unavailableStatus);

/** Logs the real error on the server, without tokens; the visitor only ever sees a generic, localised page. */
export const handleError: HandleServerError = ({ error, status, event }) => {
	const unavailable = markUnavailable(error, event);
	if (unavailable) return unavailable;
	if (status !== 404) logRequestError(event.request, status, error);
	return publicError(status);
};
