import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { isRedirect } from '@sveltejs/kit';
import type { Db } from '$lib/server/db/connect';
import type { Answers } from '$lib/questionnaire/visibility';
import type { SymbiosisListing } from '$lib/symbiosis/listing';
import { randomAnswers, seededRandom } from '../fixtures/answers';
import { testDatabases } from '../fixtures/databases';
import { readPdf } from '../fixtures/pdf';
import { insertCampaign, insertChamber } from '../fixtures/submitted';

// The service and the routes read the process-wide database; point it at each test database in turn.
let current: Db;
vi.mock('$lib/server/db', () => ({ db: () => current }));
const service = await import('$lib/server/assessment/assessment-service');
const symbiosis = await import('$lib/server/assessment/symbiosis');
const symbiosisItems = await import('$lib/server/db/symbiosis');
const { questionnaire } = await import('$lib/server/content');
const { reportModel } = await import('$lib/server/report/model');
const { renderPdf } = await import('$lib/server/report/render');
const { resultsAction } = await import('../fixtures/assessment-actions');
const dataJson = await import('../../src/routes/assessment/[token=token]/data.json/+server');
const listingApi = await import('../../src/routes/api/v1/assessments/[token]/symbiosis/+server');
const categoriesApi = await import('../../src/routes/api/v1/symbiosis/categories/+server');
const stepPage = await import('../../src/routes/assessment/[token=token]/[step]/+page.server');

const answers: Answers = { ...randomAnswers(questionnaire(), seededRandom(7)), province: '16' };
const locals = () => ({ locale: 'en' as const });
const STEP = 'symbiosis-exchange';

const sawdust = { category: 'wood', quantityPerYear: 12.5, unit: 't' as const };
const listing: SymbiosisListing = {
	offers: [{ ...sawdust, hazardous: false, frequency: 'monthly', note: 'Dry beech sawdust' }],
	needs: [{ category: 'waste_heat', quantityPerYear: 300, unit: 'MWh', province: '41' }],
	consentIntroduce: true
};

async function start(options: { chamberId?: string; campaignId?: string } = {}) {
	return service.start({ locale: 'en', answers, ...options });
}

async function submitted(options: { chamberId?: string; campaignId?: string } = {}) {
	const token = await start(options);
	const outcome = await service.submit((await service.open(token))!);
	if (!outcome.ok) throw new Error(`missing ${outcome.missing.join(', ')}`);
	return token;
}

const opened = async (token: string) => (await service.open(token))!;

async function api(method: 'GET' | 'PUT', token: string, body?: unknown) {
	const request = new Request(`http://localhost/api/v1/assessments/${token}/symbiosis`, {
		method,
		...(body === undefined
			? {}
			: { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })
	});
	const response = await listingApi[method]({
		params: { token },
		locals: locals(),
		request
	} as never);
	return { status: response.status, body: await response.json() };
}

/** Posts the symbiosis step's form as a browser without JavaScript would: where it redirects, or what it returned. */
async function postStep(token: string, fields: [string, string][]) {
	const body = new FormData();
	for (const [key, value] of fields) body.append(key, value);
	const request = new Request(`http://localhost/assessment/${token}/${STEP}?/symbiosis`, {
		method: 'POST',
		body
	});
	try {
		const returned = await stepPage.actions.symbiosis({
			params: { token, step: STEP },
			locals: locals(),
			request
		} as never);
		return { returned };
	} catch (thrown) {
		if (isRedirect(thrown)) return { location: thrown.location };
		throw thrown;
	}
}

async function itemRows(assessmentId: string) {
	return current
		.selectFrom('symbiosis_item')
		.select('id')
		.where('assessment_id', '=', assessmentId)
		.execute();
}

