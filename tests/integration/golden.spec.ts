import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Db } from '$lib/server/db/connect';
import { randomAnswers, seededRandom } from '../fixtures/answers';
import { testDatabases } from '../fixtures/databases';
import { insertChamberWith } from '../fixtures/submitted';

/*
 * Golden outputs: one SME report, one chamber report and one CSV of a chamber's figures, byte for byte, so that a
 * change of structure (moving code, presenters, styles) cannot change what a firm or a chamber receives unnoticed.
 * After an intended change of output, write them anew with
 *   UPDATE_GOLDEN=1 npx vitest run tests/integration/golden.spec.ts
 * and read the difference before committing it.
 */

let current: Db;
vi.mock('$lib/server/db', () => ({ db: () => current }));
const service = await import('$lib/server/assessment/assessment-service');
const chambers = await import('$lib/server/db/chambers');
const { questionnaire } = await import('$lib/server/content');
const { reportModel } = await import('$lib/server/report/model');
const { chamberReportModel } = await import('$lib/server/report/chamber-model');
const { renderDocument } = await import('$lib/server/report/render');
const { chamberDashboard } = await import('$lib/server/chamber/chamber-dashboard');
const { aggregatesDocument } = await import('$lib/server/chamber/export');
const { csvDocument } = await import('$lib/server/export/csv');

const GOLDEN = join(import.meta.dirname, '../fixtures/golden');
const INSTANT = '2026-03-02T09:30:00.000Z';

/**
 * The bytes, compared with the golden file of that name (or written, with UPDATE_GOLDEN=1). pdfkit's random
 * font-subset tags are fixed by the test's `Math.random`, and a PDF's creation date by `rendered`.
 */
function expectGolden(name: string, bytes: Uint8Array) {
	const text = Buffer.from(bytes).toString('latin1');
	const file = join(GOLDEN, name);
	if (process.env.UPDATE_GOLDEN) {
		mkdirSync(dirname(file), { recursive: true });
		writeFileSync(file, text, 'latin1');
	}
	expect(existsSync(file), `${name} is missing: run with UPDATE_GOLDEN=1`).toBe(true);
	// Compared as text so that a failure shows where the outputs part, not two byte arrays.
	expect(text).toBe(readFileSync(file, 'latin1'));
}

/**
 * A document drawn with the clock at INSTANT: its creation date, and the file identifier pdfkit derives from it, lie
 * in a compressed object stream, out of reach of a replacement in the text.
 */
async function rendered(job: Parameters<typeof renderDocument>[0]) {
	vi.useFakeTimers({ toFake: ['Date'], now: new Date(INSTANT) });
	try {
		return await renderDocument(job);
	} finally {
		vi.useRealTimers();
	}
}

describe('golden outputs', () => {
	const [sqlite] = testDatabases();
	beforeAll(async () => {
		current = await sqlite.open();
		vi.spyOn(Math, 'random').mockReturnValue(0.5);
	});
	afterAll(async () => {
		vi.restoreAllMocks();
		await sqlite.close();
	});

	it('an SME report is unchanged', async () => {
		const definition = questionnaire();
		const answers = {
			...randomAnswers(definition, seededRandom(7)),
			company_name: 'Öz Çağ İplik Işıklı Ürün ŞİRKETİ'
		};
		const token = await service.start({ locale: 'tr' });
		await service.saveAnswers((await service.open(token))!, answers);
		const outcome = await service.submit((await service.open(token))!);
		expect(outcome.ok).toBe(true);
		await current
			.updateTable('assessment')
			.set({ created_at: INSTANT, updated_at: INSTANT, submitted_at: INSTANT })
			.execute();
		const model = await reportModel((await service.open(token))!, 'tr');
		expectGolden('sme-report-tr.pdf', await rendered({ kind: 'sme', model }));
	});

	it('a chamber report and its CSV are unchanged', async () => {
		const themes = questionnaire().themes.map((theme) => theme.id);
		const levels = questionnaire().levels.map((level) => level.id);
		const firms = Array.from({ length: 14 }, (_, i) => ({
			sector: i % 3 === 0 ? 'G' : 'C',
			sizeClass: i % 2 === 0 ? 'small' : 'micro',
			province: '59',
			overall: 20 + ((i * 37) % 70),
			level: levels[Math.min(levels.length - 1, Math.floor((20 + ((i * 37) % 70)) / 20))],
			themes: Object.fromEntries(themes.map((theme, t) => [theme, 10 + ((i * 13 + t * 29) % 85)])),
			scope1: 5 + i * 3,
			scope2: 2 + i,
			...(i % 4 === 0 ? { cbam: 'below_threshold', cbamReadiness: 'none' } : { cbam: 'none' }),
			submittedAt: INSTANT
		}));
		await insertChamberWith(current, 'golden-tso', firms);
		const chamber = (await chambers.findBySlug(current, 'golden-tso'))!;
		const dashboard = await chamberDashboard(chamber, {}, 'tr');
		const model = await chamberReportModel(chamber, dashboard, {}, 'tr', null, new Date(INSTANT));
		expectGolden('chamber-report-tr.pdf', await rendered({ kind: 'chamber', model }));
		const document = await aggregatesDocument(chamber, dashboard, {}, 'tr', new Date(INSTANT));
		const csv = new Uint8Array(await new Response(csvDocument(document)).arrayBuffer());
		expectGolden('chamber-aggregates-tr.csv', csv);
	});
});
