import type { Insertable, Selectable } from 'kysely';
import type {
	SymbiosisFrequency,
	SymbiosisItem,
	SymbiosisListing,
	SymbiosisSide
} from '$lib/symbiosis/listing';
import type { Db } from './connect';
import { newId } from './ids';
import { isLatest } from './reassessments';
import type { SymbiosisItemTable } from './schema';

/*
 * A firm's listing in the symbiosis exchange: its items and its consent to be introduced. Rows are read and written
 * here only; what a valid listing is lives in $lib/symbiosis/listing.ts, who may change it in the service.
 */

function fromRow(row: Selectable<SymbiosisItemTable>): SymbiosisItem {
	return {
		category: row.category,
		quantityPerYear: row.quantity_per_year,
		unit: row.unit,
		...(row.hazardous === null ? {} : { hazardous: row.hazardous === 1 }),
		...(row.frequency === null ? {} : { frequency: row.frequency as SymbiosisFrequency }),
		...(row.note === null ? {} : { note: row.note }),
		...(row.province === null ? {} : { province: row.province })
	};
}

function toRows(
	assessmentId: string,
	side: SymbiosisSide,
	items: SymbiosisItem[]
): Insertable<SymbiosisItemTable>[] {
	return items.map((item, position) => ({
		id: newId(),
		assessment_id: assessmentId,
		side,
		category: item.category,
		quantity_per_year: item.quantityPerYear,
		unit: item.unit,
		hazardous: item.hazardous === undefined ? null : item.hazardous ? 1 : 0,
		frequency: item.frequency ?? null,
		note: item.note ?? null,
		province: item.province ?? null,
		position
	}));
}

/** The assessment's listing, each side in the firm's order; an assessment that listed nothing has empty sides. */
export async function listing(db: Db, assessmentId: string): Promise<SymbiosisListing> {
	const rows = await db
		.selectFrom('symbiosis_item')
		.selectAll()
		.where('assessment_id', '=', assessmentId)
		.orderBy('side')
		.orderBy('position')
		.execute();
	const consent = await db
		.selectFrom('assessment')
		.select('symbiosis_consent')
		.where('id', '=', assessmentId)
		.executeTakeFirst();
	return {
		offers: rows.filter((row) => row.side === 'offer').map(fromRow),
		needs: rows.filter((row) => row.side === 'need').map(fromRow),
		consentIntroduce: consent?.symbiosis_consent === 1
	};
}

/**
 * Replaces the listing and the consent in one transaction, so a refusal half-way or two saves at once never leave
 * half a listing. Withdrawn consent is cleared in the same write: the chamber's matches read it, so the firm leaves
 * them at once. Giving it again restarts its time.
 */
export async function replace(
	db: Db,
	assessmentId: string,
	value: SymbiosisListing,
	now = new Date()
): Promise<void> {
	await db.transaction().execute(async (trx) => {
		await trx.deleteFrom('symbiosis_item').where('assessment_id', '=', assessmentId).execute();
		const rows = [
			...toRows(assessmentId, 'offer', value.offers),
			...toRows(assessmentId, 'need', value.needs)
		];
		if (rows.length > 0) await trx.insertInto('symbiosis_item').values(rows).execute();
		const given = await trx
			.selectFrom('assessment')
			.select('symbiosis_consent')
			.where('id', '=', assessmentId)
			.executeTakeFirstOrThrow();
		const unchanged = (given.symbiosis_consent === 1) === value.consentIntroduce;
		if (unchanged) return;
		await trx
			.updateTable('assessment')
			.set(
				value.consentIntroduce
					? { symbiosis_consent: 1, symbiosis_consent_at: now.toISOString() }
					: { symbiosis_consent: 0, symbiosis_consent_at: null }
			)
			.where('id', '=', assessmentId)
			.execute();
	});
}

/**
 * Copies a listing to the assessment that re-assesses it, consent included: the firm confirms or changes both on
 * the new assessment's symbiosis step. Called inside the transaction that creates the new draft.
 */
export async function carryOver(db: Db, fromId: string, toId: string): Promise<void> {
	const { offers, needs, consentIntroduce } = await listing(db, fromId);
	const rows = [...toRows(toId, 'offer', offers), ...toRows(toId, 'need', needs)];
	if (rows.length > 0) await db.insertInto('symbiosis_item').values(rows).execute();
	if (!consentIntroduce) return;
	const from = await db
		.selectFrom('assessment')
		.select('symbiosis_consent_at')
		.where('id', '=', fromId)
		.executeTakeFirstOrThrow();
	await db
		.updateTable('assessment')
		.set({ symbiosis_consent: 1, symbiosis_consent_at: from.symbiosis_consent_at })
		.where('id', '=', toId)
		.execute();
}

/** An item listed by one of a chamber's firms, with what the chamber's tables and matches group it by. */
export interface ChamberItem extends SymbiosisItem {
	side: SymbiosisSide;
	/** The firm's latest submitted assessment. */
	assessmentId: string;
	/** Where the item is: the item's own province, else the firm's; null when neither is known. */
	province?: string;
	/** Whether the firm lets the chamber introduce it (its identity may then be shown with the match). */
	consenting: boolean;
	campaignId: string | null;
	sector: string | null;
	sizeClass: string | null;
}

/**
 * Every item listed by the chamber's firms, one assessment per firm (its latest submitted), in the firms' order.
 * The chamber's supply–demand table counts all of them under the small-group rules; matches and "a match exists"
 * use only the consenting ones.
 */
export async function chamberItems(db: Db, chamberId: string): Promise<ChamberItem[]> {
	const rows = await db
		.selectFrom('symbiosis_item as i')
		.innerJoin('assessment as a', 'a.id', 'i.assessment_id')
		.selectAll('i')
		.select([
			'a.symbiosis_consent',
			'a.campaign_id',
			'a.sector',
			'a.size_class',
			'a.province as firm_province'
		])
		.where('a.chamber_id', '=', chamberId)
		.where('a.status', '=', 'submitted')
		.where(isLatest)
		.orderBy('a.submitted_at')
		.orderBy('i.assessment_id')
		.orderBy('i.side')
		.orderBy('i.position')
		.execute();
	return rows.map((row) => {
		const province = row.province ?? row.firm_province;
		return {
			...fromRow(row),
			...(province === null ? {} : { province }),
			side: row.side,
			assessmentId: row.assessment_id,
			consenting: row.symbiosis_consent === 1,
			campaignId: row.campaign_id,
			sector: row.sector,
			sizeClass: row.size_class
		};
	});
}
