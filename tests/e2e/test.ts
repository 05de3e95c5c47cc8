import { expect, test as base, type BrowserContext } from '@playwright/test';

/*
 * Every browser test fails on a console error or an uncaught page error: a script the CSP blocks, a failed request
 * or a crash in a component is a defect a user would meet, even when the page still looks right.
 */

const allowed = new WeakMap<BrowserContext, RegExp[]>();

/**
 * Lets one test expect an error it causes on purpose: Chromium logs "Failed to load resource: … 400" for a form the
 * server refuses without JavaScript, or a 404 for a page a test visits to see it refused.
 */
export function expectBrowserError(context: BrowserContext, pattern: RegExp): void {
	allowed.set(context, [...(allowed.get(context) ?? []), pattern]);
}

export const test = base.extend<{ browserErrors: void }>({
	browserErrors: [
		async ({ context }, use) => {
			const errors: string[] = [];
			context.on('console', (message) => {
				if (message.type() === 'error') errors.push(message.text());
			});
			context.on('weberror', (error) => errors.push(error.error().message));
			await use();
			const expected = allowed.get(context) ?? [];
			expect(errors.filter((text) => !expected.some((pattern) => pattern.test(text)))).toEqual([]);
		},
		{ auto: true }
	]
});

export { expect };
