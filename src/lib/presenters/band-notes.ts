import { bandEstimate } from '$lib/carbon/answers';
import type { Locale, Translate } from '$lib/i18n';
import { formatNumber } from '$lib/i18n/format';
import { localize } from '$lib/questionnaire/localize';
import type { Questionnaire } from '$lib/questionnaire/schema';
import type { Answers } from '$lib/questionnaire/visibility';

/**
 * The sentences the energy step shows instead of asking head count and turnover again: which profile band the
 * intensities use and which figure stands for it (the band's middle, or an open band's lower limit), so the firm
 * knows its per-employee figure is an estimate.
 */
export function bandNotes(
	questionnaire: Questionnaire,
	answers: Answers,
	t: Translate,
	locale: Locale
): string[] {
	return (['employees', 'turnover'] as const).flatMap((role) => {
		const band = bandEstimate(questionnaire, answers, role);
		const question = questionnaire.profile.questions.find((candidate) => candidate.role === role);
		if (!band || question?.type !== 'single' || !question.options) return [];
		const open = question.options.at(-1)?.id === band.option;
		const label = question.options.find((option) => option.id === band.option)?.label;
		return [
			t(`energy.band_${role}_${open ? 'lower' : 'middle'}`, {
				band: localize(label, locale),
				estimate: formatNumber(locale, band.estimate)
			})
		];
	});
}
