import AxeBuilder from '@axe-core/playwright';
import { type APIRequestContext } from '@playwright/test';
import { admin, createCampaignOf, createChamber, createChamberUser } from './admin-cli';
import { submitInCampaign } from './api-helpers';
import { signInAs } from './sign-in';
import { expect, test } from './test';

const PASSWORD = 'Kuzeydoğu Anadolu kalkınma 2026';
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
const resourcesOf = (slug: string) => `/api/v1/chambers/${slug}/resources?lang=en`;

/** A token of the chamber made with `npm run admin`, as an operator hands it to the chamber's systems. */
const tokenOf = (slug: string, role: 'chamber_admin' | 'chamber_viewer') =>
	admin(['create-api-token', '--chamber', slug, '--name', 'Sistem', '--role', role])
		.trim()
		.split('\n')
		.at(-1)!;

/** Every link title on a firm's results page. */
async function resultLinks(request: APIRequestContext, token: string) {
	const page = await request.get(`/assessment/${token}/results`);
	expect(page.status()).toBe(200);
	return page.text();
}

test('an administrator adds a resource that the chamber’s campaign firms see first @no-js', async ({
	page,
	request
}, testInfo) => {
	test.slow();
	const slug = createChamber('Erzurum TSO');
	const campaign = createCampaignOf(slug);
	const stranger = createCampaignOf(createChamber('Konya TSO'));
	const title = `Tekstil enerji eğitimi ${testInfo.project.name}`;
	await signInAs(page, createChamberUser(slug, PASSWORD), PASSWORD);
	await page
		.getByRole('navigation', { name: 'Chamber pages' })
		.getByRole('link', { name: 'Our resources' })
		.click();
	await expect(page.getByRole('heading', { name: 'Our resources', level: 1 })).toBeVisible();

	// An http address and no theme are refused beside their fields; what was typed stays.
	await page.getByLabel('Title (Turkish)').fill(title);
	await page.getByLabel('Description (Turkish)').fill('Üyelerimize ücretsiz iki günlük eğitim.');
	await page.getByLabel('Address').fill('http://www.example.org/egitim');
	await page.getByLabel('Sectors (optional)').fill('C');
	await page.getByRole('button', { name: 'Add the resource' }).click();
	await expect(page.getByText('Enter a valid https address')).toBeVisible();
	await expect(page.getByText("Choose at least one of the questionnaire's themes.")).toBeVisible();
	await expect(page.getByLabel('Title (Turkish)')).toHaveValue(title);
	await expect(page.getByLabel('Sectors (optional)')).toHaveValue('C');
	if (testInfo.project.name === 'js') {
		const axe = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
		expect(axe.violations).toEqual([]);
	}

	await page.getByLabel('Address').fill('https://www.example.org/egitim');
	for (const box of await page.getByRole('group', { name: 'Themes' }).getByRole('checkbox').all())
		await box.check();
	await page.getByLabel('Sectors (optional)').fill('');
	await page.getByRole('button', { name: 'Add the resource' }).click();
	await expect(page.getByText('The resource was added.')).toBeVisible();
	const row = page.getByRole('row', { name: new RegExp(title) });
	await expect(row).toContainText('Shown to firms');

	// A firm of the campaign sees it under the chamber's name; a firm of another chamber does not.
	const own = await resultLinks(request, await submitInCampaign(request, campaign));
	expect(own).toContain(title);
	expect(own).toContain('Erzurum TSO');
	expect(await resultLinks(request, await submitInCampaign(request, stranger))).not.toContain(
		title
	);

	// Retired, it leaves the firm's results and stays on the administrators' list.
	await page.getByRole('button', { name: `Retire: ${title}` }).click();
	await expect(page.getByText('The resource was retired; firms no longer see it.')).toBeVisible();
	await expect(page.getByRole('row', { name: new RegExp(title) })).toContainText('Retired');
	expect(await resultLinks(request, await submitInCampaign(request, campaign))).not.toContain(
		title
	);
});

