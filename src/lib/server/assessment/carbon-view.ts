import {
	CBAM_ACTION_RESOURCES,
	isLegacyCbam,
	type CbamScreen,
	type LegacyCbamScreen
} from '$lib/carbon/cbam';
import { CBAM_DATES } from '$lib/carbon/cbam-dates';
import type { BandEstimate } from '$lib/carbon/answers';
import type { CarbonEstimate } from '$lib/carbon/estimate';
import type { Locale } from '$lib/i18n/locales';
import { localize } from '$lib/questionnaire/localize';
import type { FirmPlace } from '$lib/questionnaire/resource-scope';
import { catalogue } from '../content';
import { resourceLinks } from './resource-links';

/**
 * A stored estimate with the names and references of its factors in one language. The figures are the ones fixed
 * at submission; names and sources come from the current factors file (a source since removed keeps its id).
 * `bands` are the profile bands that stood in for head count and turnover in the intensities.
 */
export function carbonView(
	estimate: CarbonEstimate | null | undefined,
	locale: Locale,
	bands: BandEstimate[] = []
) {
	if (!estimate) return null;
	const factors = catalogue().emissionFactors;
	const reference = (source: { title: Record<string, string>; url: string } | undefined) =>
		source ? { title: localize(source.title, locale), url: source.url } : null;
	const sources = estimate.sources.map((entry) => {
		const definition = factors?.sources.find((source) => source.id === entry.id);
		const conversion = factors?.conversions.find(
			(candidate) => candidate.id === entry.convertedFrom?.id
		);
		const calorific = factors?.calorificValues.find(
			(candidate) => candidate.id === entry.calorificValue?.id
		);
		return {
			...entry,
			label: localize(definition?.label, locale) ?? entry.id,
			reference: reference(calorific?.source ?? definition?.source),
			convertedFrom: entry.convertedFrom
				? { ...entry.convertedFrom, reference: reference(conversion?.source) }
				: undefined
		};
	});
	return {
		...estimate,
		// Results computed before factors 2.0.0 stored none of these three.
		biogenicCo2T: estimate.biogenicCo2T ?? null,
		renewableShare: estimate.renewableShare ?? null,
		supplierFactor: estimate.supplierFactor ?? null,
		/** The bands behind the intensities shown: a band note only beside a figure that exists. */
		bands: bands.filter((band) =>
			band.role === 'employees' ? estimate.perEmployee !== null : estimate.perMillionTl !== null
		),
		sources,
		/** Each factor source once, with the emission sources it gave the factor for (IPCC covers most fuels). */
		references: referencesOf(sources),
		/** The units of amounts entered twice and not used (Sm³ when the kWh were given too). */
		ignored: estimate.ignored.map(
			(id) => factors?.conversions.find((conversion) => conversion.id === id)?.unit ?? id
		)
	};
}

function referencesOf(
	sources: { label: string; year: number; reference: { title: string; url: string } | null }[]
) {
	const byKey = new Map<string, { title: string; url: string; year: number; labels: string[] }>();
	for (const source of sources) {
		if (!source.reference) continue;
		const key = `${source.reference.url} ${source.reference.title} ${source.year}`;
		const entry = byKey.get(key);
		if (entry) entry.labels.push(source.label);
		else byKey.set(key, { ...source.reference, year: source.year, labels: [source.label] });
	}
	return [...byKey.values()];
}

export type CarbonView = NonNullable<ReturnType<typeof carbonView>>;

/**
 * The CBAM screen with each action's resources as links, only those for the firm (its region's first). A result of
 * questionnaire 1.x keeps its one level and names the version it was submitted under; a current one carries
 * exposure, readiness and the dates that matter.
 */
export function cbamView(
	screen: CbamScreen | LegacyCbamScreen | null | undefined,
	firm: FirmPlace,
	locale: Locale,
	version: string
) {
	if (!screen) return null;
	const actions = screen.actions.map((id) => ({
		id,
		resources: resourceLinks(CBAM_ACTION_RESOURCES[id] ?? [], firm, locale)
	}));
	if (isLegacyCbam(screen)) {
		return {
			kind: 'legacy' as const,
			version,
			level: screen.level,
			reasons: screen.reasons,
			actions
		};
	}
	return {
		kind: 'screen' as const,
		exposure: screen.exposure,
		readiness: screen.readiness,
		actions,
		dates: CBAM_DATES
	};
}

export type CbamView = NonNullable<ReturnType<typeof cbamView>>;
