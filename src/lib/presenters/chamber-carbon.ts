import { emissionBandLabel } from '$lib/charts/chamber';
import type { Locale, Translate } from '$lib/i18n';
import { formatNumber } from '$lib/i18n/format';
import type { ChamberDashboard } from '$lib/server/chamber/chamber-dashboard';
import { figureText, firmCounts, type FigureTable, type LabelledChart } from './figures';

/** The chamber's carbon figures and CBAM screen in words: what the dashboard, its PDF and its CSV all show. */
export interface ChamberCarbonPresentation {
	heading: string;
	note: string;
	totalsHeading: string;
	/** Why the totals are withheld, that no firm gave energy figures, or how many firms the totals cover. */
	status: string;
	/** True when the totals are withheld for too few firms: `status` then says so, as a notice. */
	statusWithheld: boolean;
	/** False when no totals are shown: withheld for too few firms, or no firm gave figures. */
	estimated: boolean;
	/** How many firms gave energy figures (null when withheld), for the CSV's total rows. */
	firms: number | null;
	/** Scope 1, scope 2 and the total in tonnes; a total withheld by the dominance rule is `null`. */
	totals: FigureTable;
	withheldCell: string;
	/** Why a total is withheld by the dominance rule, and why the scopes follow it. */
	dominated: string | null;
	scopesFollow: string | null;
	bands: FigureTable;
	/** Null when there is nothing to draw. */
	bandsChart: LabelledChart | null;
	cbam: {
		/** Whether any firm was screened: without one, `lead` says so and nothing else is shown. */
		screened: boolean;
		lead: string;
		/** Firms per exposure. */
		table: FigureTable;
		chart: LabelledChart | null;
		/** Exposed firms per data readiness. */
		readinessTable: FigureTable;
		readinessChart: LabelledChart | null;
	};
}

/** Words the carbon figures of a chamber's dashboard once. */
export function presentChamberCarbon(
	dashboard: ChamberDashboard,
	t: Translate,
	locale: Locale
): ChamberCarbonPresentation {
	const carbon = dashboard.statistics.carbon;
	const min = formatNumber(locale, dashboard.minGroupSize);
	const firmsCol = t('dashboard.firms_col');
	const estimated = carbon.withheld.firms === null && carbon.firms !== 0;
	const bands = carbon.emissionBands.map((band) => ({
		name: emissionBandLabel(locale, band),
		firms: band.firms
	}));
	const levels = carbon.cbamExposure.map((entry) => ({
		name: t(`dashboard.cbam_exposure_${entry.exposure}`),
		firms: entry.firms
	}));
	const readiness = carbon.cbamReadiness.map((entry) => ({
		name: t(`dashboard.cbam_readiness_${entry.readiness}`),
		firms: entry.firms
	}));
	const screened = levels.some((level) => level.firms !== 0);
	const bandCounts = firmCounts(bands, firmsCol, {
		caption: t('dashboard.carbon_bands'),
		column: t('dashboard.carbon_band_col'),
		chart: t('dashboard.carbon_bands_chart')
	});
	const exposureCounts = firmCounts(levels, firmsCol, {
		caption: t('dashboard.cbam_levels'),
		column: t('dashboard.cbam_level_col'),
		chart: t('dashboard.cbam_chart')
	});
	const readinessCounts = firmCounts(readiness, firmsCol, {
		caption: t('dashboard.cbam_readiness'),
		column: t('dashboard.cbam_readiness_col'),
		chart: t('dashboard.cbam_readiness_chart')
	});
	return {
		heading: t('dashboard.carbon_title'),
		note: t('dashboard.carbon_note'),
		totalsHeading: t('dashboard.carbon_totals'),
		status: carbon.withheld.firms
			? t(`dashboard.carbon_withheld_${carbon.withheld.firms}`, { min })
			: carbon.firms === 0
				? t('dashboard.carbon_no_firms')
				: t('dashboard.carbon_firms', {
						firms: figureText(locale, carbon.firms, t('dashboard.suppressed_cell'))
					}),
		statusWithheld: Boolean(carbon.withheld.firms),
		estimated,
		firms: carbon.firms,
		totals: {
			caption: t('dashboard.carbon_totals'),
			head: [t('dashboard.carbon_scope_col'), t('dashboard.carbon_tonnes_col')],
			rows: [
				[t('dashboard.carbon_scope1'), carbon.scope1],
				[t('dashboard.carbon_scope2'), carbon.scope2],
				[t('dashboard.carbon_total'), carbon.total]
			]
		},
		withheldCell: t('dashboard.carbon_withheld_cell'),
		dominated: Object.values(carbon.withheld).includes('dominated')
			? t('dashboard.carbon_withheld_dominated', {
					share: formatNumber(locale, dashboard.dominanceShare, { style: 'percent' })
				})
			: null,
		scopesFollow:
			carbon.total !== null && carbon.scope1 === null
				? t('dashboard.carbon_withheld_scopes')
				: null,
		bands: bandCounts.table,
		bandsChart: bandCounts.chart,
		cbam: {
			screened,
			lead: screened ? t('dashboard.cbam_lead') : t('dashboard.cbam_no_firms'),
			table: exposureCounts.table,
			chart: exposureCounts.chart,
			readinessTable: readinessCounts.table,
			readinessChart: readinessCounts.chart
		}
	};
}