test('the JSON API adds, changes and retires resources with an administrator token only', async ({
	request
}) => {
	test.slow();
	const slug = createChamber('Kırklareli TSO');
	const other = createChamber('Tekirdağ TSO');
	const adminToken = tokenOf(slug, 'chamber_admin');
	const viewerToken = tokenOf(slug, 'chamber_viewer');
	const resource = {
		titleTr: 'Enerji danışmanlığı',
		descriptionTr: 'Üyelere yerinde enerji etüdü.',
		url: 'https://www.example.org/etut',
		themes: ['energy'],
		sizeClasses: ['micro', 'small']
	};

	// Bad input: 400 naming each field, nothing stored.
	const refused = await request.post(resourcesOf(slug), {
		headers: bearer(adminToken),
		data: { ...resource, url: 'javascript:alert(1)', themes: ['weather'] }
	});
	expect(refused.status()).toBe(400);
	const problem = await refused.json();
	expect(problem.error.code).toBe('invalid_body');
	expect(problem.error.issues.map((issue: { path: string }) => issue.path).sort()).toEqual([
		'themes[0]',
		'url'
	]);
	const empty = await request.get(resourcesOf(slug), { headers: bearer(adminToken) });
	expect((await empty.json()).resources).toEqual([]);

	// A viewer token reads but cannot write.
	const byViewer = await request.post(resourcesOf(slug), {
		headers: bearer(viewerToken),
		data: resource
	});
	expect(byViewer.status()).toBe(403);

	const created = await request.post(resourcesOf(slug), {
		headers: bearer(adminToken),
		data: resource
	});
	expect(created.status()).toBe(201);
	const { id } = await created.json();
	const item = `/api/v1/chambers/${slug}/resources/${id}?lang=en`;

	const changed = await request.patch(item, {
		headers: bearer(adminToken),
		data: { titleEn: 'Energy consulting', validUntil: '2099-12-31' }
	});
	expect(changed.status()).toBe(200);
	expect(await changed.json()).toMatchObject({
		titleTr: 'Enerji danışmanlığı',
		titleEn: 'Energy consulting',
		validUntil: '2099-12-31',
		state: 'active'
	});
	const badChange = await request.patch(item, {
		headers: bearer(adminToken),
		data: { url: 'http://www.example.org/' }
	});
	expect(badChange.status()).toBe(400);
	expect((await badChange.json()).error.issues[0].path).toBe('url');
	expect(
		(await request.patch(item, { headers: bearer(viewerToken), data: { titleEn: 'x' } })).status()
	).toBe(403);

	const listed = await request.get(resourcesOf(slug), { headers: bearer(viewerToken) });
	expect((await listed.json()).resources).toEqual([
		expect.objectContaining({ id, titleEn: 'Energy consulting', url: resource.url })
	]);

	// Another chamber is not found, with the token of this one.
	const elsewhere = await request.get(resourcesOf(other), { headers: bearer(adminToken) });
	expect(elsewhere.status()).toBe(404);
	const foreignItem = `/api/v1/chambers/${other}/resources/${id}`;
	expect((await request.delete(foreignItem, { headers: bearer(adminToken) })).status()).toBe(404);

	expect((await request.delete(item, { headers: bearer(viewerToken) })).status()).toBe(403);
	expect((await request.delete(item, { headers: bearer(adminToken) })).status()).toBe(204);
	expect((await request.delete(item, { headers: bearer(adminToken) })).status()).toBe(404);
	const afterwards = await request.get(resourcesOf(slug), { headers: bearer(viewerToken) });
	expect((await afterwards.json()).resources).toEqual([]);
	const forAdmins = await request.get(resourcesOf(slug), { headers: bearer(adminToken) });
	expect((await forAdmins.json()).resources).toEqual([
		expect.objectContaining({ id, state: 'retired' })
	]);
});

test('a viewer reads the chamber’s resources but has no form to change them', async ({ page }) => {
	test.slow();
	const slug = createChamber('Keşan TSO');
	await signInAs(page, createChamberUser(slug, PASSWORD, 'chamber_viewer'), PASSWORD);
	await page.goto(`/chamber/${slug}/resources`);
	await expect(page.getByRole('heading', { name: 'Our resources', level: 1 })).toBeVisible();
	await expect(page.getByRole('button', { name: 'Add the resource' })).toHaveCount(0);
	const action = await page.request.post(`/chamber/${slug}/resources?/add`, {
		form: { titleTr: 'Sızma', descriptionTr: 'x', url: 'https://example.org/', themes: 'energy' },
		headers: { origin: process.env.E2E_ORIGIN!, accept: 'text/html' },
		maxRedirects: 0
	});
	expect(action.status()).toBe(403);
});