describe.each(testDatabases())('a firm’s symbiosis listing on $name', (target) => {
	beforeAll(async () => {
		current = await target.open();
	});
	afterAll(() => target.close());

	it('lists the categories publicly, with codes and names in both languages', async () => {
		const response = await categoriesApi.GET({ locals: locals() } as never);
		const body = await response.json();
		expect(response.status).toBe(200);
		expect(body.source).toMatchObject({ published: '2015-04-02' });
		expect(body.source.url).toContain('resmigazete.gov.tr');
		expect(body.categories).toHaveLength(18);
		expect(body.categories[0]).toMatchObject({
			id: 'wood',
			kind: 'material',
			unit: 't',
			hazardousCodes: ['03 01 04'],
			name: { tr: 'Ahşap, talaş ve kesim artıkları', en: 'Wood, sawdust and offcuts' }
		});
	});

	it('stores a draft’s listing with PUT and reads it back with GET, and edits it once submitted', async () => {
		const token = await start();
		const put = await api('PUT', token, listing);
		expect(put).toEqual({ status: 200, body: listing });
		expect(await api('GET', token)).toEqual({ status: 200, body: listing });
		const done = await submitted();
		const edited = { offers: [sawdust], needs: [], consentIntroduce: false };
		expect((await api('PUT', done, edited)).status).toBe(200);
		expect((await api('GET', done)).body).toEqual(edited);
	});

	it('refuses bad input with the field named, and stores nothing', async () => {
		const token = await start();
		await api('PUT', token, listing);
		const offer = (change: object) => ({ ...listing, offers: [{ ...sawdust, ...change }] });
		const cases: [unknown, string][] = [
			[offer({ category: 'uranium' }), 'offers[0].category'],
			[offer({ quantityPerYear: -3 }), 'offers[0].quantityPerYear'],
			[offer({ quantityPerYear: 0 }), 'offers[0].quantityPerYear'],
			[offer({ quantityPerYear: 5_000_000 }), 'offers[0].quantityPerYear'],
			[offer({ quantityPerYear: '12' }), 'offers[0].quantityPerYear'],
			[offer({ unit: 'kg' }), 'offers[0].unit'],
			[offer({ note: 'x'.repeat(281) }), 'offers[0].note'],
			[offer({ note: 'bad\u0000note' }), 'offers[0].note'],
			[offer({ province: '99' }), 'offers[0].province'],
			[offer({ frequency: 'hourly' }), 'offers[0].frequency'],
			[{ ...listing, needs: [{ ...listing.needs[0], hazardous: true }] }, 'needs[0].hazardous'],
			[{ ...listing, offers: Array.from({ length: 21 }, () => sawdust) }, 'offers'],
			[{ offers: [], needs: [] }, 'consentIntroduce']
		];
		for (const [body, path] of cases) {
			const refused = await api('PUT', token, body);
			expect(refused.status, JSON.stringify(body).slice(0, 120)).toBe(400);
			expect(refused.body.error.issues.map((issue: { path: string }) => issue.path)).toContain(
				path
			);
		}
		expect((await api('GET', token)).body).toEqual(listing);
		// The issue's message is in the caller's language, not an i18n key.
		const unknown = await api('PUT', token, offer({ category: 'uranium' }));
		expect(unknown.body.error.issues[0].message).toBe('Choose a category from the list.');
	});

	it('answers 404 for an unknown token', async () => {
		const unknown = 'a'.repeat(43);
		expect((await api('GET', unknown)).status).toBe(404);
		const put = await api('PUT', unknown, listing);
		expect(put.status).toBe(404);
		expect(put.body.error.code).toBe('assessment_not_found');
	});

	it('erases the listing with its assessment', async () => {
		const token = await submitted();
		await api('PUT', token, listing);
		const { id } = (await opened(token)).assessment;
		expect(await itemRows(id)).toHaveLength(2);
		await service.erase(await opened(token), 'this');
		expect(await itemRows(id)).toEqual([]);
	});

	it('carries the listing and the consent into a re-assessment, and puts it in data.json', async () => {
		const token = await submitted();
		await api('PUT', token, listing);
		const before = (await opened(token)).assessment.id;
		expect(await resultsAction('reassess', token)).toBe(`/assessment/${token}/profile`);
		const after = (await opened(token)).assessment;
		expect(after.id).not.toBe(before);
		expect(after.status).toBe('draft');
		expect(await symbiosisItems.listing(current, after.id)).toEqual(listing);
		const data = await (await dataJson.GET({ params: { token } } as never)).json();
		expect(data.symbiosis).toEqual(listing);
	});

	it('says a match exists only for a consenting firm of the same chamber, on the other side', async () => {
		const chamberId = await insertChamber(current, `symbiosis-${target.name}`);
		const campaignId = await insertCampaign(current, chamberId);
		const elsewhere = await insertChamber(current, `symbiosis-other-${target.name}`);
		const inChamber = { chamberId, campaignId };
		// A furniture maker offering sawdust and consenting; a firm offering metal without consent; a firm of another
		// chamber offering plastic with consent.
		const furniture = await submitted(inChamber);
		await api('PUT', furniture, { offers: [sawdust], needs: [], consentIntroduce: true });
		const quiet = await submitted(inChamber);
		await api('PUT', quiet, {
			offers: [{ category: 'metal', quantityPerYear: 4, unit: 't' }],
			needs: [],
			consentIntroduce: false
		});
		const far = await submitted({
			chamberId: elsewhere,
			campaignId: await insertCampaign(current, elsewhere)
		});
		await api('PUT', far, {
			offers: [{ category: 'plastic', quantityPerYear: 4, unit: 't' }],
			needs: [],
			consentIntroduce: true
		});
		// The briquette maker needs all three, and offers sawdust too (no one needs it).
		const briquettes = await start(inChamber);
		const needs = ['wood', 'metal', 'plastic'].map((category) => ({
			category,
			quantityPerYear: 10,
			unit: 't'
		}));
		await api('PUT', briquettes, { offers: [sawdust], needs, consentIntroduce: false });
		const view = (await symbiosis.symbiosisView(await opened(briquettes), 'en'))!;
		expect(view.inChamber).toBe(true);
		expect(view.needs.map((item) => [item.category, item.match])).toEqual([
			['wood', true],
			['metal', false],
			['plastic', false]
		]);
		expect(view.offers[0].match).toBe(false);
		expect(view.needs[0]).toMatchObject({
			categoryName: 'Wood, sawdust and offcuts',
			provinceName: 'Bursa'
		});

		// Withdrawing consent takes the furniture maker out at once.
		await api('PUT', furniture, { offers: [sawdust], needs: [], consentIntroduce: false });
		const items = await symbiosisItems.chamberItems(current, chamberId);
		expect(items.every((item) => !item.consenting)).toBe(true);
		const withdrawn = (await symbiosis.symbiosisView(await opened(briquettes), 'en'))!;
		expect(withdrawn.needs[0].match).toBe(false);

		// Outside a chamber nothing is looked for.
		const alone = await start();
		await api('PUT', alone, listing);
		const solo = (await symbiosis.symbiosisView(await opened(alone), 'en'))!;
		expect(solo.inChamber).toBe(false);
		expect(solo.offers[0].match).toBeNull();
	});

	it('prints the listing and the match line in the PDF', async () => {
		const chamberId = await insertChamber(current, `symbiosis-pdf-${target.name}`);
		const inChamber = { chamberId, campaignId: await insertCampaign(current, chamberId) };
		const maker = await submitted(inChamber);
		await api('PUT', maker, { offers: [], needs: [sawdust], consentIntroduce: true });
		const seller = await submitted(inChamber);
		await api('PUT', seller, { offers: [sawdust], needs: [], consentIntroduce: false });
		const pdf = await readPdf(await renderPdf(await reportModel(await opened(seller), 'tr')));
		const text = pdf.pages.join(' ').replace(/\s+/g, ' ');
		expect(text).toContain('Sanayi simbiyozu');
		expect(text).toContain('Ahşap, talaş ve kesim artıkları');
		expect(text).toContain('Odanızdaki bir firma buna ihtiyaç duyuyor.');
		expect(text).toContain('Tanıştırma izni verirseniz odanız sizi tanıştırabilir.');
	});

	it('fills the step without JavaScript: adds a row, shows errors by their field, saves and moves on', async () => {
		const token = await start();
		const added = await postStep(token, [['intent', 'add-offer']]);
		expect(added.returned).toMatchObject({ symbiosis: { values: { offers: [{ category: '' }] } } });
		const typed: [string, string][] = [
			['offers.0.category', 'wood'],
			['offers.0.quantityPerYear', '1.234,5'],
			['offers.0.unit', ''],
			['offers.0.province', ''],
			['offers.1.category', ''],
			['offers.1.quantityPerYear', ''],
			['needs.0.category', 'waste_heat'],
			['needs.0.quantityPerYear', '-2'],
			['needs.0.hazardous', 'on']
		];
		const refused = await postStep(token, [...typed, ['intent', 'next']]);
		expect(refused.returned).toMatchObject({
			status: 400,
			data: {
				symbiosis: {
					values: { offers: [{ category: 'wood', quantityPerYear: '1.234,5' }] },
					errors: {
						'needs.0.quantityPerYear': 'symbiosis.error_quantity',
						'needs.0.hazardous': 'symbiosis.error_hazardous'
					}
				}
			}
		});
		expect((await api('GET', token)).body).toEqual({
			offers: [],
			needs: [],
			consentIntroduce: false
		});
		// Removing the bad row and saving stores the offer in the page's number style and the category's unit.
		const removed = await postStep(token, [...typed, ['intent', 'remove-need-0']]);
		expect(removed.returned).toMatchObject({ symbiosis: { values: { needs: [] } } });
		const saved = await postStep(token, [
			...typed.filter(([name]) => name.startsWith('offers')),
			['consentIntroduce', 'on'],
			['intent', 'next']
		]);
		// The English page reads "1.234,5" as no number: the Turkish page's style is refused there.
		expect(saved.returned).toMatchObject({ status: 400 });
		const english = await postStep(token, [
			['offers.0.category', 'wood'],
			['offers.0.quantityPerYear', '1,234.5'],
			['consentIntroduce', 'on'],
			['intent', 'next']
		]);
		expect(english.location).toBe(`/assessment/${token}/review`);
		expect((await api('GET', token)).body).toEqual({
			offers: [{ category: 'wood', quantityPerYear: 1234.5, unit: 't', hazardous: false }],
			needs: [],
			consentIntroduce: true
		});
		// Once submitted, saving the step goes back to the results.
		await service.submit(await opened(token));
		const again = await postStep(token, [['intent', 'next']]);
		expect(again.location).toBe(`/assessment/${token}/results#symbiosis`);
		expect((await api('GET', token)).body).toEqual({
			offers: [],
			needs: [],
			consentIntroduce: false
		});
	});
});
