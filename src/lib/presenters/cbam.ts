import type { Translate } from '$lib/i18n';
import type { CbamView } from '$lib/server/assessment/carbon-view';
import type { PresentedRecommendation } from './recommendation';
import { presentResourceLink } from './resource';

/** A firm's CBAM exposure screen in words: what the results page and the PDF both show. */
export interface CbamPresentation {
	heading: string;
	/** The level's id, for the colour that repeats what the words say. */
	level: CbamView['level'];
	levelLabel: string;
	levelName: string;
	levelText: string;
	reasonsHeading: string;
	reasons: string[];
	actionsHeading: string;
	actions: PresentedRecommendation[];
	note: string;
}

/** Words the CBAM screen once, for the page and the report; its actions are not graded. */
export function presentCbam(cbam: CbamView, t: Translate): CbamPresentation {
	return {
		heading: t('cbam.title'),
		level: cbam.level,
		levelLabel: t('cbam.level_label'),
		levelName: t(`cbam.level.${cbam.level}`),
		levelText: t(`cbam.level_text.${cbam.level}`),
		reasonsHeading: t('cbam.reasons_title'),
		reasons: cbam.reasons.map((reason) => t(`cbam.reason.${reason}`)),
		actionsHeading: t('cbam.actions_title'),
		actions: cbam.actions.map((action) => ({
			id: action.id,
			title: t(`cbam.action.${action.id}.title`),
			text: t(`cbam.action.${action.id}.text`),
			grades: null,
			resources: action.resources.map((resource) => presentResourceLink(resource, t))
		})),
		note: t('cbam.note')
	};
}
