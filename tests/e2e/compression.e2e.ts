import { createCampaignOf, createChamber, createChamberUser } from './admin-cli';
import { submitInCampaign } from './api-helpers';
import { signInAs } from './sign-in';
import { expect, test } from './test';

// The server (scripts/server.js, as `npm start` runs it) compresses what it renders for a client that accepts it.
test('a page is sent compressed to a client that accepts it, and as it is to one that does not', async ({
	request
}) => {
	for (const encoding of ['gzip', 'br']) {
		const response = await request.get('/?lang=en', { headers: { 'accept-encoding': encoding } });
		expect(response.headers()['content-encoding']).toBe(encoding);
		expect(response.headers()['vary']).toMatch(/accept-encoding/i);
		// The body still reads as the page once decoded.
		expect(await response.text()).toContain('<html lang="en">');
	}

	const plain = await request.get('/?lang=en', { headers: { 'accept-encoding': 'identity' } });
	expect(plain.headers()['content-encoding']).toBeUndefined();
	expect(await plain.text()).toContain('<html lang="en">');
});

test('static files keep their precompressed copies, never compressed twice', async ({
	request
}) => {
	// A page with scripts (the landing page and the pages to read have none).
	const page = await (await request.get('/chamber/login?lang=en')).text();
	const script = /\/_app\/immutable\/[^"]+\.js/.exec(page)![0];
	const response = await request.get(script, { headers: { 'accept-encoding': 'gzip' } });
	expect(response.headers()['content-encoding']).toBe('gzip');
	// Decoded once, it is JavaScript; compressed twice, it would still be gzip bytes (1f 8b).
	const body = await response.body();
	expect(body.subarray(0, 2).toString('hex')).not.toBe('1f8b');
	expect(body.toString('utf8')).toMatch(/import|export/);
});

test('a CSV export streams to the end when it is compressed', async ({ page, request }) => {
	test.slow();
	const slug = createChamber('Keşan TSO');
	const campaign = createCampaignOf(slug);
	const firms = Array.from({ length: 6 }, (_, index) => `Keşan Pirinç ${index + 1} A.Ş.`);
	for (const [index, company] of firms.entries())
		await submitInCampaign(request, campaign, {
			company,
			email: `firma${index}@kesan.example`,
			consent: true
		});
	const password = 'Keşan pirinç tarlaları 2026';
	await signInAs(page, createChamberUser(slug, password), password);

	const csv = await page.request.get(`/chamber/${slug}/export.csv?kind=respondents&lang=en`, {
		headers: { 'accept-encoding': 'gzip' }
	});
	expect(csv.status()).toBe(200);
	expect(csv.headers()['content-encoding']).toBe('gzip');
	const lines = (await csv.text()).split('\r\n');
	const header = lines.indexOf('Company,Contact,Submitted on,Level');
	expect(header).toBeGreaterThan(0);
	// Every firm's line, and nothing cut off after the last one.
	const rows = lines.slice(header + 1).filter((line) => line !== '');
	expect(rows.map((line) => line.split(',')[0]).sort()).toEqual([...firms].sort());
	expect(lines.at(-1)).toBe('');
});
