import { formatDate, formatNumber } from '$lib/i18n/format';
import type { Locale } from '$lib/i18n/locales';
import { config } from '$lib/server/config';

// Nothing on the landing page needs a script (its links and its one form work as they are), so it sends none: on a
// phone it is read and answers at once, and the next page brings its own code.
export const csr = false;

// Dates that anchor the context.
const GREEN_DEAL_ANNOUNCED = '2019-12-11';
const CBAM_DEFINITIVE_PHASE = '2026-01-01';

/** The landing page's figures, worded in the reader's language. */
function word(locale: Locale) {
	return {
		/** The smallest group a chamber may see figures for, quoted in the privacy promise. */
		minGroupSize: formatNumber(locale, config().minGroupSize),
		/** When the European Green Deal was announced. */
		greenDealAnnounced: formatDate(locale, GREEN_DEAL_ANNOUNCED),
		/** When the CBAM's definitive phase began. */
		cbamDefinitivePhase: formatDate(locale, CBAM_DEFINITIVE_PHASE)
	};
}

/** Worded once per language: the figures do not change while the server runs, and this is the busiest page. */
const worded = new Map<Locale, ReturnType<typeof word>>();

export const load = ({ locals }) => {
	let figures = worded.get(locals.locale);
	if (!figures) worded.set(locals.locale, (figures = word(locals.locale)));
	return figures;
};
