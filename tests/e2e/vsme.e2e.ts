import AxeBuilder from '@axe-core/playwright';
import { readFile } from 'node:fs/promises';
import { vsmeDocumentSchema } from '../../src/lib/carbon/vsme';
import { answerAllSteps, startAssessment } from './assessment-helpers';
import { expect, test } from './test';

const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** The firm of the unit test (figures hand-computed in tests/unit/vsme.spec.ts), entered in English. */
const FIGURES: [question: string, answer: string][] = [
	['How many people work for you?', '10–49 people'],
	['How much electricity did you buy from the grid in a year?', '100,000'],
	['What percentage of this electricity comes from certified renewable supply?', '20'],
	['How much electricity did your rooftop or ground solar plant produce in a year?', '20,000'],
	['If you do not know the kWh of gas: how many cubic metres (Sm³) a year?', '10,000'],
	['How many litres of diesel did you use in a year, other than in vehicles?', '1,000'],
	['How much water did you take in a year (mains, wells, surface water)?', '1,200'],
	['How much waste did you generate in a year in total?', '10'],
	['How many tonnes of it were hazardous waste?', '1.5'],
	['What percentage of your waste went to recycling or recovery?', '60'],
	['Do you apply circular-economy principles?', 'Yes']
];
const pick = (text: string) => FIGURES.find(([question]) => text.startsWith(question))?.[1];

test('a firm enters its energy, water and waste figures and takes away the VSME data sheet', async ({
	page
}) => {
	// Answers every step of the questionnaire in the browser: slow on a busy machine.
	test.slow();
	await startAssessment(page, 'en');
	await answerAllSteps(page, pick);
	await page.getByRole('button', { name: 'Submit and see the results' }).click();
	await expect(page).toHaveURL(/\/results$/);

	await page.getByRole('link', { name: 'VSME data sheet' }).click();
	const sheet = page.locator('section#vsme');
	await expect(sheet.getByRole('heading', { name: 'VSME data sheet' })).toBeVisible();
	const row = (name: string) => sheet.getByRole('row', { name: new RegExp(`^${name}`) });
	await expect(row('Total energy consumption')).toContainText('225.8 MWh');
	await expect(row('Total energy consumption')).toContainText('Computed');
	await expect(row('Renewable energy consumption')).toContainText('40 MWh');
	await expect(row('Total water withdrawal')).toContainText('1,200 m³');
	await expect(row('Total water withdrawal')).toContainText('Entered');
	await expect(row('Waste diverted to recycling or reuse')).toContainText('6 t');
	await expect(sheet).toContainText(
		'Missing metrics: Water withdrawal in areas of high water stress'
	);
	await expect(sheet).toContainText('This sheet is not a full VSME report.');
	const axe = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
	expect(axe.violations).toEqual([]);

	const [download] = await Promise.all([
		page.waitForEvent('download'),
		sheet.getByRole('link', { name: 'Download the VSME figures (JSON)' }).click()
	]);
	const document = vsmeDocumentSchema.parse(
		JSON.parse(await readFile((await download.path())!, 'utf8'))
	);
	expect(document.b3.totalEnergyConsumption.value).toBeCloseTo(225.79, 6);
	expect(document.b6.totalWaterWithdrawal).toEqual({ value: 1_200, unit: 'm3', basis: 'entered' });
	expect(document.b7.circularEconomyPrinciplesApplied).toEqual({ value: true, basis: 'entered' });
});
