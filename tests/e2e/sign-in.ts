import { expect, type Page } from '@playwright/test';
import { totp } from './totp';

const STEP_MS = 30_000;

/** The authenticator secret of each account these tests enrolled, by e-mail (accounts live in one test's worker). */
const secrets = new Map<string, string>();
/** The newest 30-second step each account has used a code of: the server accepts a code only once. */
const usedSteps = new Map<string, number>();

/**
 * An authenticator code the account has not used yet: the current one, or the next step's (the server accepts one
 * step of clock drift) when the current one was used, waiting for time to move on past that.
 */
export async function freshCode(email: string): Promise<string> {
	const secret = secrets.get(email);
	if (!secret) throw new Error(`${email} has no authenticator in these tests`);
	const step = Math.max(Math.floor(Date.now() / STEP_MS), (usedSteps.get(email) ?? 0) + 1);
	while (Math.floor(Date.now() / STEP_MS) + 1 < step)
		await new Promise((done) => setTimeout(done, 1000));
	usedSteps.set(email, step);
	return totp(secret, step * STEP_MS);
}

/** Posts the sign-in form (English pages); the caller checks what it answers. */
export async function submitSignIn(page: Page, email: string, password: string): Promise<void> {
	await page.goto('/chamber/login?lang=en');
	await page.getByLabel('E-mail address').fill(email);
	await page.getByLabel('Password').fill(password);
	await page.getByRole('button', { name: 'Sign in' }).click();
}

/**
 * Sets up two-step verification on the account page, where an account whose role requires it lands at its first
 * sign-in; remembers the secret for later sign-ins.
 */
export async function enrolTwoFactor(page: Page, email: string, password: string): Promise<void> {
	await page.goto('/chamber/account?lang=en');
	await page.getByLabel('Password').fill(password);
	await page.getByRole('button', { name: 'Turn on two-step verification' }).click();
	const secret = (await page.getByText('Key to type in by hand:').innerText()).split(': ')[1];
	secrets.set(email, secret);
	await page.getByLabel('The 6-digit code the app shows').fill(await freshCode(email));
	await page.getByRole('button', { name: 'Confirm and turn on' }).click();
	await expect(page.getByText('Two-step verification is on.')).toBeVisible();
}

/**
 * Signs in as a person would: the password, then the authenticator code when the account has two-step verification,
 * or setting it up first when its role requires it (administrators). Ends where the sign-in leads (the chamber, the
 * list of chambers or the admin page). Every end-to-end test that signs in goes through here.
 */
export async function signInAs(page: Page, email: string, password: string): Promise<void> {
	await submitSignIn(page, email, password);
	await page.waitForURL((url) => url.pathname !== '/chamber/login');
	const { pathname } = new URL(page.url());
	if (pathname === '/chamber/login/two-factor') {
		await page.getByLabel('Verification code').fill(await freshCode(email));
		await page.getByRole('button', { name: 'Verify and sign in' }).click();
		await page.waitForURL((url) => !url.pathname.startsWith('/chamber/login'));
	} else if (pathname === '/chamber/account') {
		await enrolTwoFactor(page, email, password);
		await page.getByRole('link', { name: 'Continue to your pages' }).click();
		await page.waitForURL((url) => url.pathname !== '/chamber/account');
	}
}
