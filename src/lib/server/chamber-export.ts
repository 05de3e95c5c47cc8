import { emissionBandLabel } from '$lib/charts/chamber';
import { createTranslator, type Locale, type Translate } from '$lib/i18n';
import type { ChamberDashboard } from './chamber/chamber-dashboard';
import type { Row } from './export/csv';

/** The carbon figures as rows: the three totals (tonnes in the last column), then firms per band and CBAM level. */
function carbonRows(
	carbon: ChamberDashboard['statistics']['carbon'],
	t: Translate,
	locale: Locale
): Row[] {
	const section = t('dashboard.carbon_title');
	const totals = [
		[t('dashboard.carbon_scope1'), carbon.scope1],
		[t('dashboard.carbon_scope2'), carbon.scope2],
		[t('dashboard.carbon_total'), carbon.total]
	] as const;
	return [
		...totals.map(([name, tonnes]) => [section, name, carbon.firms, null, null, tonnes]),
		...carbon.emissionBands.map((band) => [
			t('dashboard.carbon_bands'),
			emissionBandLabel(locale, band),
			band.firms
		]),
		...carbon.cbamExposure.map((level) => [
			t('dashboard.cbam_levels'),
			t(`dashboard.cbam_level_${level.level}`),
			level.firms
		])
	];
}

/**
 * The dashboard's figures as CSV rows, one figure group per row (section, group, firms, mean, median, tonnes CO2e),
 * so a chamber can sort and chart them in a spreadsheet. A suppressed figure is an empty cell, never a number.
 */
export async function aggregateRows(
	dashboard: ChamberDashboard,
	locale: Locale
): Promise<{ header: Row; rows: Row[] }> {
	const t = await createTranslator(locale);
	const { statistics: s, labels } = dashboard;
	const name = (names: Record<string, string>, key: string | null) =>
		key === null ? t('dashboard.unknown') : (names[key] ?? key);
	const rows: Row[] = [];
	if (!s.suppressed) {
		rows.push([
			t('dashboard.summary'),
			t('dashboard.all_firms'),
			s.firms,
			s.overall.mean,
			s.overall.median
		]);
		for (const theme of s.themes)
			rows.push([
				t('dashboard.themes'),
				labels.themes[theme.id] ?? theme.id,
				theme.firms,
				theme.mean,
				theme.median
			]);
		for (const level of s.levels)
			rows.push([
				t('dashboard.levels'),
				labels.levels[level.id] ?? level.id,
				level.firms,
				null,
				null
			]);
		for (const band of s.scoreBands)
			rows.push([t('dashboard.bands'), `${band.min}–${band.max}`, band.firms, null, null]);
		const breakdowns = [
			[t('dashboard.by_sector'), s.bySector, labels.sectors],
			[t('dashboard.by_size'), s.bySize, labels.sizes],
			[t('dashboard.by_province'), s.byProvince, labels.provinces]
		] as const;
		for (const [section, { groups, withheld }, names] of breakdowns) {
			for (const group of groups)
				rows.push([section, name(names, group.key), group.firms, group.overallMean, null]);
			// The withheld groups as one row without their keys, as on the page.
			if (withheld)
				rows.push([
					section,
					t('dashboard.withheld_groups'),
					withheld.firms,
					withheld.overallMean,
					null
				]);
		}
		if (s.allChambers && !s.allChambers.suppressed) {
			const section = t('dashboard.all_chambers_label');
			rows.push([
				section,
				t('dashboard.all_firms'),
				s.allChambers.firms,
				s.allChambers.overallMean,
				null
			]);
			for (const theme of s.allChambers.themes)
				rows.push([section, labels.themes[theme.id] ?? theme.id, null, theme.mean, null]);
		}
		rows.push(...carbonRows(s.carbon, t, locale));
	}
	const header = [
		t('dashboard.csv_section'),
		t('dashboard.group_col'),
		t('dashboard.firms_col'),
		t('dashboard.mean'),
		t('dashboard.median_col'),
		t('dashboard.carbon_tonnes_col')
	];
	// Every row as wide as the header, so that a spreadsheet sees one table.
	const padding = (row: Row) => Array.from({ length: header.length - row.length }, () => null);
	return { header, rows: rows.map((row) => [...row, ...padding(row)]) };
}
