import type { Db } from './connect';
import { newId } from './ids';

/** A chamber as the rest of the server sees it. */
export interface Chamber {
	id: string;
	slug: string;
	name: string;
	province: string | null;
	logo: string | null;
}

export interface NewChamber {
	slug: string;
	name: string;
	province?: string | null;
	logo?: string | null;
}

/** Registers a chamber; throws when the slug is taken (it is unique in the database). */
export async function create(db: Db, chamber: NewChamber, now = new Date()): Promise<Chamber> {
	const created: Chamber = {
		id: newId(),
		slug: chamber.slug,
		name: chamber.name,
		province: chamber.province ?? null,
		logo: chamber.logo ?? null
	};
	await db
		.insertInto('chamber')
		.values({ ...created, created_at: now.toISOString() })
		.execute();
	return created;
}

export async function findBySlug(db: Db, slug: string): Promise<Chamber | undefined> {
	return db
		.selectFrom('chamber')
		.select(['id', 'slug', 'name', 'province', 'logo'])
		.where('slug', '=', slug)
		.executeTakeFirst();
}

export async function findById(db: Db, id: string): Promise<Chamber | undefined> {
	return db
		.selectFrom('chamber')
		.select(['id', 'slug', 'name', 'province', 'logo'])
		.where('id', '=', id)
		.executeTakeFirst();
}

/** Every chamber, by name in Turkish order, for the platform administrator. */
export async function listAll(db: Db): Promise<Chamber[]> {
	const rows = await db
		.selectFrom('chamber')
		.select(['id', 'slug', 'name', 'province', 'logo'])
		.execute();
	return rows.sort((a, b) => a.name.localeCompare(b.name, 'tr'));
}

/** Renames the chamber; its slug, and so every link to its pages, stays. */
export async function rename(db: Db, id: string, name: string): Promise<void> {
	await db.updateTable('chamber').set({ name }).where('id', '=', id).execute();
}

/** Replaces the chamber's logo (a `data:` URL already checked by `logoDataUrl`). */
export async function setLogo(db: Db, id: string, logo: string): Promise<void> {
	await db.updateTable('chamber').set({ logo }).where('id', '=', id).execute();
}

/** Whether the chamber requires two-step verification of its viewers (its administrators always need it). */
export async function viewersNeedTwoFactor(db: Db, id: string): Promise<boolean> {
	const row = await db
		.selectFrom('chamber')
		.select('viewers_two_factor')
		.where('id', '=', id)
		.executeTakeFirst();
	return Boolean(row?.viewers_two_factor);
}

/** Switches the chamber's two-step verification requirement for viewers. */
export async function setViewersTwoFactor(db: Db, id: string, required: boolean): Promise<void> {
	await db
		.updateTable('chamber')
		.set({ viewers_two_factor: required ? 1 : 0 })
		.where('id', '=', id)
		.execute();
}

/** How many member firms the chamber aims to reach over all its campaigns; null: no target. */
export async function targetFirms(db: Db, id: string): Promise<number | null> {
	const row = await db
		.selectFrom('chamber')
		.select('target_firms')
		.where('id', '=', id)
		.executeTakeFirst();
	return row?.target_firms ?? null;
}

/** Sets (or with null removes) the chamber's target number of member firms. */
export async function setTargetFirms(db: Db, id: string, target: number | null): Promise<void> {
	await db.updateTable('chamber').set({ target_firms: target }).where('id', '=', id).execute();
}

/** Whether the chamber shares its anonymised supply–demand counts with the opted-in chambers of its region. */
export async function sharesSupplyDemand(db: Db, id: string): Promise<boolean> {
	const row = await db
		.selectFrom('chamber')
		.select('shares_supply_demand')
		.where('id', '=', id)
		.executeTakeFirst();
	return row?.shares_supply_demand === 1;
}

/** Turns the sharing of the chamber's supply–demand counts with its region on or off. */
export async function setSharesSupplyDemand(db: Db, id: string, shares: boolean): Promise<void> {
	await db
		.updateTable('chamber')
		.set({ shares_supply_demand: shares ? 1 : 0 })
		.where('id', '=', id)
		.execute();
}

/** The chambers in these provinces (a region's) that share their supply–demand counts, by id. */
export async function sharingSupplyDemand(db: Db, provinces: readonly string[]): Promise<string[]> {
	if (provinces.length === 0) return [];
	const rows = await db
		.selectFrom('chamber')
		.select('id')
		.where('province', 'in', provinces)
		.where('shares_supply_demand', '=', 1)
		.orderBy('id')
		.execute();
	return rows.map((row) => row.id);
}
