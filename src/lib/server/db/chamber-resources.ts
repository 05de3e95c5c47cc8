import type { Selectable } from 'kysely';
import type { Db } from './connect';
import { newId } from './ids';
import type { ChamberResourceTable } from './schema';

/** What a chamber says about one of its resources; the optional lists are empty for "every". */
export interface ChamberResourceFields {
	titleTr: string;
	titleEn: string | null;
	descriptionTr: string;
	descriptionEn: string | null;
	url: string;
	themes: string[];
	sectors: string[];
	sizeClasses: string[];
	/** The last day it is shown (`2027-03-31`), or null. */
	validUntil: string | null;
}

/** A stored resource with who made and last changed it, and when it was retired (null while active). */
export interface ChamberResource extends ChamberResourceFields {
	id: string;
	createdAt: string;
	createdBy: string;
	updatedAt: string;
	updatedBy: string;
	retiredAt: string | null;
}

const list = (value: string): string[] => JSON.parse(value) as string[];

function fromRow(row: Selectable<ChamberResourceTable>): ChamberResource {
	return {
		id: row.id,
		titleTr: row.title_tr,
		titleEn: row.title_en,
		descriptionTr: row.description_tr,
		descriptionEn: row.description_en,
		url: row.url,
		themes: list(row.themes),
		sectors: list(row.sectors),
		sizeClasses: list(row.size_classes),
		validUntil: row.valid_until,
		createdAt: row.created_at,
		createdBy: row.created_by,
		updatedAt: row.updated_at,
		updatedBy: row.updated_by,
		retiredAt: row.retired_at
	};
}

function toColumns(fields: ChamberResourceFields) {
	return {
		title_tr: fields.titleTr,
		title_en: fields.titleEn,
		description_tr: fields.descriptionTr,
		description_en: fields.descriptionEn,
		url: fields.url,
		themes: JSON.stringify(fields.themes),
		sectors: JSON.stringify(fields.sectors),
		size_classes: JSON.stringify(fields.sizeClasses),
		valid_until: fields.validUntil
	};
}

/** Stores a new resource of the chamber; returns its id. */
export async function create(
	db: Db,
	chamberId: string,
	fields: ChamberResourceFields,
	actor: string,
	now = new Date()
): Promise<string> {
	const id = newId();
	const at = now.toISOString();
	await db
		.insertInto('chamber_resource')
		.values({
			id,
			chamber_id: chamberId,
			...toColumns(fields),
			created_at: at,
			created_by: actor,
			updated_at: at,
			updated_by: actor,
			retired_at: null
		})
		.execute();
	return id;
}

/** Every resource of the chamber, retired ones included, newest first. */
export async function listForChamber(db: Db, chamberId: string): Promise<ChamberResource[]> {
	const rows = await db
		.selectFrom('chamber_resource')
		.selectAll()
		.where('chamber_id', '=', chamberId)
		.orderBy('created_at', 'desc')
		.orderBy('id')
		.execute();
	return rows.map(fromRow);
}

/** One resource, only if it belongs to this chamber: another chamber's id is unknown here. */
export async function findForChamber(
	db: Db,
	chamberId: string,
	id: string
): Promise<ChamberResource | undefined> {
	const row = await db
		.selectFrom('chamber_resource')
		.selectAll()
		.where('chamber_id', '=', chamberId)
		.where('id', '=', id)
		.executeTakeFirst();
	return row && fromRow(row);
}

/** Replaces what a resource of this chamber says; false when the chamber has no such active resource. */
export async function update(
	db: Db,
	chamberId: string,
	id: string,
	fields: ChamberResourceFields,
	actor: string,
	now = new Date()
): Promise<boolean> {
	const result = await db
		.updateTable('chamber_resource')
		.set({ ...toColumns(fields), updated_at: now.toISOString(), updated_by: actor })
		.where('id', '=', id)
		.where('chamber_id', '=', chamberId)
		.where('retired_at', 'is', null)
		.executeTakeFirst();
	return Number(result.numUpdatedRows) > 0;
}

/** Retires an active resource of this chamber; false when the chamber has no such active resource. */
export async function retire(
	db: Db,
	chamberId: string,
	id: string,
	actor: string,
	now = new Date()
): Promise<boolean> {
	const at = now.toISOString();
	const result = await db
		.updateTable('chamber_resource')
		.set({ retired_at: at, updated_at: at, updated_by: actor })
		.where('id', '=', id)
		.where('chamber_id', '=', chamberId)
		.where('retired_at', 'is', null)
		.executeTakeFirst();
	return Number(result.numUpdatedRows) > 0;
}
