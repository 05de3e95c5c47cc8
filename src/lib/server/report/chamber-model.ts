import { emissionBandLabel } from '$lib/charts/chamber';
import { themeBarChart } from '$lib/charts/results';
import { createTranslator, type Locale, type Translate } from '$lib/i18n';
import { formatDate, formatNumber } from '$lib/i18n/format';
import type { ChamberDashboard } from '../chamber/chamber-dashboard';
import type { FiltersQuery } from '../chamber/chamber-filters';
import type { Chamber } from '../db/chambers';
import type { ChamberReportModel, ChamberReportSection } from './chamber-document';

/**
 * The carbon estimate and CBAM screen as the dashboard shows them: what the figures are, the totals or why they are
 * withheld, then firms per emission band and per CBAM level.
 */
function carbonSections(
	dashboard: ChamberDashboard,
	t: Translate,
	locale: Locale,
	figure: (value: number | null) => string
): ChamberReportSection[] {
	const carbon = dashboard.statistics.carbon;
	const min = formatNumber(locale, dashboard.minGroupSize);
	const share = formatNumber(locale, dashboard.dominanceShare, { style: 'percent' });
	const firmsCol = t('dashboard.firms_col');
	const estimated = carbon.withheld.firms === null && carbon.firms !== 0;
	const dominated = Object.values(carbon.withheld).includes('dominated');
	const scopesFollow = carbon.total !== null && carbon.scope1 === null;
	const summary: ChamberReportSection = {
		heading: t('dashboard.carbon_title'),
		paragraphs: [
			t('dashboard.carbon_note'),
			carbon.withheld.firms
				? t(`dashboard.carbon_withheld_${carbon.withheld.firms}`, { min })
				: carbon.firms === 0
					? t('dashboard.carbon_no_firms')
					: t('dashboard.carbon_firms', { firms: figure(carbon.firms) }),
			...(estimated && dominated ? [t('dashboard.carbon_withheld_dominated', { share })] : []),
			...(estimated && scopesFollow ? [t('dashboard.carbon_withheld_scopes')] : [])
		],
		bars: [],
		table: estimated
			? {
					head: [t('dashboard.carbon_scope_col'), t('dashboard.carbon_tonnes_col')],
					rows: [
						[t('dashboard.carbon_scope1'), figure(carbon.scope1)],
						[t('dashboard.carbon_scope2'), figure(carbon.scope2)],
						[t('dashboard.carbon_total'), figure(carbon.total)]
					]
				}
			: undefined
	};
	const bands: ChamberReportSection = {
		heading: t('dashboard.carbon_bands'),
		paragraphs: [],
		bars: [],
		table: {
			head: [t('dashboard.carbon_band_col'), firmsCol],
			rows: carbon.emissionBands.map((band) => [
				emissionBandLabel(locale, band),
				figure(band.firms)
			])
		}
	};
	const screened = carbon.cbamExposure.some((level) => level.firms !== 0);
	const cbam: ChamberReportSection = {
		heading: t('dashboard.cbam_levels'),
		paragraphs: [screened ? t('dashboard.cbam_lead') : t('dashboard.cbam_no_firms')],
		bars: [],
		table: screened
			? {
					head: [t('dashboard.cbam_level_col'), firmsCol],
					rows: carbon.cbamExposure.map((level) => [
						t(`dashboard.cbam_level_${level.level}`),
						figure(level.firms)
					])
				}
			: undefined
	};
	return estimated ? [summary, bands, cbam] : [summary, cbam];
}

/**
 * The chamber's aggregate report from its dashboard figures, in one language. Suppressed figures come through as
 * `null` and are printed as a dash with the reason in the text, exactly as on the page.
 */
