import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Db } from '$lib/server/db/connect';
import type { Questionnaire } from '$lib/questionnaire/schema';
import type { Answers } from '$lib/questionnaire/visibility';
import { randomAnswers, seededRandom } from '../fixtures/answers';
import { testDatabases } from '../fixtures/databases';

// The service reads the process-wide database; point it at each test database in turn.
let current: Db;
vi.mock('$lib/server/db', () => ({ db: () => current }));
const service = await import('$lib/server/assessment/assessment-service');
const { catalogue, questionnaire } = await import('$lib/server/content');
const { resultsView } = await import('$lib/server/assessment/results-view');
const { reportModel } = await import('$lib/server/report/model');

const now = questionnaire();
const loaded = catalogue().questionnaires as Map<string, Questionnaire>;

/**
 * An earlier 1.x version of the questionnaire: it lacked the environmental-permit question and asked one that 2.0.0
 * no longer has, and its ISO 14001 question had an option 2.0.0 dropped.
 */
function earlierVersion(): Questionnaire {
	const earlier = structuredClone(now);
	earlier.version = '1.1.0';
	const management = earlier.themes.find((theme) => theme.id === 'management')!;
	management.questions = management.questions.filter(
		(question) => question.id !== 'mgt_env_permit'
	);
	management.questions.push({
		id: 'mgt_old_question',
		type: 'yesno',
		text: { tr: 'Eski soru', en: 'Old question' },
		required: true,
		allowNA: false,
		weight: 1,
		scores: { yes: 4, no: 0 }
	});
	const iso = management.questions.find((question) => question.id === 'mgt_iso14001')!;
	if (iso.type === 'single')
		iso.options!.push({ id: 'planned', score: 1, label: { tr: 'Planlı', en: 'Planned' } });
	earlier.recommendations = earlier.recommendations.filter(
		(recommendation) => recommendation.id !== 'rec_mgt_env_permit'
	);
	return earlier;
}

/** Runs `work` while the process serves the earlier version, as it did before the upgrade. */
async function underEarlierVersion<T>(work: () => Promise<T>): Promise<T> {
	loaded.set(now.id, earlierVersion());
	try {
		return await work();
	} finally {
		loaded.set(now.id, now);
	}
}

const answers1x = (): Answers => ({
	...randomAnswers(earlierVersion(), seededRandom(3)),
	mgt_old_question: true,
	mgt_iso14001: 'planned'
});

describe.each(testDatabases())('a questionnaire version change on $name', (target) => {
	beforeAll(async () => {
		current = await target.open();
	});
	afterAll(() => target.close());
	afterEach(() => loaded.set(now.id, now));

	it('keeps showing a 1.x result as it was scored, naming 1.x on the page and the PDF', async () => {
		const { token, scored } = await underEarlierVersion(async () => {
			const token = await service.start({ locale: 'en', answers: answers1x() });
			const outcome = await service.submit((await service.open(token))!);
			if (!outcome.ok) throw new Error(`missing ${outcome.missing.join(', ')}`);
			return { token, scored: outcome.result };
		});

		// Now the process serves 2.0.0.
		const opened = (await service.open(token))!;
		expect(opened.questionnaire.version).toBe('1.1.0');
		expect(opened.assessment.result).toEqual(scored);
		const view = await resultsView(opened, 'en');
		expect(view.questionnaire.version).toBe('1.1.0');
		expect(view.overall).toBe(scored.overall);
		expect(view.themes.map((theme) => theme.score)).toEqual(
			scored.themes.map((theme) => theme.score)
		);
		const report = await reportModel(opened, 'en');
		expect(report.cover.join(' ')).toContain('1.1.0');
		expect(report.cover.join(' ')).not.toContain('2.0.0');
	});

	it('carries a 1.x draft over to 2.0.0, says what changed and drops what 2.0.0 cannot take', async () => {
		const token = await underEarlierVersion(() =>
			service.start({ locale: 'tr', answers: answers1x() })
		);

		const opened = (await service.open(token))!;
		expect(opened.questionnaire.version).toBe(now.version);
		expect(opened.carriedOver).toEqual({
			from: '1.1.0',
			to: now.version,
			added: 1,
			removed: 1,
			dropped: 2
		});
		expect(opened.assessment.answers).not.toHaveProperty('mgt_old_question');
		expect(opened.assessment.answers).not.toHaveProperty('mgt_iso14001');
		expect(opened.assessment.answers.mgt_strategy).toBe(answers1x().mgt_strategy);

		// A save stores the answers 2.0.0 takes; the note stays while the draft is open.
		const saved = await service.saveAnswers(opened, { mgt_env_permit: 'confirmed' });
		expect(saved.ok && Object.keys(saved.answers)).not.toContain('mgt_old_question');
		const again = (await service.open(token))!;
		expect(again.carriedOver).toMatchObject({ added: 1, removed: 1, dropped: 0 });

		// Submitted, it is scored and read with 2.0.0.
		await service.saveAnswers(again, { mgt_iso14001: 'none' });
		const outcome = await service.submit((await service.open(token))!);
		expect(outcome.ok && outcome.result.version).toBe(now.version);
		const submitted = (await service.open(token))!;
		expect(submitted.assessment.questionnaireVersion).toBe(now.version);
		expect(submitted.carriedOver).toBeUndefined();
	});

	it('leaves a draft of the current version alone', async () => {
		const token = await service.start({ locale: 'tr' });
		expect((await service.open(token))!.carriedOver).toBeUndefined();
	});
});
