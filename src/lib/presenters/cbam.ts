import type { CbamExposure, CbamReadiness } from '$lib/carbon/cbam';
import type { CbamDate } from '$lib/carbon/cbam-dates';
import type { Locale, Translate } from '$lib/i18n';
import { formatDate, formatMonth, formatNumber } from '$lib/i18n/format';
import type { CbamView } from '$lib/server/assessment/carbon-view';
import type { PresentedRecommendation } from './recommendation';
import { presentResourceLink } from './resource';

/** The colour that repeats what the words say: how much a finding asks of the firm. */
export type CbamTone = 'none' | 'low' | 'medium' | 'high';

/** One finding of the screen (exposure, data readiness, or the one level of a 1.x result) with its reasons. */
export interface CbamFinding {
	id: 'exposure' | 'readiness' | 'level';
	label: string;
	value: string;
	tone: CbamTone;
	text: string;
	reasonsHeading: string;
	reasons: string[];
}

/** A firm's CBAM screen in words: what the results page and the PDF both show. */
export interface CbamPresentation {
	heading: string;
	/** For a result of questionnaire 1.x: that it is shown as submitted, under which version. */
	legacyNote: string | null;
	findings: CbamFinding[];
	actionsHeading: string;
	actions: PresentedRecommendation[];
	/** The dates that matter; empty for a 1.x result, which is shown as it was. */
	datesHeading: string;
	dates: { when: string; text: string }[];
	note: string;
}

const EXPOSURE_TONE: Record<CbamExposure, CbamTone> = {
	none: 'none',
	unsure: 'medium',
	below_threshold: 'medium',
	indirect: 'medium',
	likely: 'high',
	in_scope: 'high'
};

/** An estimate is priced like no data at all in the definitive period, so it is no better a tone. */
const READINESS_TONE: Record<CbamReadiness, CbamTone> = {
	verified: 'low',
	estimate: 'high',
	none: 'high'
};

const LEGACY_TONE: Record<string, CbamTone> = { check: 'medium' };

function presentDate(entry: CbamDate, t: Translate, locale: Locale) {
	const values = entry.values ?? {};
	return {
		when:
			entry.date.length === 7 ? formatMonth(locale, entry.date) : formatDate(locale, entry.date),
		text: t(`cbam.date.${entry.id}`, {
			markup:
				values.markup === undefined
					? undefined
					: formatNumber(locale, values.markup, { style: 'percent' }),
			price:
				values.price === undefined
					? undefined
					: formatNumber(locale, values.price, { style: 'currency', currency: 'EUR' }),
			products: values.products,
			from: values.from
		})
	};
}

function findings(cbam: CbamView, t: Translate): CbamFinding[] {
	if (cbam.kind === 'legacy') {
		return [
			{
				id: 'level',
				label: t('cbam.legacy.level_label'),
				value: t(`cbam.legacy.level.${cbam.level}`),
				tone: LEGACY_TONE[cbam.level] ?? (cbam.level as CbamTone),
				text: t(`cbam.legacy.level_text.${cbam.level}`),
				reasonsHeading: t('cbam.legacy.reasons_title'),
				reasons: cbam.reasons.map((reason) => t(`cbam.legacy.reason.${reason}`))
			}
		];
	}
	const { exposure, readiness } = cbam;
	const shown: CbamFinding[] = [
		{
			id: 'exposure',
			label: t('cbam.exposure_label'),
			value: t(`cbam.exposure.${exposure.value}`),
			tone: EXPOSURE_TONE[exposure.value],
			text: t(`cbam.exposure_text.${exposure.value}`),
			reasonsHeading: t('cbam.exposure_reasons_title'),
			reasons: exposure.reasons.map((reason) => t(`cbam.exposure_reason.${reason}`))
		}
	];
	if (readiness) {
		shown.push({
			id: 'readiness',
			label: t('cbam.readiness_label'),
			value: t(`cbam.readiness.${readiness.value}`),
			tone: READINESS_TONE[readiness.value],
			text: t(`cbam.readiness_text.${readiness.value}`),
			reasonsHeading: t('cbam.readiness_reasons_title'),
			reasons: readiness.reasons.map((reason) => t(`cbam.readiness_reason.${reason}`))
		});
	}
	return shown;
}

/** Words the CBAM screen once, for the page and the report; its actions are not graded. */
export function presentCbam(cbam: CbamView, t: Translate, locale: Locale): CbamPresentation {
	return {
		heading: t('cbam.title'),
		legacyNote: cbam.kind === 'legacy' ? t('cbam.legacy.note', { version: cbam.version }) : null,
		findings: findings(cbam, t),
		actionsHeading: t('cbam.actions_title'),
		actions: cbam.actions.map((action) => ({
			id: action.id,
			title: t(`cbam.action.${action.id}.title`),
			text: t(`cbam.action.${action.id}.text`),
			grades: null,
			resources: action.resources.map((resource) => presentResourceLink(resource, t))
		})),
		datesHeading: t('cbam.dates_title'),
		dates: cbam.kind === 'legacy' ? [] : cbam.dates.map((entry) => presentDate(entry, t, locale)),
		note: t('cbam.note')
	};
}
