import AxeBuilder from '@axe-core/playwright';
import { type Page } from '@playwright/test';
import { completeAnswers, QUESTIONNAIRE } from './api-helpers';
import { answerStep, startAssessment } from './assessment-helpers';
import { expect, test } from './test';

/*
 * The whole flow on a 390 × 844 phone: no page scrolls sideways, the step bar names the step and reaches the
 * review, and the results read summary first, with every recommendation shown once.
 */

const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const PHONE = { width: 390, height: 844 };

test.use({ viewport: PHONE });

/** The page is no wider than the window: nothing makes a phone scroll sideways. */
async function expectFits(page: Page) {
	const { scrollWidth, innerWidth } = await page.evaluate(() => ({
		scrollWidth: document.documentElement.scrollWidth,
		innerWidth: window.innerWidth
	}));
	expect(scrollWidth, page.url()).toBeLessThanOrEqual(innerWidth);
}

/** The step bar names the current step in full and shows every step, the review included, on the screen. */
async function expectStepBar(page: Page, number: number) {
	const bar = page.getByRole('navigation', { name: 'Değerlendirme adımları' });
	await expect(bar.locator('.progress__current')).toHaveText(
		new RegExp(`^Adım ${number}/\\d+: .+`)
	);
	await expect(bar).toContainText(/\d+ zorunlu sorudan \d+ tanesi cevaplandı/);
	// Each step shows only its number on a phone, but a screen reader hears its name.
	for (const link of await bar.getByRole('link').all())
		await expect(link).toHaveAccessibleName(/\p{L}{3}/u);
	const review = bar.getByRole('link', { name: 'Gözden geçir ve gönder' });
	await expect(review).toBeInViewport();
	const box = await review.boundingBox();
	expect(box!.x + box!.width).toBeLessThanOrEqual(PHONE.width);
}

/** Every point of each 0–4 scale on the page says what it means, not just its number. */
async function expectLabelledScales(page: Page) {
	for (const scale of await page.locator('fieldset.question--scale:visible').all()) {
		const labels = await scale.locator('label.choice').allInnerTexts();
		for (const point of ['0', '1', '2', '3', '4'])
			expect(labels.some((label) => new RegExp(`^${point} · \\S`).test(label.trim()))).toBe(true);
	}
}

