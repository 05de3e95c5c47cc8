import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { type APIRequestContext } from '@playwright/test';
import { createCampaignOf, createChamber, createChamberUser } from './admin-cli';
import { signInAs } from './sign-in';
import { expect, test } from './test';

const PASSWORD = 'Trakya verimlilik platformu 2026';
const CHAMBER_ROUTES = 'src/routes/chamber/[slug=slug]';
const ORIGIN = { origin: process.env.E2E_ORIGIN!, accept: 'text/html' };

/** Every page and endpoint under /chamber/<slug>, as route folders relative to the chamber's own. */
function chamberRoutes(): string[] {
	const found: string[] = [];
	const walk = (dir: string) => {
		for (const entry of readdirSync(dir, { withFileTypes: true })) {
			const path = join(dir, entry.name);
			if (entry.isDirectory()) walk(path);
			else if (/^\+(page|server)(\.server)?\.(ts|svelte)$/.test(entry.name))
				found.push(relative(CHAMBER_ROUTES, dir) || '.');
		}
	};
	walk(CHAMBER_ROUTES);
	return [...new Set(found)].sort();
}

/**
 * Every request a chamber user can make on their own chamber, for a chamber (`slug`) and one of its campaigns
 * (`campaign`). Adding a route under /chamber/<slug> without adding its requests here fails the first test.
 */
const requests: Record<
	string,
	(request: APIRequestContext, slug: string, campaign: string) => Promise<number>
> = {
	'.': async (request, slug) => {
		const page = (await request.get(`/chamber/${slug}`)).status();
		const introduce = await request.post(`/chamber/${slug}?/introduce`, {
			form: { match: 'offer-id:need-id:wood' },
			headers: ORIGIN
		});
		return page === introduce.status() ? page : -1;
	},
	'api-tokens': async (request, slug) => {
		const page = (await request.get(`/chamber/${slug}/api-tokens`)).status();
		const create = await request.post(`/chamber/${slug}/api-tokens?/create`, {
			form: { name: 'Sızma denemesi', role: 'admin' },
			headers: ORIGIN
		});
		const revoke = await request.post(`/chamber/${slug}/api-tokens?/revoke`, {
			form: { id: 'unknown-token-id' },
			headers: ORIGIN
		});
		return page === create.status() && page === revoke.status() ? page : -1;
	},
	campaigns: async (request, slug) => {
		const page = (await request.get(`/chamber/${slug}/campaigns`)).status();
		const create = await request.post(`/chamber/${slug}/campaigns?/create`, {
			form: { name: 'Sızma denemesi' },
			headers: ORIGIN
		});
		return page === create.status() ? page : -1;
	},
	'campaigns/[id]': async (request, slug, campaign) => {
		const page = (await request.get(`/chamber/${slug}/campaigns/${campaign}`)).status();
		const edit = await request.post(`/chamber/${slug}/campaigns/${campaign}?/edit`, {
			form: { name: 'Sızma denemesi' },
			headers: ORIGIN
		});
		const close = await request.post(`/chamber/${slug}/campaigns/${campaign}?/close`, {
			form: {},
			headers: ORIGIN
		});
		return page === edit.status() && page === close.status() ? page : -1;
	},
	'campaigns/[id]/flyer': async (request, slug, campaign) =>
		(await request.get(`/chamber/${slug}/campaigns/${campaign}/flyer`)).status(),
	'campaigns/[id]/qr.png': async (request, slug, campaign) =>
		(await request.get(`/chamber/${slug}/campaigns/${campaign}/qr.png`)).status(),
	'campaigns/[id]/qr.svg': async (request, slug, campaign) =>
		(await request.get(`/chamber/${slug}/campaigns/${campaign}/qr.svg`)).status(),
	security: async (request, slug) => {
		const page = (await request.get(`/chamber/${slug}/security`)).status();
		const save = await request.post(`/chamber/${slug}/security`, { form: {}, headers: ORIGIN });
		return page === save.status() ? page : -1;
	},
	resources: async (request, slug) => {
		const page = (await request.get(`/chamber/${slug}/resources`)).status();
		const add = await request.post(`/chamber/${slug}/resources?/add`, {
			form: {
				titleTr: 'Sızma denemesi',
				descriptionTr: 'x',
				url: 'https://example.org/',
				themes: 'energy'
			},
			headers: ORIGIN
		});
		const retire = await request.post(`/chamber/${slug}/resources?/retire`, {
			form: { id: '1' },
			headers: ORIGIN
		});
		return page === add.status() && page === retire.status() ? page : -1;
	},
	'resources/[id]': async (request, slug) => {
		const page = (await request.get(`/chamber/${slug}/resources/1`)).status();
		const edit = await request.post(`/chamber/${slug}/resources/1?/edit`, {
			form: {
				titleTr: 'Sızma denemesi',
				descriptionTr: 'x',
				url: 'https://example.org/',
				themes: 'energy'
			},
			headers: ORIGIN
		});
		return page === edit.status() ? page : -1;
	},
	'report.pdf': async (request, slug) =>
		(await request.get(`/chamber/${slug}/report.pdf`)).status(),
	'export.[format=export_format]': async (request, slug) => {
		const statuses = await Promise.all(
			['csv', 'xlsx'].flatMap((format) =>
				['', '?kind=respondents', '?kind=matches'].map(async (kind) =>
					(await request.get(`/chamber/${slug}/export.${format}${kind}`)).status()
				)
			)
		);
		return statuses.every((status) => status === statuses[0]) ? statuses[0] : -1;
	}
};

