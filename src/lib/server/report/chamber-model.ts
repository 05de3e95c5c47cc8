import { themeBarChart } from '$lib/charts/results';
import { createTranslator, type Locale } from '$lib/i18n';
import { formatDate, formatNumber } from '$lib/i18n/format';
import type { ChamberDashboard } from '../chamber-dashboard';
import type { FiltersQuery } from '../chamber-filters';
import type { Chamber } from '../db/chambers';
import type { ChamberReportModel, ChamberReportSection } from './chamber-document';

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
		query.province &&
			`${t('dashboard.filter_province')}: ${name(labels.provinces, query.province)}`,
		query.from && `${t('dashboard.filter_from')}: ${query.from}`,
		query.to && `${t('dashboard.filter_to')}: ${query.to}`
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
				).map(([heading, groups, names]) => ({
					heading,
					paragraphs: [],
					bars: [],
					table: {
						head: [t('dashboard.group_col'), t('dashboard.firms_col'), t('dashboard.mean')],
						rows: groups.map((group) => [
							name(names, group.key),
							figure(group.firms),
							figure(group.overallMean)
						])
					}
				}))
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
