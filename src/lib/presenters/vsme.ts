import type { Locale, Translate } from '$lib/i18n';
import { formatList, formatNumber } from '$lib/i18n/format';
import type { VsmeMetric, VsmeSheet } from '$lib/carbon/vsme';
import type { PresentedTable } from './table';

/** The VSME data sheet as the results page and the PDF show it: one table, and what it does not cover. */
export interface VsmePresentation {
	heading: string;
	intro: string;
	/** Metric, value and unit, VSME reference, entered or computed. */
	table: PresentedTable;
	/** "Missing metrics: …" naming each one left empty, or that every one is filled in. */
	missing: string;
	/** "The emissions are a screening estimate; the turnover is the band's estimate…" */
	notes: string[];
	/** B1, B2, B4, B5, B8–B11: what the Basic Module also asks and this sheet leaves out. */
	notCovered: string;
}

type Module = keyof VsmeSheet;

/** The units the sheet carries, as a reader writes them (`m3` is JSON's, `m³` the page's). */
const UNIT_SHOWN: Record<string, string> = { m3: 'm³', tCO2e: 't CO₂e' };

function valueText(metric: VsmeMetric, t: Translate, locale: Locale): string {
	if (metric.value === null) return t('vsme.not_given');
	const unit = metric.unit.startsWith('million TRY')
		? t('vsme.unit_million_tl')
		: metric.unit.startsWith('tCO2e/million')
			? t('vsme.unit_intensity')
			: (UNIT_SHOWN[metric.unit] ?? metric.unit);
	return `${formatNumber(locale, metric.value, { maximumFractionDigits: metric.value < 10 ? 2 : 1 })} ${unit}`;
}

/**
 * Words the VSME sheet once for the results page and the PDF: each metric by its VSME name in the reader's language,
 * its value and unit, its module (B3, B6, B7), where it came from, and the metrics left empty, so that a blank is
 * never read as zero and the sheet is never mistaken for a full VSME report.
 */
export function presentVsme(sheet: VsmeSheet, t: Translate, locale: Locale): VsmePresentation {
	const rows: string[][] = [];
	const missing: string[] = [];
	for (const module of ['b3', 'b6', 'b7'] as Module[]) {
		for (const [name, metric] of Object.entries(sheet[module])) {
			const label = t(`vsme.metric.${name}`);
			const value =
				'unit' in metric
					? valueText(metric, t, locale)
					: metric.value === null
						? t('vsme.not_given')
						: t(metric.value ? 'vsme.yes' : 'vsme.no');
			if (metric.value === null) missing.push(label);
			rows.push([
				label,
				value,
				module.toLocaleUpperCase('en'),
				metric.basis === null ? '–' : t(`vsme.basis_${metric.basis}`)
			]);
		}
	}
	const notes = [t('vsme.note_estimate')];
	if (sheet.b3.turnover.basis === 'band_estimate') notes.push(t('vsme.note_turnover'));
	return {
		heading: t('vsme.heading'),
		intro: t('vsme.intro'),
		table: {
			caption: t('vsme.caption'),
			head: [
				t('vsme.col_metric'),
				t('vsme.col_value'),
				t('vsme.col_reference'),
				t('vsme.col_basis')
			],
			rows
		},
		missing:
			missing.length === 0
				? t('vsme.complete')
				: t('vsme.missing', { list: formatList(locale, missing) }),
		notes,
		notCovered: t('vsme.not_covered')
	};
}
