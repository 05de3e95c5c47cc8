import type { BandEstimate } from '$lib/carbon/answers';
import type { Locale, Translate } from '$lib/i18n';
import { formatNumber } from '$lib/i18n/format';
import { localize } from '$lib/questionnaire/localize';

/**
 * The sentences that say which profile band the intensities use and which figure stands for it (the band's middle,
 * or an open band's lower limit), so the firm knows its per-employee figure is an estimate: on the energy step,
 * which no longer asks head count and turnover, and beside the intensities on the results page and in the PDF.
 */
export function bandNotes(bands: BandEstimate[], t: Translate, locale: Locale): string[] {
	return bands.map((band) =>
		t(`energy.band_${band.role}_${band.open ? 'lower' : 'middle'}`, {
			band: localize(band.label, locale),
			estimate: formatNumber(locale, band.estimate)
		})
	);
}
