import { z } from 'zod';
import type { Locale } from '$lib/i18n/locales';
import type { AnswerIssue } from '$lib/questionnaire/answers';
import type { RankedRecommendation } from '$lib/scoring/recommend';
import { isLegacyCbam } from '$lib/carbon/cbam';
import type { VsmeSheet } from '$lib/carbon/vsme';
import type { AssessmentResult } from '../db/assessments';
import { apiError, type ApiIssue } from './api';
import { describeIssues } from '../assessment/messages';
import type { AnswerWarning } from '../assessment/warnings';
import * as assessmentService from '../assessment/assessment-service';
import type { Opened } from '../assessment/assessment-service';

/** An answer as JSON: option id, option ids, number, boolean or text; null clears it. */
const answerValue = z.union([z.string(), z.array(z.string()), z.number(), z.boolean(), z.null()]);
export const answersBody = z.record(z.string().max(100), answerValue);

/** Refused answers as API issues at `answers.<question>`. */
export async function answerIssues(issues: AnswerIssue[], locale: Locale): Promise<ApiIssue[]> {
	const messages = await describeIssues(issues, locale);
	return issues.map((issue) => ({
		path: `answers.${issue.question}`,
		message: messages[issue.question]
	}));
}

/** Plausibility warnings as the API shows them: at `answers.<question>`, like the issues of a refused answer. */
export function warningsBody(warnings: AnswerWarning[]) {
	return warnings.map(({ question, code, message }) => ({
		path: `answers.${question}`,
		code,
		message
	}));
}

/** The results as the API shows them (see DESIGN.md). */
export function resultsBody(result: AssessmentResult, vsme: VsmeSheet | null) {
	return {
		questionnaire: result.questionnaire,
		version: result.version,
		overall: result.overall,
		level: result.level,
		themes: result.themes.map((theme) => ({ id: theme.id, score: theme.score })),
		// Results stored before cost classes and triggers existed lack the three: null says so explicitly.
		recommendations: result.recommendations.map((recommendation) => {
			const stored: Partial<RankedRecommendation> = recommendation;
			return {
				...recommendation,
				cost: stored.cost ?? null,
				payback: stored.payback ?? null,
				trigger: stored.trigger ?? null
			};
		}),
		/** Scope 1 and 2 estimate in tCO2e, null without energy figures (or for results from before it existed). */
		carbon: result.carbon ?? null,
		cbam: cbamBody(result.cbam),
		/** The VSME Basic Module environmental figures `{b3, b6, b7}` (see vsmeSheetSchema); null without factors. */
		vsme
	};
}

/**
 * The CBAM screen: exposure and data readiness apart, each with its reasons (ids), then the actions. A result of
 * questionnaire 1.x keeps the one `level` it was submitted with (`version` above tells which).
 */
function cbamBody(cbam: AssessmentResult['cbam']) {
	if (!cbam) return null;
	if (isLegacyCbam(cbam))
		return { level: cbam.level, reasons: cbam.reasons, actions: cbam.actions };
	return { exposure: cbam.exposure, readiness: cbam.readiness, actions: cbam.actions };
}

/** Opens the assessment of a token or answers 404 (unknown, malformed and erased tokens alike). */
export async function openOr404(
	token: string,
	locale: Locale
): Promise<{ opened: Opened } | { response: Response }> {
	const opened = await assessmentService.open(token);
	if (!opened) return { response: await apiError(404, 'assessment_not_found', locale) };
	return { opened };
}