test('every chamber route is replayed with another chamber’s session below', () => {
	expect(chamberRoutes()).toEqual(Object.keys(requests).sort());
});

test('a chamber user reaches only their own chamber: another one answers 404 and changes nothing', async ({
	page
}) => {
	// Three sign-ins (two set up two-step verification) and two replays of every chamber route: slow on a busy machine.
	test.slow();
	const mine = createChamber('Tekirdağ TSO');
	const theirs = createChamber('Kırklareli TSO');
	createCampaignOf(theirs);
	const bob = createChamberUser(theirs, PASSWORD);

	// Bob sees his own campaign id, which Alice then tries to open.
	await signInAs(page, bob, PASSWORD);
	await page.goto(`/chamber/${theirs}/campaigns`);
	const href = await page.locator('tbody a').first().getAttribute('href');
	const campaign = href!.split('/').at(-1)!;
	const before = await page.locator('tbody tr').count();
	await page.context().clearCookies();

	await signInAs(page, createChamberUser(mine, PASSWORD), PASSWORD);
	await expect(page).toHaveURL(new RegExp(`/chamber/${mine}$`));

	for (const [route, replay] of Object.entries(requests)) {
		expect(await replay(page.request, theirs, campaign), route).toBe(404);
		// The same requests on her own chamber work, so the 404 is about the tenant, not a broken route.
		expect(await replay(page.request, mine, 'unknown-campaign-id'), route).not.toBe(500);
	}
	expect((await page.request.get('/admin')).status()).toBe(404);
	expect((await page.request.get(`/api/v1/chambers/${theirs}/aggregates`)).status()).toBe(404);
	expect((await page.request.get(`/api/v1/chambers/${theirs}/respondents`)).status()).toBe(404);
	expect((await page.request.get(`/api/v1/chambers/${theirs}/resources`)).status()).toBe(404);
	expect((await page.request.get(`/api/v1/chambers/${theirs}/symbiosis`)).status()).toBe(404);
	expect((await page.request.get(`/api/v1/chambers/${mine}/aggregates`)).status()).toBe(200);

	await page.context().clearCookies();
	await signInAs(page, bob, PASSWORD);
	await page.goto(`/chamber/${theirs}/campaigns`);
	await expect(page.locator('tbody tr')).toHaveCount(before);
	// Alice's edit and close did not reach Bob's campaign.
	await page.goto(`/chamber/${theirs}/campaigns/${campaign}?lang=en`);
	await expect(page.getByRole('button', { name: 'Close now' })).toBeVisible();
	await expect(page.getByText('Sızma denemesi')).toHaveCount(0);
});
