import type { Questionnaire, Role } from '../questionnaire/schema';
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
