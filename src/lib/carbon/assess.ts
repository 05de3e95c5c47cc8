import type { Questionnaire } from '../questionnaire/schema';
import type { Answers } from '../questionnaire/visibility';
import { carbonInputs, cbamAnswers, vsmeContext } from './answers';
import { screenCbam, type CbamScreen } from './cbam';
import { estimateEmissions, type CarbonEstimate } from './estimate';
import type { EmissionFactors } from './factors';
import { vsmeSheet, type VsmeSheet } from './vsme';

/** What an assessment's answers say about its emissions and its CBAM exposure, fixed at submission with the score. */
export interface CarbonResult {
	/** Null when no energy figure was entered (or no factors are loaded). */
	carbon: CarbonEstimate | null;
	/** Null when the questionnaire has no CBAM questions. */
	cbam: CbamScreen | null;
	/** The VSME Basic Module environmental figures (B3, B6, B7); null when no factors are loaded. */
	vsme: VsmeSheet | null;
}

export function assessCarbon(
	questionnaire: Questionnaire,
	answers: Answers,
	factors: EmissionFactors | undefined
): CarbonResult {
	const asksAboutCbam = questionnaire.profile.questions.some(
		(question) => question.role === 'cbam_goods'
	);
	const inputs = carbonInputs(questionnaire, answers);
	const carbon = factors ? estimateEmissions(inputs, factors) : null;
	return {
		carbon,
		cbam: asksAboutCbam ? screenCbam(cbamAnswers(questionnaire, answers)) : null,
		vsme: factors ? vsmeSheet(inputs, carbon, factors, vsmeContext(questionnaire, answers)) : null
	};
}
