import AxeBuilder from '@axe-core/playwright';
import { admin, createCampaignOf, createChamber, createChamberUser } from './admin-cli';
import { submitInCampaign } from './api-helpers';
import { signInAs } from './sign-in';
import { expect, test } from './test';

const PASSWORD = 'Trakya verimlilik platformu 2026';

const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
const aggregates = (slug: string) => `/api/v1/chambers/${slug}/aggregates?lang=en`;

test('an administrator creates an API token that opens the chamber’s API only, until revoked @no-js', async ({
	page,
	request
}, testInfo) => {
	// The longest flow here (two forms, API calls, a revocation), on a machine shared with other runs.
	test.slow();
	const slug = createChamber('Hayrabolu TSO');
	const other = createChamber('Uzunköprü TSO');
	await signInAs(page, createChamberUser(slug, PASSWORD), PASSWORD);
	await expect(page).toHaveURL(new RegExp(`/chamber/${slug}$`));
	await page
		.getByRole('navigation', { name: 'Chamber pages' })
		.getByRole('link', { name: 'API tokens' })
		.click();
	await expect(page.getByRole('heading', { name: 'API tokens', level: 1 })).toBeVisible();

	// A past expiry date is refused with a message beside the field, and the name is kept.
	await page.getByLabel('Token name').fill('CRM eşitleme');
	await page.getByLabel('Role').selectOption({ label: 'viewer' });
	await page.getByLabel('Expiry date (optional)').fill('2020-01-01');
	await page.getByRole('button', { name: 'Create the token' }).click();
	await expect(page.getByText('The expiry date must be a day in the future.')).toBeVisible();
	await expect(page.getByLabel('Token name')).toHaveValue('CRM eşitleme');

	await page.getByLabel('Expiry date (optional)').fill('2099-12-31');
	await page.getByRole('button', { name: 'Create the token' }).click();
	await expect(page.getByText('The token CRM eşitleme is ready.')).toBeVisible();
	const token = await page.getByLabel('The new API token').inputValue();
	expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
	const row = page.getByRole('row', { name: /CRM eşitleme/ });
	await expect(row).toContainText('viewer');
	await expect(row).toContainText('Active');
	if (testInfo.project.name === 'js') {
		const axe = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
		expect(axe.violations).toEqual([]);
	}

	// The token alone (this request context has no cookies) reads the chamber's API, and no other chamber's.
	const answer = await request.get(aggregates(slug), { headers: bearer(token) });
	expect(answer.status()).toBe(200);
	expect(await answer.json()).toMatchObject({ chamber: slug });
	const elsewhere = await request.get(aggregates(other), { headers: bearer(token) });
	expect(elsewhere.status()).toBe(404);
	expect(await elsewhere.json()).toMatchObject({ error: { code: 'chamber_not_found' } });

	// It never opens a page or posts a form action: there, only the session counts.
	const dashboard = await request.get(`/chamber/${slug}`, {
		headers: bearer(token),
		maxRedirects: 0
	});
	expect(dashboard.status()).toBe(303);
	expect(dashboard.headers().location).toMatch(/^\/chamber\/login/);
	const action = await request.post(`/chamber/${slug}/api-tokens?/create`, {
		form: { name: 'Sızma', role: 'admin' },
		headers: { ...bearer(token), origin: process.env.E2E_ORIGIN!, accept: 'text/html' },
		maxRedirects: 0
	});
	expect(action.status()).toBe(303);

	// Nothing was created by that post; the token's use is on the list; revoking it stops it at once.
	await page.goto(`/chamber/${slug}/api-tokens`);
	await expect(page.getByRole('row', { name: /Sızma/ })).toHaveCount(0);
	await expect(row).not.toContainText('never');
	await page.getByRole('button', { name: 'Revoke the token CRM eşitleme' }).click();
	await expect(page.getByText('The token is revoked: it no longer works.')).toBeVisible();
	await expect(page.getByRole('row', { name: /CRM eşitleme/ })).toContainText('Revoked');
	const revoked = await request.get(aggregates(slug), { headers: bearer(token) });
	expect(revoked.status()).toBe(401);
	expect(await revoked.json()).toEqual({
		error: {
			code: 'invalid_token',
			message: 'The API token is not valid: it is wrong, revoked or expired.',
			issues: []
		}
	});
});

