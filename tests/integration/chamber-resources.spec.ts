import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Db } from '$lib/server/db/connect';
import * as auditLog from '$lib/server/db/audit-log';
import type { Locale } from '$lib/i18n/locales';
import { randomAnswers, seededRandom } from '../fixtures/answers';
import { testDatabases } from '../fixtures/databases';

// The services read the process-wide database; point it at each real database in turn.
let current: Db;
vi.mock('$lib/server/db', () => ({ db: () => current }));
const service = await import('$lib/server/assessment/assessment-service');
const chambers = await import('$lib/server/db/chambers');
const resources = await import('$lib/server/chamber/chamber-resource-service');
const { questionnaire } = await import('$lib/server/content');
const { resultsView } = await import('$lib/server/assessment/results-view');
const { reportModel } = await import('$lib/server/report/model');

/** A manufacturer of textiles (NACE C13), whatever else it answered. */
const answers = {
	...randomAnswers(questionnaire(), seededRandom(7)),
	sector: 'C',
	manufacturing_division: 'C13'
};

async function submittedFirm(chamberId?: string) {
	const token = await service.start({ locale: 'tr', chamberId });
	await service.saveAnswers((await service.open(token))!, answers);
	const outcome = await service.submit((await service.open(token))!);
	if (!outcome.ok) throw new Error(`missing ${outcome.missing.join(', ')}`);
	return (await service.open(token))!;
}

type Opened = Awaited<ReturnType<typeof submittedFirm>>;

/** Every resource link the results page shows, card by card, as title and provider. */
async function shownLinks(opened: Opened, locale: Locale = 'tr') {
	const view = await resultsView(opened, locale);
	return view.recommendations.map((card) => ({
		theme: card.theme,
		links: card.resources.map(({ title, provider }) => ({ title, provider }))
	}));
}

/** Every resource link the PDF prints, as title and provider (the first part of the muted note after it). */
async function printedLinks(opened: Opened, locale: Locale = 'tr') {
	const model = await reportModel(opened, locale);
	return model.themes.flatMap((theme) =>
		theme.recommendations.flatMap((card) =>
			card.resources.map(({ title, note }) => ({ title, provider: note.split(' · ')[0] }))
		)
	);
}

const day = (offset: number) =>
	new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

