import { otherStyleReading } from '../i18n/number';
import type { Locale } from '../i18n/locales';
import type { Questionnaire } from '../questionnaire/schema';
import { firmSectorCodes } from '../questionnaire/sectors';
import { allQuestions, visibleQuestionIds, type Answers } from '../questionnaire/visibility';
import { carbonInputs } from './answers';
import type { EmissionFactors } from './factors';

/*
 * Figures that look wrong for this firm: a warning beside the field, never a refusal (the figure is saved as typed).
 * With the interface in one language a figure typed in the other's style ("12.000" on the English page) is read
 * 1,000 times too small, and the wrong figure flows into the estimate and the chamber's totals without a word.
 *
 * The ranges below are ORDER-OF-MAGNITUDE GUARDS, not sourced benchmarks: they are wide enough that a real firm
 * rarely falls outside them (an office worker uses a few thousand kWh of electricity a year, a foundry worker a few
 * hundred thousand), so a figure outside them is most likely a slip of separator or unit. They are per employee and
 * per year, by sector group.
 */

/** kWh per employee and year, lowest and highest that pass without a word. */
interface Range {
	low: number;
	high: number;
}

type SectorGroup = 'services' | 'industry' | 'intensive';

/** Energy-intensive manufacturing (NACE divisions): paper, refined fuels, chemicals, minerals, basic metals. */
const INTENSIVE_DIVISIONS = new Set(['C17', 'C19', 'C20', 'C23', 'C24']);
/** Sections that produce or build (agriculture, mining, manufacturing, energy, water and waste, construction). */
const INDUSTRY_SECTIONS = new Set(['A', 'B', 'C', 'D', 'E', 'F']);

const ELECTRICITY: Record<SectorGroup, Range> = {
	services: { low: 100, high: 100_000 },
	industry: { low: 100, high: 1_000_000 },
	intensive: { low: 100, high: 10_000_000 }
};
const GAS: Record<SectorGroup, Range> = {
	services: { low: 20, high: 200_000 },
	industry: { low: 20, high: 2_000_000 },
	intensive: { low: 20, high: 20_000_000 }
};
/** m³ of water withdrawn per employee and year: an office worker takes about ten, a dye house thousands. */
const WATER: Record<SectorGroup, Range> = {
	services: { low: 1, high: 5_000 },
	industry: { low: 1, high: 50_000 },
	intensive: { low: 1, high: 500_000 }
};
/** Tonnes of waste per employee and year: an office makes a fraction of a tonne, a foundry hundreds. */
const WASTE: Record<SectorGroup, Range> = {
	services: { low: 0.01, high: 50 },
	industry: { low: 0.01, high: 1_000 },
	intensive: { low: 0.01, high: 10_000 }
};
/** What a range check's warning names when the figure is simply far off: energy (kWh), water or waste. */
type RangeKind = 'energy' | 'water' | 'waste';
const FAR_OFF: Record<RangeKind, { low: WarningCode; high: WarningCode }> = {
	energy: { low: 'per_employee_low', high: 'per_employee_high' },
	water: { low: 'water_per_employee_low', high: 'water_per_employee_high' },
	waste: { low: 'waste_per_employee_low', high: 'waste_per_employee_high' }
};

/**
 * Gas burnt beside the electricity bought, in kWh of each: above this ratio an Sm³ figure probably is the bill's kWh.
 * Heating and ovens rarely take more than a few times the electricity outside the energy-intensive divisions.
 */
const GAS_TO_ELECTRICITY: Record<SectorGroup, number> = { services: 5, industry: 5, intensive: 30 };

/** A separator slip moves a figure by exactly this factor. */
const SLIP = 1000;

export type WarningCode =
	| 'separator_slip'
	| 'separator_style'
	| 'per_employee_low'
	| 'per_employee_high'
	| 'water_per_employee_low'
	| 'water_per_employee_high'
	| 'waste_per_employee_low'
	| 'waste_per_employee_high'
	| 'gas_sm3_as_kwh'
	| 'part_exceeds_total';

/** A figure that looks wrong, with what makes it look so; `suggestion` is the figure the firm probably meant. */
export interface PlausibilityWarning {
	question: string;
	code: WarningCode;
	values: Record<string, number>;
	suggestion?: number;
}

/** What the checks look at besides the answers: the factors file, and what was typed in which interface language. */
export interface PlausibilityContext {
	factors: EmissionFactors;
	/** The text of each number field as typed, when it came from a form: lets "12.000" in English be caught. */
	typed?: { locale: Locale; text: Record<string, string> };
}

/** The sector group of the firm, from its profile's NACE section and division (`services` when unknown). */
function sectorGroup(questionnaire: Questionnaire, answers: Answers): SectorGroup {
	const codes = firmSectorCodes(questionnaire, answers);
	if (codes.some((code) => INTENSIVE_DIVISIONS.has(code))) return 'intensive';
	return codes.some((code) => INDUSTRY_SECTIONS.has(code)) ? 'industry' : 'services';
}