test('`npm run admin -- create-api-token` prints the token alone on its last line; only an administrator token reads the firms’ contacts', async ({
	request
}) => {
	const slug = createChamber('Muratlı TSO');
	await submitInCampaign(request, createCampaignOf(slug), {
		company: 'Trakya Un A.Ş.',
		email: 'iletisim@trakya-un.example',
		consent: true
	});
	const tokenOf = (role: string) => {
		const output = admin([
			'create-api-token',
			'--chamber',
			slug,
			'--name',
			'Gece raporu',
			'--role',
			role
		]);
		return output.trim().split('\n').at(-1)!;
	};
	const viewer = tokenOf('chamber_viewer');
	expect(viewer).toMatch(/^[A-Za-z0-9_-]{43}$/);
	expect((await request.get(aggregates(slug), { headers: bearer(viewer) })).status()).toBe(200);

	const respondents = `/api/v1/chambers/${slug}/respondents?lang=en`;
	const refused = await request.get(respondents, { headers: bearer(viewer) });
	expect(refused.status()).toBe(403);
	expect(await refused.json()).toMatchObject({ error: { code: 'personal_data_forbidden' } });
	const administrator = tokenOf('chamber_admin');
	const firms = await request.get(respondents, { headers: bearer(administrator) });
	expect(firms.status()).toBe(200);
	expect(await firms.json()).toMatchObject({
		chamber: slug,
		respondents: [{ company: 'Trakya Un A.Ş.', contact: 'iletisim@trakya-un.example' }],
		next: null
	});
	const badCursor = await request.get(`${respondents}&after=nonsense`, {
		headers: bearer(administrator)
	});
	expect(badCursor.status()).toBe(400);
	expect(() =>
		admin(['create-api-token', '--chamber', slug, '--name', 'x', '--role', 'chamber_viewer'])
	).toThrow(/--name: Give the token a name of 2 to 100 characters/);
});

test('a viewer sees neither the API tokens nor the firms’ contacts, and cannot download them', async ({
	page
}) => {
	const slug = createChamber('Şarköy TSO');
	await signInAs(page, createChamberUser(slug, PASSWORD, 'chamber_viewer'), PASSWORD);
	await expect(page).toHaveURL(new RegExp(`/chamber/${slug}$`));
	await expect(page.getByRole('link', { name: 'API tokens' })).toHaveCount(0);
	await expect(page.getByRole('link', { name: 'Download the list of firms (CSV)' })).toHaveCount(0);
	await expect(
		page.getByText("Only the chamber's administrators see the names and contacts of these firms.")
	).toBeVisible();

	const csv = await page.request.get(`/chamber/${slug}/export.csv?kind=respondents&lang=en`);
	expect(csv.status()).toBe(403);
	expect(await csv.text()).toBe(
		"Only the chamber's administrators may download the firms' names and contact details."
	);
	// The statistics stay open to viewers.
	expect((await page.request.get(`/chamber/${slug}/export.csv`)).status()).toBe(200);

	const tokens = await page.goto(`/chamber/${slug}/api-tokens`);
	expect(tokens?.status()).toBe(403);
	await expect(page.getByRole('heading', { name: 'Not allowed' })).toBeVisible();
	await expect(page.getByText("This page is for the chamber's administrators only.")).toBeVisible();
	const forced = await page.request.post(`/chamber/${slug}/api-tokens?/create`, {
		form: { name: 'Zorla', role: 'admin' },
		headers: { origin: process.env.E2E_ORIGIN!, accept: 'text/html' }
	});
	expect(forced.status()).toBe(403);
});