export async function chamberReportModel(
	chamber: Chamber,
	dashboard: ChamberDashboard,
	query: FiltersQuery,
	locale: Locale,
	now = new Date()
): Promise<ChamberReportModel> {
	const t = await createTranslator(locale);
	const { statistics: s, labels } = dashboard;
	const figure = (value: number | null) =>
		value === null ? '–' : formatNumber(locale, value, { maximumFractionDigits: 1 });
	const min = formatNumber(locale, dashboard.minGroupSize);
	const name = (names: Record<string, string>, key: string | null) =>
		key === null ? t('dashboard.unknown') : (names[key] ?? key);
	const campaign = dashboard.campaigns.find((item) => item.id === query.campaign)?.name;
	const filters = [
		campaign && `${t('dashboard.filter_campaign')}: ${campaign}`,
		query.sector && `${t('dashboard.filter_sector')}: ${name(labels.sectors, query.sector)}`,
		query.size && `${t('dashboard.filter_size')}: ${name(labels.sizes, query.size)}`,
		query.province && `${t('dashboard.filter_province')}: ${name(labels.provinces, query.province)}`
	].filter(Boolean);
	const others = new Map(s.allChambers?.themes.map((theme) => [theme.id, theme.mean]));
	const chartLabels = { you: chamber.name, peers: t('dashboard.all_chambers_label') };

	const sections: ChamberReportSection[] = s.suppressed
		? [
				{
					heading: t('dashboard.summary'),
					paragraphs: [t(`dashboard.suppressed_${s.suppressed}`, { min })],
					bars: []
				}
			]
		: [
				{
					heading: t('dashboard.summary'),
					paragraphs: [
						t('dashboard.firms', { firms: figure(s.firms) }),
						`${t('dashboard.mean')}: ${figure(s.overall.mean)} / 100 · ${t('dashboard.median', { median: figure(s.overall.median) })}`,
						...(s.allChambers
							? [t('dashboard.all_chambers', { mean: figure(s.allChambers.overallMean) })]
							: [])
					],
					bars: []
				},
				{
					heading: t('dashboard.themes'),
					paragraphs: [],
					bars: s.themes
						.filter((theme) => theme.mean !== null)
						.map((theme) => ({
							title: labels.themes[theme.id] ?? theme.id,
							config: themeBarChart(
								[
									{
										title: labels.themes[theme.id] ?? theme.id,
										colour: labels.themeColours[theme.id],
										score: theme.mean,
										peers: others.get(theme.id) ?? null
									}
								],
								chartLabels
							)
						})),
					table: {
						head: [
							t('results.col_theme'),
							t('dashboard.mean'),
							t('dashboard.median_col'),
							t('dashboard.firms_col')
						],
						rows: s.themes.map((theme) => [
							labels.themes[theme.id] ?? theme.id,
							figure(theme.mean),
							figure(theme.median),
							figure(theme.firms)
						])
					}
				},
				{
					heading: t('dashboard.levels'),
					paragraphs: [],
					bars: [],
					table: {
						head: [t('dashboard.level_col'), t('dashboard.firms_col')],
						rows: s.levels.map((level) => [
							labels.levels[level.id] ?? level.id,
							figure(level.firms)
						])
					}
				},
				...(
					[
						[t('dashboard.by_sector'), s.bySector, labels.sectors],
						[t('dashboard.by_size'), s.bySize, labels.sizes],
						[t('dashboard.by_province'), s.byProvince, labels.provinces]
					] as const
				).map(([heading, { groups, withheld }, names]) =>
					// A breakdown withheld whole names no group, as on the page.
					groups.length === 0 && withheld
						? { heading, paragraphs: [t('dashboard.breakdown_withheld', { min })], bars: [] }
						: {
								heading,
								paragraphs: [],
								bars: [],
								table: {
									head: [t('dashboard.group_col'), t('dashboard.firms_col'), t('dashboard.mean')],
									rows: [
										...groups.map((group) => [
											name(names, group.key),
											figure(group.firms),
											figure(group.overallMean)
										]),
										...(withheld
											? [
													[
														t('dashboard.withheld_groups'),
														figure(withheld.firms),
														figure(withheld.overallMean)
													]
												]
											: [])
									]
								}
							}
				),
				...carbonSections(dashboard, t, locale, figure)
			];

	return {
		locale,
		title: t('dashboard.report_title'),
		chamber: { name: chamber.name, logo: chamber.logo },
		scope: [
			t('dashboard.report_date', { date: formatDate(locale, now) }),
			filters.length > 0 ? filters.join(' · ') : t('dashboard.report_all'),
			t('dashboard.lead', { min })
		],
		sections,
		footer: `${t('app.name')} · ${chamber.name}`,
		// The renderer fills in the numbers once it knows how many pages there are.
		pageOf: t('report.page_of', { skipInterpolation: true })
	};
}
