import { expect, test as base } from '@playwright/test';

/*
 * Every browser test fails on a console error or an uncaught page error: a script the CSP blocks, a failed request
 * or a crash in a component is a defect a user would meet, even when the page still looks right.
 *
 * One kind of message is not a defect: Chromium logs "Failed to load resource: … 404" for every page the server
 * answers with a 4xx, and those pages are the server speaking to the user (a missing page, a form refused without
 * JavaScript, a throttled sign-in). A 4xx for a script, a style or a fetch still fails the test, as does any 5xx.
 */
export const test = base.extend<{ browserErrors: void }>({
	browserErrors: [
		async ({ context }, use) => {
			const refusedPages = new Set<string>();
			const errors: string[] = [];
			context.on('response', (response) => {
				const status = response.status();
				if (response.request().resourceType() === 'document' && status >= 400 && status < 500)
					refusedPages.add(response.url());
			});
			context.on('console', (message) => {
				if (message.type() !== 'error') return;
				const refusedPage =
					message.text().startsWith('Failed to load resource') &&
					refusedPages.has(message.location().url);
				if (!refusedPage) errors.push(`${message.location().url}: ${message.text()}`);
			});
			context.on('weberror', (error) => errors.push(error.error().message));
			await use();
			expect(errors).toEqual([]);
		},
		{ auto: true }
	]
});

export { expect };
