import { carbonInputs, vsmeContext } from '$lib/carbon/answers';
import { VSME_NOT_COVERED, vsmeSheet, type VsmeDocument, type VsmeSheet } from '$lib/carbon/vsme';
import type { Opened } from './assessment-service';
import { catalogue } from '../content';

/**
 * The VSME sheet of a submitted assessment: the one fixed at submission, or for results from before the sheet
 * existed, one worked out from the stored answers and the stored emission estimate (so its emissions still match
 * the results). Null for a draft, or when no emission factors are loaded.
 */
export function storedVsme(opened: Opened): VsmeSheet | null {
	const { assessment, questionnaire } = opened;
	const result = assessment.result;
	if (!result) return null;
	if (result.vsme) return result.vsme;
	const factors = catalogue().emissionFactors;
	if (!factors) return null;
	const { answers } = assessment;
	return vsmeSheet(
		carbonInputs(questionnaire, answers),
		result.carbon ?? null,
		factors,
		vsmeContext(questionnaire, answers)
	);
}

/** `vsme.json`: the sheet with what it is, what it was computed with, and what of the Basic Module it leaves out. */
export function vsmeDocument(opened: Opened): VsmeDocument | null {
	const sheet = storedVsme(opened);
	if (!sheet) return null;
	const { assessment } = opened;
	return {
		standard: 'EFRAG VSME (December 2024), Basic Module',
		questionnaire: { id: assessment.questionnaireId, version: assessment.questionnaireVersion },
		submittedAt: assessment.submittedAt,
		factorsVersion: assessment.result?.carbon?.factorsVersion ?? null,
		...sheet,
		notCovered: [...VSME_NOT_COVERED]
	};
}
