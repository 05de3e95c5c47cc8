import { chamberParticipation, type StatisticsOptions } from '../aggregates';
import { config } from '../config';
import { catalogue, questionnaire } from '../content';
import { db } from '../db';
import * as auditLog from '../db/audit-log';
import * as chambers from '../db/chambers';
import { campaignsOf } from './campaign-service';

/*
 * A chamber's targets and progress outside the dashboard: its campaigns' counts for the campaigns page, and the
 * chamber-wide target its administrators set.
 */

/** The statistics' options as the server runs: its minimum group size and the questionnaire's levels, themes and sizes. */
export function statisticsOptions(compareAllChambers = false): StatisticsOptions {
	const definition = questionnaire();
	return {
		minGroupSize: config().minGroupSize,
		levels: definition.levels.map((level) => level.id),
		themes: definition.themes.map((theme) => theme.id),
		sizeClasses: definition.sizeClasses.map((size) => size.id),
		symbiosisCategories: catalogue().symbiosis?.categories.map((category) => category.id),
		compareAllChambers
	};
}

/**
 * The chamber's campaigns, newest first, each with its progress (started, submitted, completion, against its
 * target) under the dashboard's rules: the figures are those of `chamberStatistics`' `participation`.
 */
export async function campaignsWithProgress(chamberId: string) {
	const [list, progress] = await Promise.all([
		campaignsOf(chamberId),
		chamberParticipation(db(), chamberId, statisticsOptions())
	]);
	const byId = new Map(progress.byCampaign.map((figures) => [figures.campaignId, figures]));
	return list.map((campaign) => ({ ...campaign, progress: byId.get(campaign.id)! }));
}

/** Sets or (with undefined) removes the chamber's target number of member firms; audited. */
export async function setChamberTarget(
	actor: string,
	chamberId: string,
	target: number | undefined
): Promise<void> {
	await chambers.setTargetFirms(db(), chamberId, target ?? null);
	await auditLog.record(db(), { actor, action: 'chamber.target', target: chamberId });
}
