import type { Questionnaire, Role } from './schema';
import { visibleQuestionIds, type Answers } from './visibility';

/** The profile facts the product files an assessment under (peer groups, chamber breakdowns). */
export interface ProfileFacts {
	companyName?: string;
	contactEmail?: string;
	sector?: string;
	sizeClass?: string;
	province?: string;
}

/**
 * Reads the profile answers by role. The KOBİ size class is the larger of the classes given by head count and by
 * turnover: the regulation makes a firm micro only when both are within the micro limits.
 */
export function profileFacts(questionnaire: Questionnaire, answers: Answers): ProfileFacts {
	const visible = visibleQuestionIds(questionnaire, answers);
	const byRole = new Map<Role, string>();
	for (const question of questionnaire.profile.questions) {
		const answer = answers[question.id];
		if (question.role && visible.has(question.id) && typeof answer === 'string' && answer !== '') {
			byRole.set(question.role, answer);
		}
	}

	const sizeRank = new Map(
		questionnaire.sizeClasses.map((sizeClass, rank) => [sizeClass.id, rank])
	);
	const classOf = (role: Role) => {
		const question = questionnaire.profile.questions.find((candidate) => candidate.role === role);
		if (question?.type !== 'single') return undefined;
		return question.options?.find((option) => option.id === byRole.get(role))?.sizeClass;
	};
	const classes = [classOf('employees'), classOf('turnover')].filter(
		(sizeClass): sizeClass is string => sizeClass !== undefined
	);
	const sizeClass = classes.sort((a, b) => (sizeRank.get(b) ?? 0) - (sizeRank.get(a) ?? 0))[0];

	return {
		companyName: byRole.get('company_name'),
		contactEmail: byRole.get('contact_email'),
		sector: byRole.get('sector'),
		sizeClass,
		province: byRole.get('province')
	};
}