/** Checks one figure per employee against its range; a figure 1,000 times off that fits the range is a likely slip. */
function rangeWarning(
	question: string,
	amount: number,
	perUnit: number,
	range: Range,
	employees: number,
	kind: RangeKind = 'energy'
): PlausibilityWarning | undefined {
	const perEmployee = (amount * perUnit) / employees;
	const fits = (value: number) => value >= range.low && value <= range.high;
	if (amount <= 0 || fits(perEmployee)) return undefined;
	const scale = perEmployee < range.low ? SLIP : 1 / SLIP;
	// Waste per employee is often below one tonne: keep two decimals there, whole numbers elsewhere.
	const shown = kind === 'waste' ? Math.round(perEmployee * 100) / 100 : Math.round(perEmployee);
	const values = { employees, perEmployee: shown };
	if (fits(perEmployee * scale)) {
		return { question, code: 'separator_slip', values, suggestion: amount * scale };
	}
	return {
		question,
		code: perEmployee < range.low ? FAR_OFF[kind].low : FAR_OFF[kind].high,
		values
	};
}

/**
 * The warnings for a firm's energy, fuel, water and waste figures, judged against its head count (the exact figure, or the
 * profile band's estimate) and its sector. Without a head count only typed-style slips are caught.
 */
export function plausibilityWarnings(
	questionnaire: Questionnaire,
	answers: Answers,
	context: PlausibilityContext
): PlausibilityWarning[] {
	const visible = visibleQuestionIds(questionnaire, answers);
	const numbers = allQuestions(questionnaire).filter(
		(question) => question.type === 'number' && visible.has(question.id)
	);
	const inputs = carbonInputs(questionnaire, answers);
	const employees = inputs.employees_count;
	const group = sectorGroup(questionnaire, answers);
	const sm3 = context.factors.conversions.find((conversion) => conversion.into === 'natural_gas');
	const warnings: PlausibilityWarning[] = [];
	for (const question of numbers) {
		const amount = answers[question.id];
		if (typeof amount !== 'number' || question.type !== 'number') continue;
		let warning: PlausibilityWarning | undefined;
		const whole = question.carbon && PART_OF[question.carbon];
		if (employees !== undefined && question.carbon === 'electricity') {
			warning = rangeWarning(question.id, amount, 1, ELECTRICITY[group], employees);
		} else if (employees !== undefined && question.carbon === 'natural_gas') {
			warning = rangeWarning(question.id, amount, 1, GAS[group], employees);
		} else if (employees !== undefined && question.carbon === 'water_withdrawal') {
			warning = rangeWarning(question.id, amount, 1, WATER[group], employees, 'water');
		} else if (employees !== undefined && question.carbon === 'waste_total') {
			warning = rangeWarning(question.id, amount, 1, WASTE[group], employees, 'waste');
		} else if (whole) {
			warning = partWarning(question.id, amount, inputs[whole]);
		} else if (sm3 && question.carbon === sm3.id) {
			const range =
				employees === undefined
					? undefined
					: rangeWarning(question.id, amount, sm3.factor, GAS[group], employees);
			// Too much gas for the firm is most likely kWh in the Sm³ field; too little, a separator slip.
			warning =
				range?.code === 'separator_slip' || range?.code === 'per_employee_low'
					? range
					: (gasAsKwh(question.id, amount, sm3.factor, inputs.electricity, group) ?? range);
		}
		warning ??= styleWarning(question.id, amount, context.typed);
		if (warning) warnings.push(warning);
	}
	return warnings;
}

/** Figures that are a part of another: the part at water-stressed sites, the hazardous waste. */
const PART_OF: Partial<Record<string, 'water_withdrawal' | 'waste_total'>> = {
	water_withdrawal_stressed: 'water_withdrawal',
	waste_hazardous: 'waste_total'
};

/** A part larger than its whole: one of the two figures is wrong (or in another unit), and the sheet cannot tell. */
function partWarning(
	question: string,
	part: number,
	total: number | undefined
): PlausibilityWarning | undefined {
	return total !== undefined && part > total
		? { question, code: 'part_exceeds_total', values: { part, total } }
		: undefined;
}

/** Sm³ that would be many times the electricity bought: the figure is probably the gas bill's kWh. */
function gasAsKwh(
	question: string,
	amount: number,
	kwhPerSm3: number,
	electricity: number | undefined,
	group: SectorGroup
): PlausibilityWarning | undefined {
	if (!electricity || electricity <= 0) return undefined;
	const kwh = amount * kwhPerSm3;
	const ratio = kwh / electricity;
	if (ratio <= GAS_TO_ELECTRICITY[group]) return undefined;
	return {
		question,
		code: 'gas_sm3_as_kwh',
		values: { kwh: Math.round(kwh), ratio: Math.round(ratio), kwhPerSm3 },
		suggestion: Math.round(amount / kwhPerSm3)
	};
}

/** A figure typed in the other language's style: "12.000" on the English page, read as 12. */
function styleWarning(
	question: string,
	amount: number,
	typed: PlausibilityContext['typed']
): PlausibilityWarning | undefined {
	const text = typed?.text[question];
	const meant = text === undefined ? undefined : otherStyleReading(text, typed!.locale);
	return meant === undefined
		? undefined
		: { question, code: 'separator_style', values: { read: amount }, suggestion: meant };
}
