import type { Locale } from '$lib/i18n/locales';
import { localize } from '$lib/questionnaire/localize';
import { profileFacts } from '$lib/questionnaire/profile';
import { chamberStatistics, DOMINANCE_SHARE, type StatisticsFilters } from '../aggregates';
import { statisticsOptions } from './progress-service';
import { config } from '../config';
import { db } from '../db';
import * as respondents from '../db/respondents';
import * as campaigns from '../db/campaigns';
import type { Chamber } from '../db/chambers';
import { catalogue, questionnaire } from '../content';

/** The names the dashboard shows for the ids in the statistics, in one language. */
export function dashboardLabels(locale: Locale) {
	const definition = questionnaire();
	const sector = definition.profile.questions.find((question) => question.role === 'sector');
	const options = sector?.type === 'single' ? (sector.options ?? []) : [];
	return {
		themes: Object.fromEntries(
			definition.themes.map((theme) => [theme.id, localize(theme.title, locale)])
		),
		levels: Object.fromEntries(
			definition.levels.map((level) => [level.id, localize(level.name, locale)])
		),
		sectors: Object.fromEntries(
			options.map((option) => [option.id, `${option.id} · ${localize(option.label, locale)}`])
		),
		sizes: Object.fromEntries(
			definition.sizeClasses.map((size) => [size.id, localize(size.label, locale)])
		),
		provinces: Object.fromEntries(
			catalogue().provinces.map((province) => [province.code, province.name])
		),
		/** Recommendations by their titles, for the needs. */
		recommendations: Object.fromEntries(
			definition.recommendations.map((item) => [item.id, localize(item.title, locale)])
		),
		/** The symbiosis exchange's categories by name; empty when the exchange is not offered. */
		symbiosisCategories: Object.fromEntries(
			(catalogue().symbiosis?.categories ?? []).map((item) => [
				item.id,
				localize(item.name, locale)
			])
		)
	};
}

export type DashboardLabels = ReturnType<typeof dashboardLabels>;

/**
 * A chamber's statistics for some filters, with the names to show them by: what the dashboard page, the JSON API
 * and the CSV export all start from. Suppression of small groups happens inside `chamberStatistics`, so none of them
 * can show a figure it should not. `compareAllChambers` adds the mean of every chamber's firms, which reads the whole
 * database (about a second at 100,000 assessments), so the page asks for it only when the user ticks it.
 */
export async function chamberDashboard(
	chamber: Chamber,
	filters: StatisticsFilters,
	locale: Locale,
	compareAllChambers = false
) {
	const [statistics, list] = await Promise.all([
		chamberStatistics(db(), chamber.id, filters, statisticsOptions(compareAllChambers)),
		campaigns.listForChamber(db(), chamber.id)
	]);
	return {
		statistics,
		labels: dashboardLabels(locale),
		campaigns: list.map((campaign) => ({ id: campaign.id, name: campaign.name })),
		minGroupSize: config().minGroupSize,
		/** The share of a carbon total above which its two largest contributions withhold it. */
		dominanceShare: DOMINANCE_SHARE
	};
}

export type ChamberDashboard = Awaited<ReturnType<typeof chamberDashboard>>;

/** One consenting firm as the chamber sees it: who, how to reach them, when, and at which level. */
export interface RespondentLine {
	company: string;
	contact: string;
	submittedAt: string;
	level: string;
}

/**
 * A page of the firms that consented to share their identity with this chamber (nobody else is ever listed),
 * newest first; `next` continues after the last one.
 */
export async function respondentPage(
	chamber: Chamber,
	locale: Locale,
	page: { limit: number; after?: { submittedAt: string; id: string } }
): Promise<{ lines: RespondentLine[]; next?: { submittedAt: string; id: string } }> {
	const definition = questionnaire();
	const levels = dashboardLabels(locale).levels;
	const rows = await respondents.consenting(db(), chamber.id, page);
	const last = rows.at(-1);
	return {
		lines: rows.map((row) => {
			const facts = profileFacts(definition, row.answers);
			return {
				company: facts.companyName ?? '',
				contact: facts.contactEmail ?? '',
				submittedAt: row.submittedAt,
				level: row.level ? (levels[row.level] ?? row.level) : ''
			};
		}),
		next:
			last && rows.length === page.limit
				? { submittedAt: last.submittedAt, id: last.id }
				: undefined
	};
}
