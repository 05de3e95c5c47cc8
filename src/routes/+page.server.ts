import { formatDate, formatNumber } from '$lib/i18n/format';
import { config } from '$lib/server/config';

// Dates that anchor the context.
const GREEN_DEAL_ANNOUNCED = '2019-12-11';
const CBAM_DEFINITIVE_PHASE = '2026-01-01';

// The landing page's figures come worded in the reader's language from here, so that the page, the first one most
// visitors see, does not download the formatting module.
export const load = ({ locals }) => ({
	/** The smallest group a chamber may see figures for, quoted in the privacy promise. */
	minGroupSize: formatNumber(locals.locale, config().minGroupSize),
	/** When the European Green Deal was announced. */
	greenDealAnnounced: formatDate(locals.locale, GREEN_DEAL_ANNOUNCED),
	/** When the CBAM's definitive phase began. */
	cbamDefinitivePhase: formatDate(locals.locale, CBAM_DEFINITIVE_PHASE)
});
