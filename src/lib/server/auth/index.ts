import { sveltekitCookies } from 'better-auth/svelte-kit';
import { getRequestEvent } from '$app/server';
import { config } from '../config';
import { db } from '../db';
import { createAuth, type Auth } from './instance';

let instance: Auth | undefined;

/**
 * The server's better-auth instance, created on first use. Its SvelteKit plugin writes the session cookie through
 * the current request's `cookies`, so a form action that signs in or out sets it like any other cookie.
 */
export function auth(): Auth {
	instance ??= createAuth(config(), db(), [sveltekitCookies(getRequestEvent)]);
	return instance;
}
