/**
 * The CBAM screen: from a few answers, two separate findings. **Exposure**: whether the EU's Carbon Border
 * Adjustment Mechanism touches the firm's goods, directly (it sells them to the EU) or indirectly (it sells them or
 * their precursors to a Turkish firm that exports them), and whether its importer is likely above the 50-tonne yearly
 * threshold. **Readiness**: which emission data the firm can give. In the definitive period (from 1 January 2026)
 * only actual emissions checked by an accredited verifier count; otherwise the importer pays on default values with
 * a mark-up, so an unverified estimate is not partial readiness. Rules from Regulation (EU) 2023/956 as simplified by
 * Regulation (EU) 2025/2083 (a 50-tonne threshold per importer for iron and steel, aluminium, fertilisers and
 * cement, none for electricity and hydrogen).
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
	cbam_route: ['direct', 'via_exporter', 'not_eu'],
	cbam_tonnage: ['under50', 'over50', 'unknown'],
	cbam_data: ['none', 'estimate', 'verified']
} as const;

type RoleOption<Role extends keyof typeof CBAM_ROLE_OPTIONS> =
	(typeof CBAM_ROLE_OPTIONS)[Role][number];

export interface CbamAnswers {
	goods?: RoleOption<'cbam_goods'>;
	/** Who takes the covered goods to the EU: the firm itself, a Turkish exporter it supplies, or nobody. */
	route?: RoleOption<'cbam_route'>;
	sectors?: readonly string[];
	tonnage?: RoleOption<'cbam_tonnage'>;
	data?: RoleOption<'cbam_data'>;
}

/**
 * From not exposed to certainly in scope. `likely`: covered goods sold to the EU directly in a quantity the firm
 * does not know; the threshold counts everything the importer buys from all its suppliers, so a covered importer is
 * the likely case and the screen says so rather than guessing a tonnage.
 */
export const cbamExposures = [
	'none',
	'unsure',
	'below_threshold',
	'indirect',
	'likely',
	'in_scope'
] as const;
export type CbamExposure = (typeof cbamExposures)[number];

/** The data the firm can give its importer, from the best to none. */
export const cbamReadinesses = ['verified', 'estimate', 'none'] as const;
export type CbamReadiness = (typeof cbamReadinesses)[number];

export type CbamExposureReason =
	| 'goods_not_answered'
	| 'goods_not_covered'
	| 'goods_unsure'
	| 'goods_not_to_eu'
	| 'route_unknown'
	| 'goods_covered_direct'
	| 'goods_covered_indirect'
	| 'no_threshold'
	| 'over_threshold'
	| 'under_threshold'
	| 'tonnage_unknown';

export type CbamReadinessReason = 'data_verified' | 'data_estimate' | 'data_missing';

export type CbamAction =
	| 'watch_scope'
	| 'check_codes'
	| 'talk_to_importer'
	| 'talk_to_exporter'
	| 'measure_embedded'
	| 'verify_data'
	| 'reduce_emissions'
	| 'domestic_carbon_price';

/** The resources (ids in resources.yaml) each action points to. */
export const CBAM_ACTION_RESOURCES: Record<CbamAction, readonly string[]> = {
	watch_scope: ['cbam-taxud', 'cbam-pwc'],
	check_codes: ['cbam-pwc', 'cbam-omnibus'],
	talk_to_importer: ['cbam-taxud', 'cbam-omnibus'],
	talk_to_exporter: ['cbam-taxud', 'cbam-omnibus'],
	measure_embedded: ['etkb-emisyon-faktorleri', 'iso-14064-ghg-protocol', 'cbam-omnibus'],
	verify_data: ['cbam-omnibus', 'cbam-pwc'],
	reduce_emissions: ['kosgeb-yesil-sanayi', 'geff-turkiye'],
	domestic_carbon_price: ['iklim-kanunu', 'ets-taslak']
};

export interface CbamScreen {
	exposure: { value: CbamExposure; reasons: CbamExposureReason[] };
	/** Null when the firm is not exposed or was not asked. */
	readiness: { value: CbamReadiness; reasons: CbamReadinessReason[] } | null;
	actions: CbamAction[];
}

/** The screen as results submitted under questionnaire 1.x stored it: one level mixing both findings. */
export interface LegacyCbamScreen {
	level: 'none' | 'check' | 'low' | 'medium' | 'high';
	reasons: string[];
	actions: CbamAction[];
}

export const isLegacyCbam = (screen: CbamScreen | LegacyCbamScreen): screen is LegacyCbamScreen =>
	'level' in screen;

function screenExposure(answers: CbamAnswers): CbamScreen['exposure'] {
	// Not answered happens only where the goods question is optional or hidden: nothing says the firm is exposed.
	if (answers.goods === undefined) return { value: 'none', reasons: ['goods_not_answered'] };
	if (answers.goods === 'no') return { value: 'none', reasons: ['goods_not_covered'] };
	if (answers.goods === 'unsure') return { value: 'unsure', reasons: ['goods_unsure'] };
	if (answers.route === 'not_eu') return { value: 'none', reasons: ['goods_not_to_eu'] };
	if (answers.route === undefined) return { value: 'unsure', reasons: ['route_unknown'] };
	if (answers.route === 'via_exporter')
		return { value: 'indirect', reasons: ['goods_covered_indirect'] };

	const reasons: CbamExposureReason[] = ['goods_covered_direct'];
	if ((answers.sectors ?? []).some((sector) => WITHOUT_THRESHOLD.has(sector))) {
		return { value: 'in_scope', reasons: [...reasons, 'no_threshold'] };
	}
	switch (answers.tonnage) {
		case 'over50':
			return { value: 'in_scope', reasons: [...reasons, 'over_threshold'] };
		case 'under50':
			return { value: 'below_threshold', reasons: [...reasons, 'under_threshold'] };
		default:
			return { value: 'likely', reasons: [...reasons, 'tonnage_unknown'] };
	}
}

const READINESS_REASON: Record<CbamReadiness, CbamReadinessReason> = {
	verified: 'data_verified',
	estimate: 'data_estimate',
	none: 'data_missing'
};

function screenReadiness(
	exposure: CbamExposure,
	data: CbamAnswers['data']
): CbamScreen['readiness'] {
	if (exposure === 'none' || data === undefined) return null;
	return { value: data, reasons: [READINESS_REASON[data]] };
}

/** What to do next: first find out, then get verified data to the customer, then lower what it measures. */
function actionsFor(exposure: CbamExposure, readiness: CbamReadiness | undefined): CbamAction[] {
	if (exposure === 'none') return ['watch_scope'];
	if (exposure === 'unsure') return ['check_codes', 'talk_to_importer'];
	const data: CbamAction[] =
		readiness === 'verified'
			? []
			: readiness === 'estimate'
				? ['verify_data']
				: ['measure_embedded'];
	if (exposure === 'indirect') return ['talk_to_exporter', ...data, 'reduce_emissions'];
	if (exposure === 'below_threshold') return ['talk_to_importer', ...data, 'watch_scope'];
	return ['talk_to_importer', ...data, 'reduce_emissions', 'domestic_carbon_price'];
}

export function screenCbam(answers: CbamAnswers): CbamScreen {
	const exposure = screenExposure(answers);
	const readiness = screenReadiness(exposure.value, answers.data);
	return { exposure, readiness, actions: actionsFor(exposure.value, readiness?.value) };
}
