import {
	cbamExposures,
	cbamReadinesses,
	type CbamExposure,
	type CbamReadiness
} from '../../carbon/cbam';
import { dominanceSuppression, withholdSplitTotal } from './dominance';
import { publishes, type Suppression } from './suppression';
import type { CarbonFigures, CbamExposureFigures, CbamReadinessFigures, Firm } from './types';
import { fixedBreakdown, reason, round, type OwnView } from './view';

/*
 * The carbon figures of a chamber's view: Scope 1 and 2 totals under the dominance rule, the firms per emission band
 * and per CBAM exposure and data readiness.
 */

/** Tonnes CO2e between the emission bands: under 10 t, 10–100 t, 100–1,000 t, 1,000 t or more. */
const EMISSION_LIMITS = [10, 100, 1000];
const EMISSION_BANDS = EMISSION_LIMITS.length + 1;

/** Whether a firm entered the energy figures a Scope 1 and 2 estimate needs. */
export const hasEstimate = (firm: Firm) => firm.scope1 !== null && firm.scope2 !== null;

/** What a firm with an estimate contributes to each carbon total. */
const CARBON_TOTALS = {
	scope1: (firm: Firm) => firm.scope1!,
	scope2: (firm: Firm) => firm.scope2!,
	total: (firm: Firm) => firm.scope1! + firm.scope2!
};

type CarbonTotal = keyof typeof CARBON_TOTALS;

function emissionBandOf(tonnes: number): number {
	const band = EMISSION_LIMITS.findIndex((limit) => tonnes < limit);
	return band === -1 ? EMISSION_LIMITS.length : band;
}

/** The emission band a firm's cell is in its table; a firm without an estimate is in none (`null`). */
export function emissionKey(firm: Firm): string | null {
	return hasEstimate(firm) ? String(emissionBandOf(CARBON_TOTALS.total(firm))) : null;
}

function emissionBandLimits(band: number) {
	return { min: band === 0 ? 0 : EMISSION_LIMITS[band - 1], max: EMISSION_LIMITS[band] ?? null };
}

/** The CBAM exposure a breakdown files a firm under; not screened (or an unknown value) is `null`. */
export function cbamKey(firm: Firm): string | null {
	return (cbamExposures as readonly (string | null)[]).includes(firm.cbam) ? firm.cbam : null;
}

/** The CBAM data readiness a breakdown files a firm under; not asked (or an unknown value) is `null`. */
export function cbamReadinessKey(firm: Firm): string | null {
	return (cbamReadinesses as readonly (string | null)[]).includes(firm.cbamReadiness)
		? firm.cbamReadiness
		: null;
}

type CbamFigures = Pick<CarbonFigures, 'cbamExposure' | 'cbamReadiness'>;

function withheldCarbon(suppressed: Suppression): Omit<CarbonFigures, keyof CbamFigures> {
	return {
		firms: null,
		scope1: null,
		scope2: null,
		total: null,
		withheld: { firms: suppressed, scope1: suppressed, scope2: suppressed, total: suppressed },
		emissionBands: Array.from({ length: EMISSION_BANDS }, (_, band) => ({
			...emissionBandLimits(band),
			firms: null
		}))
	};
}

/** Every carbon figure withheld, for a view that may not be shown. */
export function withheldCarbonFigures(suppressed: Suppression): CarbonFigures {
	return {
		...withheldCarbon(suppressed),
		cbamExposure: cbamExposures.map((exposure) => ({ exposure, firms: null })),
		cbamReadiness: cbamReadinesses.map((readiness) => ({ readiness, firms: null }))
	};
}

/**
 * Firms per CBAM exposure and per data readiness. Firms not screened (not asked) are a cell too, left out of the
 * result like its key.
 */
function cbamFigures(view: OwnView): CbamFigures {
	const exposure: CbamExposureFigures[] = fixedBreakdown(view, view.tables.get('cbam')!, [
		...cbamExposures,
		null
	]).flatMap((cell) =>
		cell.key === null ? [] : [{ exposure: cell.key as CbamExposure, firms: cell.firms }]
	);
	const readiness: CbamReadinessFigures[] = fixedBreakdown(
		view,
		view.tables.get('cbam_readiness')!,
		[...cbamReadinesses, null]
	).flatMap((cell) =>
		cell.key === null ? [] : [{ readiness: cell.key as CbamReadiness, firms: cell.firms }]
	);
	return { cbamExposure: exposure, cbamReadiness: readiness };
}

/**
 * The carbon figures of a shown view. The firms with an estimate are a cell of their own table, shown when it tells
 * them from the others, as a theme's scorers are. Each total must then pass the dominance rule, on its own and
 * against the unfiltered view.
 */
export function carbonFigures(view: OwnView, firms: Firm[], min: number): CarbonFigures {
	const cbam = cbamFigures(view);
	const members = view.inView.filter(hasEstimate);
	if (!publishes(view.tables.get('estimate')!, (key) => key === 'yes')) {
		return { ...withheldCarbon(reason(members.length, min)), ...cbam };
	}
	const inView = new Set(view.inView);
	const conditions = view.filter === undefined ? 0 : 1;
	const estimated = firms.filter(hasEstimate);
	const dominance = (total: CarbonTotal) =>
		members.length === 0
			? null
			: dominanceSuppression(
					estimated.map((firm) => ({
						meets: inView.has(firm) ? conditions : 0,
						value: CARBON_TOTALS[total](firm)
					})),
					conditions
				);
	const withheld = withholdSplitTotal({
		scope1: dominance('scope1'),
		scope2: dominance('scope2'),
		total: dominance('total')
	});
	const sum = (total: CarbonTotal) =>
		members.length === 0 || withheld[total] !== null
			? null
			: round(members.reduce((tonnes, firm) => tonnes + CARBON_TOTALS[total](firm), 0));
	return {
		firms: members.length,
		scope1: sum('scope1'),
		scope2: sum('scope2'),
		total: sum('total'),
		withheld: { firms: null, ...withheld },
		emissionBands: fixedBreakdown(
			view,
			view.tables.get('emission')!,
			Array.from({ length: EMISSION_BANDS }, (_, band) => String(band))
		).map((cell) => ({ ...emissionBandLimits(Number(cell.key)), firms: cell.firms })),
		...cbam
	};
}
