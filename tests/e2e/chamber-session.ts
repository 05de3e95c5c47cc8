import type { Page } from '@playwright/test';

export const PASSWORD = 'Trakya verimlilik platformu 2026';

/** Signs a chamber user in through the sign-in page (the one place to change when sign-in gains a step). */
export async function signIn(page: Page, email: string, password = PASSWORD) {
	await page.goto('/chamber/login?lang=en');
	await page.getByLabel('E-mail address').fill(email);
	await page.getByLabel('Password').fill(password);
	await page.getByRole('button', { name: 'Sign in' }).click();
}
