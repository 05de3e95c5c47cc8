import type { Question, Questionnaire } from '$lib/questionnaire/schema';
import { visibleQuestionIds, type Answers } from '$lib/questionnaire/visibility';
import type { ChamberResourceFields } from '../db/chamber-resources';

/*
 * Which firms a chamber resource is for. Sectors are named as the profile names them: a NACE section (`C`, the
 * options of the `sector` question) or a division (`C13`, the options of a question asked only within one section,
 * such as the manufacturing division). A resource for `C` fits every manufacturer; one for `C13` only textile firms.
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

/** What a resource is matched against: the firm's sector codes and size class. */
export interface FirmProfile {
	sectorCodes: string[];
	sizeClass: string | null;
}

/** The calendar day (`2027-03-31`, UTC) a resource's `validUntil` is compared with. */
export const today = (now = new Date()) => now.toISOString().slice(0, 10);

/** Whether a resource is still in date: shown through its `validUntil` day. */
export function inDate(resource: Pick<ChamberResourceFields, 'validUntil'>, now = new Date()) {
	return resource.validUntil === null || resource.validUntil >= today(now);
}

/**
 * Whether a resource fits a firm: an empty list means every sector or size; a firm that did not say its sector or
 * size is not sent a resource limited to some.
 */
export function fitsFirm(
	resource: Pick<ChamberResourceFields, 'sectors' | 'sizeClasses'>,
	firm: FirmProfile
): boolean {
	const sectorFits =
		resource.sectors.length === 0 ||
		resource.sectors.some((code) => firm.sectorCodes.includes(code));
	const sizeFits =
		resource.sizeClasses.length === 0 ||
		(firm.sizeClass !== null && resource.sizeClasses.includes(firm.sizeClass));
	return sectorFits && sizeFits;
}
