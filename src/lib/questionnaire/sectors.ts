import type { Question, Questionnaire } from './schema';
import { visibleQuestionIds, type Answers } from './visibility';

/*
 * Sectors are named as the profile names them: a NACE section (`C`, the options of the `sector` question) or a
 * division (`C13`, the options of a question asked only within one section, such as the manufacturing division).
 * A resource for `C` fits every manufacturer; one for `C13` only textile firms.
 */

const sectorQuestion = (questionnaire: Questionnaire) =>
	questionnaire.profile.questions.find((question) => question.role === 'sector');

/** The profile questions that refine the sector (asked only for some sections): their options are divisions. */
function divisionQuestions(questionnaire: Questionnaire): Question[] {
	const sector = sectorQuestion(questionnaire);
	if (!sector) return [];
	return questionnaire.profile.questions.filter(
		(question) =>
			question.type === 'single' &&
			question.showIf !== undefined &&
			'question' in question.showIf &&
			question.showIf.question === sector.id
	);
}

/** Every sector code a resource may name: the sections, then the divisions. */
export function sectorCodes(questionnaire: Questionnaire): string[] {
	return [sectorQuestion(questionnaire), ...divisionQuestions(questionnaire)].flatMap((question) =>
		question?.type === 'single' ? (question.options?.map((option) => option.id) ?? []) : []
	);
}

/** The sector codes of a firm: its section and, where it answered one, its division. */
export function firmSectorCodes(questionnaire: Questionnaire, answers: Answers): string[] {
	const visible = visibleQuestionIds(questionnaire, answers);
	return [sectorQuestion(questionnaire), ...divisionQuestions(questionnaire)].flatMap(
		(question) => {
			const answer = question && visible.has(question.id) ? answers[question.id] : undefined;
			return typeof answer === 'string' && answer !== '' ? [answer] : [];
		}
	);
}
