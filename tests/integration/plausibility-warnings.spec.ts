import { isRedirect } from '@sveltejs/kit';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Db } from '$lib/server/db/connect';
import { testDatabases } from '../fixtures/databases';

// The routes read the process-wide database; point it at each test database in turn.
let current: Db;
vi.mock('$lib/server/db', () => ({ db: () => current }));
const service = await import('$lib/server/assessment/assessment-service');
const { PATCH } = await import('../../src/routes/api/v1/assessments/[token]/+server');
const { actions } = await import('../../src/routes/assessment/[token=token]/[step]/+page.server');

/** An Erzurum furniture maker of 10–49 people, as in the walk-through. */
const profile = { sector: 'C', manufacturing_division: 'C31', employees: 'e10_49' };

async function patch(token: string, answers: Record<string, unknown>, locale: 'tr' | 'en') {
	const request = new Request(`http://localhost/api/v1/assessments/${token}`, {
		method: 'PATCH',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({ answers })
	});
	return PATCH({ params: { token }, request, locals: { locale } } as never);
}

/** Posts the energy step's form as a browser without JavaScript would. */
async function saveEnergy(token: string, fields: Record<string, string>, locale: 'tr' | 'en') {
	const form = new FormData();
	form.set('intent', 'next');
	for (const [name, value] of Object.entries(fields)) form.append(name, value);
	const request = new Request(`http://localhost/assessment/${token}/energy-figures?/save`, {
		method: 'POST',
		body: form
	});
	return actions
		.save({ params: { token, step: 'energy-figures' }, request, locals: { locale } } as never)
		.catch((thrown: unknown) => thrown);
}

describe.each(testDatabases())('plausibility warnings on $name', (target) => {
	beforeAll(async () => {
		current = await target.open();
	});
	afterAll(() => target.close());

	it('PATCH answers 200 with the warning in the request language and stores the figure as sent', async () => {
		const token = await service.start({ locale: 'tr', answers: profile });
		const response = await patch(token, { energy_electricity_kwh: 180 }, 'tr');
		expect(response.status).toBe(200);
		const body = await response.json();
		expect(body.answers.energy_electricity_kwh).toBe(180);
		expect(body.warnings).toEqual([
			{
				path: 'answers.energy_electricity_kwh',
				code: 'separator_slip',
				message:
					'30 kişilik bir firma için bu, çalışan başına yılda 6 kWh eder: rakam 1.000 kat kaymış görünüyor. Kastettiğiniz 180.000 kWh olabilir mi?'
			}
		]);
		expect((await service.open(token))!.assessment.answers.energy_electricity_kwh).toBe(180);

		const english = await (await patch(token, { energy_gas_sm3: 12 }, 'en')).json();
		expect(english.warnings).toContainEqual({
			path: 'answers.energy_gas_sm3',
			code: 'separator_slip',
			message:
				'For a firm of 30 people that is 4 kWh per employee a year: the figure looks 1,000 times off. Did you mean 12,000 Sm³?'
		});
	});

	it('PATCH answers an empty list when the figures look right', async () => {
		const token = await service.start({ locale: 'en', answers: profile });
		const body = await (await patch(token, { energy_electricity_kwh: 180_000 }, 'en')).json();
		expect(body.warnings).toEqual([]);
	});

	it('the form stops once at "12.000" typed on the English page, saves it as typed, then moves on', async () => {
		const token = await service.start({ locale: 'en', answers: profile });
		const outcome = await saveEnergy(token, { energy_diesel_l: '12.000' }, 'en');
		expect(outcome).toEqual({
			saved: true,
			warnings: [
				{
					question: 'energy_diesel_l',
					code: 'separator_style',
					message: 'On this page the figure reads as 12 litres. Did you mean 12,000 litres?'
				}
			]
		});
		expect((await service.open(token))!.assessment.answers.energy_diesel_l).toBe(12);

		// Saved again with the warning seen, the figure stands and the step moves on to the next (symbiosis) step.
		const again = await saveEnergy(
			token,
			{ energy_diesel_l: '12.000', seen_warning: 'energy_diesel_l:separator_style' },
			'en'
		);
		expect(isRedirect(again) && again.location).toBe(`/assessment/${token}/symbiosis-exchange`);
	});
});
