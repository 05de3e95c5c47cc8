/**
 * The CBAM exposure screen: from a few answers, how strongly the EU's Carbon Border Adjustment Mechanism touches
 * the firm's EU sales, why, and what to do next. Rules from Regulation (EU) 2023/956 as simplified by
 * Regulation (EU) 2025/2083 (definitive period from 1 January 2026; a 50-tonne yearly threshold per importer for
 * iron and steel, aluminium, fertilisers and cement, none for electricity and hydrogen).
 */

/** The covered sectors, as the option ids of the question with role `cbam_sectors`. */
export const CBAM_SECTORS = [
	'cement',
	'iron_steel',
	'aluminium',
	'fertilisers',
	'electricity',
	'hydrogen'
] as const;

/** Sectors the 50-tonne threshold does not apply to: any quantity is in scope. */
const WITHOUT_THRESHOLD = new Set<string>(['electricity', 'hydrogen']);

/** The answers each CBAM role's question must offer (option ids), so the screen can read them. */
export const CBAM_ROLE_OPTIONS = {
	cbam_goods: ['yes', 'no', 'unsure'],
	cbam_tonnage: ['under50', 'over50', 'unknown']
} as const;

export interface CbamAnswers {
	exportsEu?: boolean;
	goods?: 'yes' | 'no' | 'unsure';
	sectors?: readonly string[];
	tonnage?: 'under50' | 'over50' | 'unknown';
	/** How far the firm can give its importer embedded-emission data: the answer's share of its best score. */
	dataReadiness?: number;
}

/** Ordered from no exposure to the strongest. */
export const cbamLevels = ['none', 'check', 'low', 'medium', 'high'] as const;
export type CbamLevel = (typeof cbamLevels)[number];

export type CbamReason =
	| 'no_eu_exports'
	| 'goods_not_covered'
	| 'goods_unsure'
	| 'goods_covered'
	| 'no_threshold'
	| 'over_threshold'
	| 'under_threshold'
	| 'tonnage_unknown'
	| 'data_ready'
	| 'data_partial'
	| 'data_missing';

export type CbamAction =
	| 'watch_scope'
	| 'check_codes'
	| 'talk_to_importer'
	| 'measure_embedded'
	| 'reduce_emissions'
	| 'domestic_carbon_price';

/** The resources (ids in resources.yaml) each action points to. */
export const CBAM_ACTION_RESOURCES: Record<CbamAction, readonly string[]> = {
	watch_scope: ['cbam-taxud', 'cbam-pwc'],
	check_codes: ['cbam-pwc', 'cbam-omnibus'],
	talk_to_importer: ['cbam-taxud', 'cbam-omnibus'],
	measure_embedded: ['etkb-emisyon-faktorleri', 'iso-14064-ghg-protocol', 'cbam-omnibus'],
	reduce_emissions: ['kosgeb-yesil-sanayi', 'geff-turkiye'],
	domestic_carbon_price: ['iklim-kanunu', 'ets-taslak']
};

export interface CbamScreen {
	level: CbamLevel;
	reasons: CbamReason[];
	actions: CbamAction[];
}

/** Full readiness: installation-based data following the method. Below it, the importer falls back on defaults. */
const READY = 1;

export function screenCbam(answers: CbamAnswers): CbamScreen {
	if (answers.exportsEu !== true) {
		return { level: 'none', reasons: ['no_eu_exports'], actions: ['watch_scope'] };
	}
	if (answers.goods === 'no') {
		return { level: 'none', reasons: ['goods_not_covered'], actions: ['watch_scope'] };
	}
	if (answers.goods !== 'yes') {
		return {
			level: 'check',
			reasons: ['goods_unsure'],
			actions: ['check_codes', 'talk_to_importer']
		};
	}

	const reasons: CbamReason[] = ['goods_covered'];
	const anyQuantity = (answers.sectors ?? []).some((sector) => WITHOUT_THRESHOLD.has(sector));
	if (anyQuantity) reasons.push('no_threshold');
	reasons.push(
		answers.tonnage === 'over50'
			? 'over_threshold'
			: answers.tonnage === 'under50'
				? 'under_threshold'
				: 'tonnage_unknown'
	);
	const readiness = answers.dataReadiness;
	const ready = readiness !== undefined && readiness >= READY;
	if (readiness !== undefined) {
		reasons.push(ready ? 'data_ready' : readiness > 0 ? 'data_partial' : 'data_missing');
	}

	// Certainly in scope: a sector without threshold, or enough tonnes for one customer to pass it alone.
	const certain = anyQuantity || answers.tonnage === 'over50';
	let level: CbamLevel = certain ? 'high' : 'medium';
	// Below 50 t to every customer does not exempt them (the threshold counts all their suppliers), but with data
	// ready the firm is in a good position.
	if (!certain && answers.tonnage === 'under50' && ready) level = 'low';
	// Without any data the importer must use the EU's default values, set high on purpose: the cost lands on price.
	if (level === 'medium' && readiness === 0) level = 'high';

	const actions: CbamAction[] = ['talk_to_importer'];
	if (!ready) actions.push('measure_embedded');
	actions.push('reduce_emissions', 'domestic_carbon_price');
	return { level, reasons, actions };
}
