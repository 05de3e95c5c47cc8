import type { Questionnaire } from '../questionnaire/schema';
import type { Answers } from '../questionnaire/visibility';
import { carbonInputs, cbamAnswers } from './answers';
import { screenCbam, type CbamScreen } from './cbam';
import { estimateEmissions, type CarbonEstimate } from './estimate';
import type { EmissionFactors } from './factors';

/** What an assessment's answers say about its emissions and its CBAM exposure, fixed at submission with the score. */
export interface CarbonResult {
	/** Null when no energy figure was entered (or no factors are loaded). */
	carbon: CarbonEstimate | null;
	/** Null when the questionnaire has no CBAM questions. */
	cbam: CbamScreen | null;
}

export function assessCarbon(
	questionnaire: Questionnaire,
	answers: Answers,
	factors: EmissionFactors | undefined
): CarbonResult {
	const asksAboutCbam = questionnaire.profile.questions.some(
		(question) => question.role === 'cbam_goods'
	);
	return {
		carbon: factors ? estimateEmissions(carbonInputs(questionnaire, answers), factors) : null,
		cbam: asksAboutCbam ? screenCbam(cbamAnswers(questionnaire, answers)) : null
	};
}
