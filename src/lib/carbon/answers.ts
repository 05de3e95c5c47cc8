import type { Questionnaire, Role, Text } from '../questionnaire/schema';
import { allQuestions, visibleQuestionIds, type Answers } from '../questionnaire/visibility';
import { CBAM_ROLE_OPTIONS, type CbamAnswers } from './cbam';
import type { CarbonInputs } from './estimate';
import type { VsmeContext } from './vsme';

/**
 * Reads what the carbon estimate and the CBAM screen need from an assessment's answers: number questions by the
 * source they declare (`carbon:`), CBAM questions by role. A hidden question counts as not answered.
 */

function shownAnswers(questionnaire: Questionnaire, answers: Answers) {
	const visible = visibleQuestionIds(questionnaire, answers);
	return allQuestions(questionnaire)
		.filter((question) => visible.has(question.id) && answers[question.id] !== undefined)
		.map((question) => ({ question, answer: answers[question.id] }));
}

/** A figure taken from a profile band rather than typed: the band, and the figure used for it. */
export interface BandEstimate {
	role: 'employees' | 'turnover';
	/** The band's label, as the profile question offers it ("10–49"). */
	label: Text;
	/** The band's middle, or the lower limit of the last, open band ("250 or more"). */
	estimate: number;
	open: boolean;
}

/**
 * The head count or turnover the profile's band stands for (`estimate` on its option), so the energy step need not
 * ask for the figure again. Undefined when the band is not answered or gives no estimate.
 */
export function bandEstimate(
	questionnaire: Questionnaire,
	answers: Answers,
	role: BandEstimate['role']
): BandEstimate | undefined {
	const question = questionnaire.profile.questions.find((candidate) => candidate.role === role);
	if (question?.type !== 'single' || !question.options) return undefined;
	const option = question.options.find((candidate) => candidate.id === answers[question.id]);
	return option?.estimate === undefined
		? undefined
		: {
				role,
				label: option.label,
				estimate: option.estimate,
				open: question.options.at(-1)?.id === option.id
			};
}

/** The carbon fact each band stands in for when no question gives the exact figure. */
const BAND_FACTS = { employees: 'employees_count', turnover: 'turnover_million_tl' } as const;

/** The carbon facts typed as figures, before any band stands in for a missing one. */
function typedInputs(questionnaire: Questionnaire, answers: Answers): CarbonInputs {
	const inputs: CarbonInputs = {};
	for (const { question, answer } of shownAnswers(questionnaire, answers)) {
		if (question.type === 'number' && question.carbon && typeof answer === 'number') {
			inputs[question.carbon] = answer;
		}
	}
	return inputs;
}

export function carbonInputs(questionnaire: Questionnaire, answers: Answers): CarbonInputs {
	const inputs = typedInputs(questionnaire, answers);
	for (const band of bandsUsed(questionnaire, answers, inputs)) {
		inputs[BAND_FACTS[band.role]] = band.estimate;
	}
	return inputs;
}

/**
 * The profile bands that stand in for head count and turnover in the intensities: those no question gives an exact
 * figure for (questionnaires before 2.1.0 asked for both on the energy step). The results say so beside the figure.
 */
export function bandsUsed(
	questionnaire: Questionnaire,
	answers: Answers,
	typed: CarbonInputs = typedInputs(questionnaire, answers)
): BandEstimate[] {
	return (['employees', 'turnover'] as const).flatMap((role) => {
		const band = bandEstimate(questionnaire, answers, role);
		return band && typed[BAND_FACTS[role]] === undefined ? [band] : [];
	});
}

function oneOf<T extends string>(allowed: readonly T[], answer: unknown): T | undefined {
	return allowed.find((value) => value === answer);
}

export function cbamAnswers(questionnaire: Questionnaire, answers: Answers): CbamAnswers {
	const byRole = new Map<Role, Answers[string]>();
	for (const { question, answer } of shownAnswers(questionnaire, answers)) {
		if (question.role) byRole.set(question.role, answer);
	}
	const sectors = byRole.get('cbam_sectors');
	return {
		goods: oneOf(CBAM_ROLE_OPTIONS.cbam_goods, byRole.get('cbam_goods')),
		route: oneOf(CBAM_ROLE_OPTIONS.cbam_route, byRole.get('cbam_route')),
		sectors: Array.isArray(sectors) ? sectors : undefined,
		tonnage: oneOf(CBAM_ROLE_OPTIONS.cbam_tonnage, byRole.get('cbam_tonnage')),
		data: oneOf(CBAM_ROLE_OPTIONS.cbam_data, byRole.get('cbam_data'))
	};
}

/**
 * What the VSME sheet needs beyond the figures: the circular-economy answer (by role) and whether the turnover is
 * the profile band's estimate, which the sheet must say rather than pass off as the firm's figure.
 */
export function vsmeContext(questionnaire: Questionnaire, answers: Answers): VsmeContext {
	const shown = shownAnswers(questionnaire, answers);
	const circular = shown.find(({ question }) => question.role === 'circular_economy')?.answer;
	const typedTurnover = shown.some(
		({ question }) => question.type === 'number' && question.carbon === BAND_FACTS.turnover
	);
	return {
		turnoverFromBand: !typedTurnover,
		circularEconomy: typeof circular === 'boolean' ? circular : undefined
	};
}