describe.each(testDatabases())('a chamber’s own resources on $name', (target) => {
	beforeAll(async () => {
		current = await target.open();
	});
	afterAll(() => target.close());

	it('shows first on its campaign firms’ cards and in their PDF, never to other firms', async () => {
		const own = await chambers.create(current, { slug: 'erzurum-tso', name: 'Erzurum TSO' });
		const other = await chambers.create(current, { slug: 'konya-tso', name: 'Konya TSO' });
		const firm = await submittedFirm(own.id);
		const theme = firm.assessment.result!.recommendations[0].theme;
		const id = await resources.addResource('owner-1', own.id, {
			titleTr: 'Tekstilde enerji eğitimi',
			titleEn: 'Energy training for textiles',
			descriptionTr: 'Üyelerimize ücretsiz.',
			descriptionEn: null,
			url: 'https://www.example.org/egitim',
			themes: [theme],
			sectors: ['C13'],
			sizeClasses: [],
			validUntil: day(30)
		});
		const mark = { title: 'Tekstilde enerji eğitimi', provider: 'Erzurum TSO' };

		const cards = await shownLinks(firm);
		for (const card of cards) {
			if (card.theme === theme) expect(card.links[0]).toEqual(mark);
			else expect(card.links).not.toContainEqual(mark);
			expect(card.links.length).toBeLessThanOrEqual(4);
		}
		expect(await printedLinks(firm)).toContainEqual(mark);
		expect(await printedLinks(firm, 'en')).toContainEqual({
			title: 'Energy training for textiles',
			provider: 'Erzurum TSO'
		});

		for (const stranger of [await submittedFirm(other.id), await submittedFirm()]) {
			expect(JSON.stringify(await shownLinks(stranger))).not.toContain('Erzurum TSO');
			expect(await printedLinks(stranger)).not.toContainEqual(mark);
		}

		const entries = await auditLog.listRecent(current, { target: id });
		expect(entries.map(({ actor, action }) => ({ actor, action }))).toEqual([
			{ actor: 'owner-1', action: 'chamber_resource.create' }
		]);
	});

	it('is not shown to a firm of another sector or size', async () => {
		const chamber = await chambers.create(current, {
			slug: 'kirklareli-tso',
			name: 'Kırklareli TSO'
		});
		const firm = await submittedFirm(chamber.id);
		const themes = questionnaire().themes.map((theme) => theme.id);
		const otherSize = questionnaire()
			.sizeClasses.map((size) => size.id)
			.find((size) => size !== firm.assessment.sizeClass)!;
		const base = {
			descriptionTr: 'Açıklama',
			descriptionEn: null,
			titleEn: null,
			url: 'https://www.example.org/',
			themes,
			validUntil: null
		};
		await resources.addResource('owner-1', chamber.id, {
			...base,
			titleTr: 'İnşaat firmalarına',
			sectors: ['F'],
			sizeClasses: []
		});
		await resources.addResource('owner-1', chamber.id, {
			...base,
			titleTr: 'Başka büyüklüğe',
			sectors: [],
			sizeClasses: [otherSize]
		});
		await resources.addResource('owner-1', chamber.id, {
			...base,
			titleTr: 'Bütün imalatçılara',
			sectors: ['C'],
			sizeClasses: [firm.assessment.sizeClass!]
		});
		const shown = JSON.stringify(await shownLinks(firm));
		expect(shown).toContain('Bütün imalatçılara');
		expect(shown).not.toContain('İnşaat firmalarına');
		expect(shown).not.toContain('Başka büyüklüğe');
	});

	it('disappears when retired or past its last day; changes are audited', async () => {
		const chamber = await chambers.create(current, { slug: 'tekirdag-tso', name: 'Tekirdağ TSO' });
		const firm = await submittedFirm(chamber.id);
		const themes = questionnaire().themes.map((theme) => theme.id);
		const fields = {
			titleTr: 'Saha ziyareti',
			titleEn: null,
			descriptionTr: 'Açıklama',
			descriptionEn: null,
			url: 'https://www.example.org/ziyaret',
			themes,
			sectors: [],
			sizeClasses: [],
			validUntil: null
		};
		const id = await resources.addResource('owner-1', chamber.id, fields);
		expect(JSON.stringify(await shownLinks(firm))).toContain('Saha ziyareti');

		expect(
			await resources.editResource('api_token:t1', chamber.id, id, {
				...fields,
				validUntil: day(-1)
			})
		).toBe(true);
		expect(JSON.stringify(await shownLinks(firm))).not.toContain('Saha ziyareti');
		expect((await resources.resourcesOf(chamber.id, { all: true }))[0].state).toBe('expired');
		expect(await resources.resourcesOf(chamber.id, { all: false })).toEqual([]);

		await resources.editResource('owner-1', chamber.id, id, { ...fields, validUntil: day(0) });
		expect(JSON.stringify(await shownLinks(firm))).toContain('Saha ziyareti');

		expect(await resources.retireResource('owner-1', chamber.id, id)).toBe(true);
		expect(await resources.retireResource('owner-1', chamber.id, id)).toBe(false);
		expect(await resources.editResource('owner-1', chamber.id, id, fields)).toBe(false);
		expect(JSON.stringify(await shownLinks(firm))).not.toContain('Saha ziyareti');
		expect(JSON.stringify(await printedLinks(firm))).not.toContain('Saha ziyareti');
		expect((await resources.resourcesOf(chamber.id, { all: true }))[0]).toMatchObject({
			id,
			state: 'retired'
		});

		// Entries of the same millisecond may come in either order.
		const entries = await auditLog.listRecent(current, { target: id });
		expect(entries).toHaveLength(4);
		expect(entries.map(({ actor, action }) => ({ actor, action }))).toEqual(
			expect.arrayContaining([
				{ actor: 'owner-1', action: 'chamber_resource.create' },
				{ actor: 'api_token:t1', action: 'chamber_resource.update' },
				{ actor: 'owner-1', action: 'chamber_resource.update' },
				{ actor: 'owner-1', action: 'chamber_resource.retire' }
			])
		);
	});

	it('lists at most four resources on a card, the chamber’s own first', async () => {
		const chamber = await chambers.create(current, { slug: 'kesan-tso', name: 'Keşan TSO' });
		const firm = await submittedFirm(chamber.id);
		const themes = questionnaire().themes.map((theme) => theme.id);
		for (const n of [1, 2, 3, 4, 5]) {
			await resources.addResource('owner-1', chamber.id, {
				titleTr: `Kaynak ${n}`,
				titleEn: null,
				descriptionTr: 'Açıklama',
				descriptionEn: null,
				url: `https://www.example.org/${n}`,
				themes,
				sectors: [],
				sizeClasses: [],
				validUntil: null
			});
		}
		for (const card of await shownLinks(firm)) {
			expect(card.links).toHaveLength(4);
			expect(card.links.every((link) => link.provider === 'Keşan TSO')).toBe(true);
		}
	});

	it('finds a resource only within its own chamber', async () => {
		const [own, other] = await Promise.all(
			['edirne-tso', 'canakkale-tso'].map((slug) => chambers.create(current, { slug, name: slug }))
		);
		const id = await resources.addResource('owner-1', own.id, {
			titleTr: 'Danışmanlık',
			titleEn: null,
			descriptionTr: 'Açıklama',
			descriptionEn: null,
			url: 'https://www.example.org/',
			themes: ['energy'],
			sectors: [],
			sizeClasses: [],
			validUntil: null
		});
		expect(await resources.resourceOf(other.id, id)).toBeUndefined();
		expect(await resources.retireResource('intruder', other.id, id)).toBe(false);
		expect((await resources.resourceOf(own.id, id))?.state).toBe('active');
	});
});
