import type { Translate } from '$lib/i18n';
import { presentResourceLink, type LinkedResource, type ResourceLink } from './resource';

/** A recommendation or CBAM action as shown and printed: its text, its grades in words and its resources. */
export interface PresentedRecommendation {
	id: string;
	title: string;
	text: string;
	/** Impact and effort in words; null where there are none (the CBAM screen's actions). */
	grades: string | null;
	resources: ResourceLink[];
}

/** A graded recommendation with its impact and effort put into words. */
export function presentRecommendation(
	item: {
		id: string;
		title: string;
		text: string;
		impact: string;
		effort: string;
		resources: LinkedResource[];
	},
	t: Translate
): PresentedRecommendation {
	const grade = (value: string) => t(`results.grade_${value}`);
	return {
		id: item.id,
		title: item.title,
		text: item.text,
		grades: t('results.impact_effort', { impact: grade(item.impact), effort: grade(item.effort) }),
		resources: item.resources.map((resource) => presentResourceLink(resource, t))
	};
}