test('the whole flow fits a phone, and the results read summary first', async ({ page }) => {
	// Every step, the results with axe, then three content pages: slow on a busy machine.
	test.slow();
	await page.goto('/?lang=tr');
	await expectFits(page);
	await startAssessment(page, 'tr');

	let step = 1;
	for (; step < 20 && !page.url().endsWith('/review'); step++) {
		await expectFits(page);
		await expectStepBar(page, step);
		await expectLabelledScales(page);
		await answerStep(page, (text) =>
			text.includes('şebekeden ne kadar elektrik') ? '180000' : undefined
		);
		const before = page.url();
		await page.getByRole('button', { name: /^Kaydet ve (devam et|gözden geçir)$/ }).click();
		await page.waitForURL((url) => url.href !== before);
	}
	await expectFits(page);
	await expectStepBar(page, step);
	await page.getByRole('button', { name: 'Gönder ve sonuçları gör' }).click();
	await expect(page).toHaveURL(/\/results$/);
	await expectFits(page);

	// The summary: score, level, three priorities, the carbon and CBAM headlines, within the first two screens.
	const summary = page.getByRole('region', { name: 'Özet' });
	await expect(summary).toContainText('/ 100');
	await expect(summary).toContainText(/Olgunluk düzeyi: /);
	const priorityLinks = summary.getByRole('listitem').getByRole('link');
	await expect(priorityLinks).toHaveCount(3);
	const carbon = summary.locator('[data-headline="carbon"] a');
	await expect(carbon).toContainText('t CO₂e');
	const cbam = summary.locator('[data-headline="cbam"] a');
	await expect(cbam).toContainText('Maruziyet: ');
	const bottom = await summary.evaluate((element) => element.getBoundingClientRect().bottom);
	expect(bottom).toBeLessThanOrEqual(2 * PHONE.height);

	// Its links jump to the sections that explain them.
	await priorityLinks.first().click();
	const firstPriority = page.locator('li.priority').first();
	await expect(firstPriority).toBeInViewport();
	await expect(page).toHaveURL(
		new RegExp(`#rec-${await firstPriority.getAttribute('data-recommendation')}$`)
	);
	await carbon.click();
	await expect(
		page.getByRole('heading', { name: /Karbon ayak izi tahmini/, level: 2 })
	).toBeInViewport();
	await cbam.click();
	await expect(page.getByRole('heading', { name: /SKDM .* taraması/, level: 2 })).toBeInViewport();

	// A jump menu names every section; its links land on them.
	const menu = page.getByRole('navigation', { name: 'Bu sayfada' });
	for (const link of await menu.getByRole('link').all()) {
		const target = (await link.getAttribute('href'))!;
		await expect(page.locator(target)).toHaveCount(1);
	}
	await menu.getByRole('link', { name: 'Temalara göre diğer öneriler' }).click();
	await expect(
		page.getByRole('heading', { name: 'Temalara göre diğer öneriler' })
	).toBeInViewport();

	// Themes are closed, each with its score in view; every recommendation appears once on the page.
	const themes = page.locator('details.theme');
	expect(await themes.count()).toBeGreaterThan(3);
	for (const theme of await themes.all()) {
		expect(await theme.getAttribute('open')).toBeNull();
		await expect(theme.locator(':scope > summary')).toContainText(
			/Tema puanı: [\d,]+ \/ 100|Sizin için geçerli değil/
		);
	}
	const ids = await page
		.locator('[data-recommendation]')
		.evaluateAll((cards) => cards.map((card) => card.getAttribute('data-recommendation')));
	expect(ids.length).toBeGreaterThan(3);
	expect(new Set(ids).size).toBe(ids.length);

	// A closed theme opens to its cards, each saying why it is there, what it costs and when it pays back.
	const opened = themes.filter({ has: page.locator('[data-recommendation]') }).first();
	await opened.locator(':scope > summary').click();
	const card = opened.locator('[data-recommendation]').first();
	await expect(card).toBeVisible();
	await expect(card).toContainText(/Çünkü: /);
	await expect(card).toContainText(/Hızlı kazanım|Düşük maliyetli|Yatırım gerektirir/);
	await expectFits(page);

	// Each chart is drawn once scrolled to (no note left in its place), and the page passes axe.
	for (const chart of await page.locator('.chart').all()) await chart.scrollIntoViewIfNeeded();
	await expect(page.locator('.chart__note')).toHaveCount(0);
	await expect(page.locator('canvas')).toHaveCount(3);
	const axe = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
	expect(axe.violations).toEqual([]);

	for (const path of ['/methodology', '/resources', '/privacy']) {
		await page.goto(path);
		await expectFits(page);
	}
});

test('without JavaScript the chart areas point to the tables below @no-js', async ({
	page,
	request
}, testInfo) => {
	test.skip(testInfo.project.name !== 'no-js', 'what a browser without JavaScript shows');
	const answers = { ...(await completeAnswers(request)), energy_electricity_kwh: 180000 };
	const created = await request.post('/api/v1/assessments', {
		data: { questionnaire: QUESTIONNAIRE, locale: 'tr', answers }
	});
	expect(created.status()).toBe(201);
	const { token } = (await created.json()) as { token: string };
	const submitted = await request.post(`/api/v1/assessments/${token}/submit`, {
		data: { consentShareIdentity: false }
	});
	expect(submitted.status()).toBe(200);

	await page.goto(`/assessment/${token}/results?lang=tr`);
	// The radar, the theme bars and the carbon bars: each says where its figures are instead of staying blank.
	const notes = page.locator('.chart__note');
	await expect(notes).toHaveCount(3);
	for (const note of await notes.all())
		await expect(note).toHaveText(
			'Grafik JavaScript ile çizilir; aynı rakamlar aşağıdaki tabloda.'
		);
	// The theme and carbon tables, and the VSME data sheet the electricity figure starts.
	await expect(page.getByRole('table')).toHaveCount(3);
	// A theme opens without JavaScript too.
	const theme = page.locator('details.theme').first();
	await theme.locator(':scope > summary').click();
	expect(await theme.getAttribute('open')).not.toBeNull();
	await expectFits(page);
});
