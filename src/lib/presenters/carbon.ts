import type { ChartConfiguration } from 'chart.js';
import { emissionsChart } from '$lib/charts/carbon';
import type { Locale, Translate } from '$lib/i18n';
import { formatFactor, formatNumber, formatTonnes } from '$lib/i18n/format';
import type { CarbonView } from '$lib/server/assessment/carbon-view';
import { bandNotes } from './band-notes';
import type { PresentedTable } from './table';

/** A figure with its name, as the page lists it and the PDF prints it (`name: value`). */
export interface NamedFigure {
	name: string;
	value: string;
}

/** A firm's Scope 1 and 2 estimate in words and formatted figures: what the results page and the PDF both show. */
export interface CarbonPresentation {
	heading: string;
	/** The sentence shown instead of the figures when no energy figures were given. */
	none: string;
	referencesHeading: string;
	estimate: {
		total: NamedFigure;
		scopes: NamedFigure[];
		/** The intensities, and which profile bands stood in for head count and turnover. */
		intensity: { heading: string; lines: string[]; notes: string[] } | null;
		/** Shown when neither intensity can be computed. */
		noIntensity: string | null;
		/** Biogenic CO2 of wood and other biomass, outside every total; null when none was burnt. */
		biogenic: NamedFigure | null;
		/** Which electricity factor location-based Scope 2 used, and why that one; null without electricity. */
		gridFactor: string | null;
		/** Market-based Scope 2, naming the factor it used (the supplier's or the grid average). */
		marketBased: string | null;
		solar: string | null;
		chart: { config: ChartConfiguration<'bar'>; label: string } | null;
		table: PresentedTable;
		references: { label: string; title: string; url: string }[];
		conversions: string[];
		ignored: string[];
		disclaimer: string;
		factorsVersion: string;
	} | null;
}

/**
 * Words and formats a carbon estimate once, so that the results page and the PDF report cannot word a figure
 * differently. `carbon` is null when the firm gave no energy figures.
 */
export function presentCarbon(
	carbon: CarbonView | null,
	t: Translate,
	locale: Locale
): CarbonPresentation {
	const heading = t('carbon.title');
	const none = t('carbon.none');
	const referencesHeading = t('carbon.references_title');
	if (!carbon) return { heading, none, referencesHeading, estimate: null };
	const tonnes = (value: number) => t('carbon.tonnes', { value: formatTonnes(locale, value) });
	const number = (value: number) => formatNumber(locale, value, { maximumFractionDigits: 2 });
	const intensity = [
		...(carbon.perEmployee !== null
			? [t('carbon.per_employee', { value: tonnes(carbon.perEmployee) })]
			: []),
		...(carbon.perMillionTl !== null
			? [t('carbon.per_turnover', { value: tonnes(carbon.perMillionTl) })]
			: [])
	];
	const electricity = carbon.sources.find((source) => source.category === 'electricity');
	const bars = carbon.sources.map((source) => ({
		label: t('carbon.source_scope', { source: source.label, scope: source.scope }),
		scope: source.scope,
		tonnes: source.tonnes
	}));
	return {
		heading,
		none,
		referencesHeading,
		estimate: {
			total: { name: t('carbon.total'), value: tonnes(carbon.total) },
			scopes: [
				{ name: t('carbon.scope1'), value: tonnes(carbon.scope1) },
				{ name: t('carbon.scope2'), value: tonnes(carbon.scope2) }
			],
			intensity:
				intensity.length > 0
					? {
							heading: t('carbon.intensity_title'),
							lines: intensity,
							notes: bandNotes(carbon.bands, t, locale)
						}
					: null,
			noIntensity: intensity.length === 0 ? t('carbon.no_intensity') : null,
			biogenic:
				carbon.biogenicCo2T !== null
					? {
							name: t('carbon.biogenic'),
							value: t('carbon.tonnes_co2', { value: formatTonnes(locale, carbon.biogenicCo2T) })
						}
					: null,
			gridFactor: electricity
				? t('carbon.grid_factor', { factor: formatFactor(locale, electricity.factor) })
				: null,
			marketBased: marketBasedLine(carbon, t, tonnes, (value) => formatFactor(locale, value)),
			solar: carbon.solar
				? carbon.solar.share === null
					? t('carbon.solar_no_share', { kwh: number(carbon.solar.kwh) })
					: t('carbon.solar', {
							kwh: number(carbon.solar.kwh),
							share: formatNumber(locale, carbon.solar.share, { style: 'percent' })
						})
				: null,
			chart:
				carbon.total > 0
					? { config: emissionsChart(bars, t('carbon.col_tonnes')), label: t('carbon.chart_label') }
					: null,
			table: {
				caption: t('carbon.table_caption'),
				head: [
					t('carbon.col_source'),
					t('carbon.col_scope'),
					t('carbon.col_amount'),
					t('carbon.col_factor'),
					t('carbon.col_tonnes')
				],
				rows: carbon.sources.map((source) => [
					source.label,
					String(source.scope),
					`${number(source.amount)} ${source.unit}`,
					formatFactor(locale, source.factor),
					formatTonnes(locale, source.tonnes)
				])
			},
			references: carbon.references.map((reference) => ({
				label: reference.labels.join(', '),
				title: t('carbon.reference_year', { title: reference.title, year: reference.year }),
				url: reference.url
			})),
			conversions: carbon.sources.flatMap(
				({ convertedFrom, calorificValue, label, factor, unit }) => [
					...(convertedFrom
						? [
								t('carbon.converted', {
									amount: number(convertedFrom.amount),
									unit: convertedFrom.unit,
									factor: formatNumber(locale, convertedFrom.factor),
									reference: convertedFrom.reference?.title ?? convertedFrom.year
								})
							]
						: []),
					...(calorificValue
						? [
								t('carbon.calorific', {
									source: label,
									value: number(calorificValue.value),
									unit: calorificValue.unit,
									factor: formatFactor(locale, factor),
									sourceUnit: unit
								})
							]
						: [])
				]
			),
			ignored: carbon.ignored.map((unit) => t('carbon.ignored', { unit })),
			disclaimer: t('carbon.disclaimer'),
			factorsVersion: t('carbon.factors_version', { version: carbon.factorsVersion })
		}
	};
}

/**
 * Market-based Scope 2 in words, naming what replaced the grid average: certified renewable supply (counted as
 * zero), the supplier's own factor, or both.
 */
function marketBasedLine(
	carbon: CarbonView,
	t: Translate,
	tonnes: (value: number) => string,
	factor: (value: number) => string
): string | null {
	if (carbon.scope2MarketBased === null) return null;
	const value = tonnes(carbon.scope2MarketBased);
	if (carbon.supplierFactor === null) return t('carbon.market_based', { value });
	const params = { value, factor: factor(carbon.supplierFactor) };
	return carbon.renewableShare
		? t('carbon.market_based_both', params)
		: t('carbon.market_based_supplier', params);
}
