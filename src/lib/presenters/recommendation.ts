import type { Translate } from '$lib/i18n';
import { presentResourceLink, type LinkedResource, type ResourceLink } from './resource';
import type { CostClass, Payback } from '$lib/questionnaire/schema';
import type { TriggerView } from '$lib/server/assessment/trigger-view';

/** A recommendation or CBAM action as shown and printed: its text, its grades in words and its resources. */
export interface PresentedRecommendation {
	id: string;
	title: string;
	text: string;
	/** Impact and effort in words; null where there are none (the CBAM screen's actions). */
	grades: string | null;
	/** "Because: …", naming the answer that fired it; absent for the CBAM screen's actions or when unknown. */
	why?: string;
	/** Cost class and payback in words ("Quick win · pays back within months"); absent where there are none. */
	cost?: string;
	resources: ResourceLink[];
}

/** "Because: …" from the answer or theme score that fired a recommendation. */
export function because(
	trigger: TriggerView,
	t: Translate,
	formatScore: (score: number) => string
) {
	return 'question' in trigger
		? t('results.because_answer', { question: trigger.question, answer: trigger.answer })
		: t('results.because_theme', { theme: trigger.theme, score: formatScore(trigger.score) });
}

/** A cost class and payback in plain words. */
export function costWords(cost: CostClass, payback: Payback, t: Translate) {
	return t('results.cost_payback', {
		cost: t(`results.cost_${cost}`),
		payback: t(`results.payback_${payback}`)
	});
}

/** A graded recommendation with its impact, effort, cost and reason put into words. */
export function presentRecommendation(
	item: {
		id: string;
		title: string;
		text: string;
		impact: string;
		effort: string;
		cost: CostClass | null;
		payback: Payback | null;
		trigger: TriggerView | null;
		resources: LinkedResource[];
	},
	t: Translate,
	formatScore: (score: number) => string
): PresentedRecommendation {
	const grade = (value: string) => t(`results.grade_${value}`);
	return {
		id: item.id,
		title: item.title,
		text: item.text,
		grades: t('results.impact_effort', { impact: grade(item.impact), effort: grade(item.effort) }),
		...(item.trigger ? { why: because(item.trigger, t, formatScore) } : {}),
		...(item.cost && item.payback ? { cost: costWords(item.cost, item.payback, t) } : {}),
		resources: item.resources.map((resource) => presentResourceLink(resource, t))
	};
}
