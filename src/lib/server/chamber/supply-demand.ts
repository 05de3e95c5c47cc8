import { z } from 'zod';
import type { Locale } from '$lib/i18n/locales';
import { localize } from '$lib/questionnaire/localize';
import {
	chamberSupplyDemand,
	regionSupplyDemand,
	type StatisticsFilters,
	type SupplyDemandRow
} from '../aggregates';
import { catalogue } from '../content';
import { db } from '../db';
import * as auditLog from '../db/audit-log';
import * as chambers from '../db/chambers';
import type { Chamber } from '../db/chambers';
import { statisticsOptions } from './progress-service';

/*
 * The chamber's symbiosis supply–demand counts outside its dashboard's statistics: for its symbiosis API, and the
 * sharing of the counts with the other chambers of its development-agency region.
 */

/**
 * Per category, the firms offering and needing it in the view `filters` select, withheld counts as null: the
 * `supplyDemand` of the chamber's symbiosis API, the same rows as the dashboard's.
 */
export async function supplyDemandOf(
	chamber: Chamber,
	filters: StatisticsFilters = {}
): Promise<SupplyDemandRow[]> {
	return chamberSupplyDemand(db(), chamber.id, filters, statisticsOptions());
}

/** What the dashboard shows of the regional sharing; null when the exchange is not offered. */
export interface SupplyDemandSharing {
	/** The name of the chamber's development-agency region; null when its province is not set or in none. */
	region: string | null;
	/** Whether the chamber shares its counts (and so sees the region's). */
	shares: boolean;
	/** While it shares: how many chambers of the region share, and their summed table. */
	regional: { chambers: number; rows: SupplyDemandRow[] } | null;
}

/** The development-agency region of the chamber's province, as regions.yaml lists it. */
function regionOf(chamber: Chamber) {
	if (chamber.province === null) return undefined;
	return catalogue().regions.find((region) => region.provinces.includes(chamber.province!));
}

/**
 * Whether the chamber shares its counts with its region and, only if it does, the region's counts summed over the
 * chambers that share (itself included): a chamber that does not share sees no other chamber's figures.
 */
export async function supplyDemandSharing(
	chamber: Chamber,
	locale: Locale
): Promise<SupplyDemandSharing | null> {
	if (catalogue().symbiosis === undefined) return null;
	const region = regionOf(chamber);
	const shares = await chambers.sharesSupplyDemand(db(), chamber.id);
	if (!region) return { region: null, shares, regional: null };
	const name = localize(region.name, locale);
	if (!shares) return { region: name, shares, regional: null };
	const sharing = await chambers.sharingSupplyDemand(db(), region.provinces);
	return {
		region: name,
		shares,
		regional: {
			chambers: sharing.length,
			rows: await regionSupplyDemand(db(), sharing, statisticsOptions())
		}
	};
}

/** The sharing form: `yes` turns it on, `no` off. */
export const sharingInput = z.object({
	shares: z
		.enum(['yes', 'no'], { error: 'supply.error_shares' })
		.transform((value) => value === 'yes')
});

/** Turns the sharing with the region on or off; audited. */
export async function setSupplyDemandSharing(
	actor: string,
	chamber: Chamber,
	shares: boolean
): Promise<void> {
	await chambers.setSharesSupplyDemand(db(), chamber.id, shares);
	await auditLog.record(db(), {
		actor,
		action: shares ? 'chamber.supply_demand_shared' : 'chamber.supply_demand_unshared',
		target: chamber.id
	});
}
