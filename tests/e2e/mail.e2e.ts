import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { admin, uniqueSlug } from './admin-cli';
import { startAssessment, waitForHydration } from './assessment-helpers';
import { linkIn, waitForMails } from './mail-helpers';
import { expect, test } from './test';

/*
 * The server of these tests mails through a real SMTP server on loopback (playwright.config.ts), which leaves every
 * mail where the tests read it. Reminders fall due days later; rather than a test-only route, the test runs the
 * same round the server runs every ten minutes through `npm run admin -- send-reminders --as-of <time>`, a clock
 * that only the shell can set.
 */

const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const DAY = 86_400_000;

async function expectNoAxeViolations(page: Page) {
	const axe = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
	expect(axe.violations, page.url()).toEqual([]);
}

/** One reminder round as if it ran `daysAhead` days from now. */
const sendReminders = (daysAhead: number) =>
	admin(['send-reminders', '--as-of', new Date(Date.now() + daysAhead * DAY).toISOString()]);

test('a firm mails itself its link with reminders, gets one, and stops them', async ({ page }) => {
	// `npm run admin` compiles its TypeScript on every call: tens of seconds on a busy machine.
	test.setTimeout(150_000);
	await startAssessment(page, 'en');
	await waitForHydration(page);
	const resumeUrl = await page.locator('#resume-url').inputValue();
	const to = `${uniqueSlug('firm')}@example.org`;
	await page.getByLabel('Your e-mail address').fill(to);
	await page.getByLabel("Remind me if I don't finish").check();
	await page.getByRole('button', { name: 'Send me my link' }).click();
	await expect(page.getByText('Your link has been sent by e-mail.')).toBeVisible();
	await expectNoAxeViolations(page);

	const [sent] = await waitForMails(to, 1);
	expect(sent.subject).toBe('The link to your Yeşil Hazırlık assessment');
	expect(linkIn(sent, `${process.env.E2E_ORIGIN}/assessment/`)).toBe(resumeUrl);

	// Three days after the request: the first reminder (that none is sent earlier, nor after unsubscribing, nor a
	// third, the integration tests show on both databases).
	expect(sendReminders(4)).toContain('Sent 1 reminder');
	const [, reminder] = await waitForMails(to, 2);
	expect(reminder.subject).toBe('Your Yeşil Hazırlık assessment is waiting for you');
	expect(linkIn(reminder, `${process.env.E2E_ORIGIN}/assessment/`)).toBe(resumeUrl);

	const unsubscribe = linkIn(reminder, `${process.env.E2E_ORIGIN}/unsubscribe/`);
	await page.goto(unsubscribe);
	await expect(page.getByRole('heading', { name: 'Stop reminders' })).toBeVisible();
	await expectNoAxeViolations(page);
	await page.getByRole('button', { name: 'Stop the reminders' }).click();
	await expect(page.getByText('The reminders are stopped')).toBeVisible();
	// The link, opened again, has nothing left to stop: the request and its address are gone.
	await page.goto(unsubscribe);
	await expect(page.getByText('No reminders are waiting for this link')).toBeVisible();
});

test('without JavaScript the form mails the link and comes back to the step @no-js', async ({
	page
}) => {
	await startAssessment(page, 'tr');
	const resumeUrl = await page.locator('#resume-url').inputValue();
	const to = `${uniqueSlug('firma')}@example.org`;
	await page.getByLabel('E-posta adresiniz').fill(to);
	await page.getByRole('button', { name: 'Bağlantımı bana gönder' }).click();
	await expect(page).toHaveURL(/\/profile\?link_sent=1$/);
	await expect(page.getByText('Bağlantınız e-postayla gönderildi.')).toBeVisible();
	const [sent] = await waitForMails(to, 1);
	expect(sent.subject).toBe('Yeşil Hazırlık değerlendirmenizin bağlantısı');
	expect(linkIn(sent, `${process.env.E2E_ORIGIN}/assessment/`)).toBe(resumeUrl);
});
