import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Db } from '$lib/server/db/connect';
import { randomAnswers, seededRandom } from '../fixtures/answers';
import { testDatabases } from '../fixtures/databases';

// The service reads the process-wide database; point it at each real database in turn.
let current: Db;
vi.mock('$lib/server/db', () => ({ db: () => current }));
const service = await import('$lib/server/assessment/assessment-service');
const { questionnaire } = await import('$lib/server/content');

// Complete answers without a company name, which each run then sets.
const complete = randomAnswers(questionnaire(), seededRandom(7));
delete complete.company_name;

/** Two requests for the same assessment, each having opened it as a request does. */
async function openTwice(token: string) {
	const [first, second] = await Promise.all([service.open(token), service.open(token)]);
	return [first!, second!] as const;
}

describe.each(testDatabases())('saving and submitting at once on $name', (target) => {
	beforeAll(async () => {
		current = await target.open();
	});
	afterAll(() => target.close());

	it('freezes every save it acknowledged, and refuses the others (40 runs)', async () => {
		const outcomes = { saved: 0, refused: 0 };
		for (let run = 0; run < 40; run++) {
			const token = await service.start({ locale: 'tr', answers: complete });
			const [forSave, forSubmit] = await openTwice(token);
			const name = `Firma ${run}`;
			const [saved, submitted] = await Promise.all([
				service.saveAnswers(forSave, { company_name: name }),
				service.submit(forSubmit)
			]);
			expect(submitted.ok).toBe(true);
			const frozen = (await service.open(token))!.assessment;
			expect(frozen.status).toBe('submitted');
			if (saved.ok) {
				outcomes.saved++;
				expect(frozen.answers.company_name).toBe(name);
			} else {
				outcomes.refused++;
				expect(saved).toEqual({ ok: false, reason: 'submitted' });
				expect(frozen.answers.company_name).toBeUndefined();
			}
		}
		expect(outcomes.saved + outcomes.refused).toBe(40);
	});

	it('keeps both of two saves made at once', async () => {
		const token = await service.start({ locale: 'tr', answers: complete });
		const [first, second] = await openTwice(token);
		const outcomes = await Promise.all([
			service.saveAnswers(first, { company_name: 'Öz Çağ A.Ş.' }),
			service.saveAnswers(second, { contact_email: 'iletisim@ozcag.com.tr' })
		]);
		expect(outcomes.map((outcome) => outcome.ok)).toEqual([true, true]);
		expect((await service.open(token))!.assessment.answers).toMatchObject({
			company_name: 'Öz Çağ A.Ş.',
			contact_email: 'iletisim@ozcag.com.tr'
		});
	});
});
