import { suppressBreakdown } from './suppression';
import type { CampaignActivity, CampaignPeriod, ParticipationWeek } from './types';

/** The Monday (UTC) of the week an ISO timestamp or date falls in. */
function weekOf(instant: string): string {
	const day = new Date(`${instant.slice(0, 10)}T00:00:00Z`);
	day.setUTCDate(day.getUTCDate() - ((day.getUTCDay() + 6) % 7));
	return day.toISOString().slice(0, 10);
}

function nextWeek(week: string): string {
	const day = new Date(`${week}T00:00:00Z`);
	day.setUTCDate(day.getUTCDate() + 7);
	return day.toISOString().slice(0, 10);
}

/**
 * Weekly starts and submissions per campaign, from the campaigns and their assessments' activity as
 * `db/statistics.campaignActivity` reads them. Within a campaign each series gets primary and complementary
 * suppression, as its sum can be worked out elsewhere (the campaign's firm count).
 */
export function participation(
	campaigns: readonly CampaignPeriod[],
	activity: readonly CampaignActivity[],
	min: number,
	now: Date
): ParticipationWeek[] {
	const weeks = new Map<string, Map<string, { started: number; submitted: number }>>(
		campaigns.map((campaign) => [campaign.id, new Map()])
	);
	const count = (campaignId: string, week: string) => {
		const series = weeks.get(campaignId);
		let counts = series?.get(week);
		if (series && !counts) series.set(week, (counts = { started: 0, submitted: 0 }));
		return counts;
	};
	const nowIso = now.toISOString();
	// Thousands of rows fall on a few hundred days: compute each day's week once.
	const weeksOfDays = new Map<string, string>();
	const weekOfDay = (instant: string) => {
		const day = instant.slice(0, 10);
		let week = weeksOfDays.get(day);
		if (week === undefined) weeksOfDays.set(day, (week = weekOf(day)));
		return week;
	};
	for (const campaign of campaigns) {
		// The weeks the campaign was open so far, so that quiet weeks show as 0 rather than vanish.
		const end =
			campaign.closes_at !== null && campaign.closes_at < nowIso ? campaign.closes_at : nowIso;
		if (end <= campaign.opens_at) continue;
		const lastOpen = weekOf(new Date(Date.parse(end) - 1).toISOString());
		for (let week = weekOf(campaign.opens_at); week <= lastOpen; week = nextWeek(week)) {
			count(campaign.id, week);
		}
	}
	for (const row of activity) {
		const started = count(row.campaign_id, weekOfDay(row.created_at));
		if (started) started.started += 1;
		if (row.submitted_at === null) continue;
		const submitted = count(row.campaign_id, weekOfDay(row.submitted_at));
		if (submitted) submitted.submitted += 1;
	}
	return campaigns.flatMap((campaign) => {
		const series = [...weeks.get(campaign.id)!].sort();
		const started = suppressBreakdown(
			series.map(([week, counts]) => ({ key: week, firms: counts.started })),
			min
		);
		const submitted = suppressBreakdown(
			series.map(([week, counts]) => ({ key: week, firms: counts.submitted })),
			min
		);
		return series.map(([week], i) => ({
			campaignId: campaign.id,
			week,
			started: started[i].firms,
			submitted: submitted[i].firms
		}));
	});
}
