import { answerScore, isScored, maxScore } from '../questionnaire/questions';
import type { Question, Questionnaire, Role } from '../questionnaire/schema';
import { allQuestions, visibleQuestionIds, type Answers } from '../questionnaire/visibility';
import { CBAM_ROLE_OPTIONS, type CbamAnswers } from './cbam';
import type { CarbonInputs } from './estimate';

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

export function carbonInputs(questionnaire: Questionnaire, answers: Answers): CarbonInputs {
	const inputs: CarbonInputs = {};
	for (const { question, answer } of shownAnswers(questionnaire, answers)) {
		if (question.type === 'number' && question.carbon && typeof answer === 'number') {
			inputs[question.carbon] = answer;
		}
	}
	return inputs;
}

function oneOf<T extends string>(allowed: readonly T[], answer: unknown): T | undefined {
	return allowed.find((value) => value === answer);
}

/** An answer's share of its question's best score; undefined when it scores nothing (not applicable). */
function scoreShare(entry: { question: Question; answer: Answers[string] } | undefined) {
	if (!entry || !isScored(entry.question)) return undefined;
	const score = answerScore(entry.question, entry.answer);
	return score === undefined ? undefined : score / maxScore(entry.question);
}

export function cbamAnswers(questionnaire: Questionnaire, answers: Answers): CbamAnswers {
	const byRole = new Map<Role, { question: Question; answer: Answers[string] }>();
	for (const entry of shownAnswers(questionnaire, answers)) {
		if (entry.question.role) byRole.set(entry.question.role, entry);
	}
	const exportsEu = byRole.get('exports_eu')?.answer;
	const sectors = byRole.get('cbam_sectors')?.answer;
	return {
		exportsEu: typeof exportsEu === 'boolean' ? exportsEu : undefined,
		goods: oneOf(CBAM_ROLE_OPTIONS.cbam_goods, byRole.get('cbam_goods')?.answer),
		sectors: Array.isArray(sectors) ? sectors : undefined,
		tonnage: oneOf(CBAM_ROLE_OPTIONS.cbam_tonnage, byRole.get('cbam_tonnage')?.answer),
		dataReadiness: scoreShare(byRole.get('cbam_data'))
	};
}
