import type { Locale } from '$lib/i18n/locales';
import { localize } from '$lib/questionnaire/localize';
import { profileFacts } from '$lib/questionnaire/profile';
import type { SymbiosisUnit } from '$lib/symbiosis/categories';
import { encodeMatchKey, type MatchKey } from '$lib/symbiosis/match-key';
import { pairMatches, type Centre, type Match } from '$lib/symbiosis/matches';
import { catalogue, questionnaire } from '../content';
import { db } from '../db';
import * as auditLog from '../db/audit-log';
import type { Chamber } from '../db/chambers';
import * as respondents from '../db/respondents';
import * as symbiosis from '../db/symbiosis';
import * as introductions from '../db/symbiosis-introductions';

/*
 * The chamber's potential symbiosis matches between its consenting firms, computed from the current listings on
 * every read (never stored), so that a withdrawn consent or an erased assessment takes a firm out at once.
 */

/** One side of a match: the firm and what it lists. */
export interface MatchFirm {
	/** The name and contact the firm gave in its profile; null for a viewer (personal data) or when not given. */
	name: string | null;
	contact: string | null;
	quantityPerYear: number;
	unit: SymbiosisUnit;
	/** Where the item is; null when neither the item nor the firm says. */
	province: { code: string; name: string } | null;
}

/** A potential match as the chamber's page, API and export show it. */
export interface MatchLine {
	/** What the introduce form posts back: administrators only, null for a viewer. */
	key: MatchKey | null;
	category: { id: string; name: string };
	offer: MatchFirm;
	need: MatchFirm;
	/** Whole kilometres between the provinces' centres; 0 within one province; null when unknown. */
	distanceKm: number | null;
	/** When the chamber introduced the two firms and who did (null when that account is gone). */
	introduced: { at: string; by: string | null } | null;
}

/** The pair of firms and the category of a match, as an introduction records them. */
const matchKey = (match: Match): MatchKey => ({
	offerAssessmentId: match.offer.assessmentId,
	needAssessmentId: match.need.assessmentId,
	category: match.category
});

/** The provinces' centres by plate code, for the distances. */
function centres(): Map<string, Centre> {
	return new Map(
		catalogue().provinces.flatMap((province) =>
			province.lat === undefined || province.lon === undefined
				? []
				: [[province.code, { lat: province.lat, lon: province.lon }]]
		)
	);
}

/** The chamber's current matches as pairs of items; none when the exchange is not offered. */
async function pairs(chamber: Chamber): Promise<Match<symbiosis.ChamberItem>[]> {
	const categories = catalogue().symbiosis?.categories;
	if (!categories) return [];
	const items = await symbiosis.chamberItems(db(), chamber.id);
	return pairMatches(
		items,
		centres(),
		categories.map((category) => category.id)
	);
}

/**
 * The chamber's matches, closest first; empty when the exchange is not offered. `withNames` (owners and
 * administrators only) adds each firm's name and contact and the key the introduce form needs.
 */
export async function chamberMatches(
	chamber: Chamber,
	locale: Locale,
	withNames: boolean
): Promise<MatchLine[]> {
	const categories = catalogue().symbiosis?.categories ?? [];
	const matches = await pairs(chamber);
	if (matches.length === 0) return [];
	const introduced = new Map(
		(await introductions.forChamber(db(), chamber.id)).map((entry) => [
			encodeMatchKey(entry),
			entry
		])
	);
	const ids = new Set(
		matches.flatMap((match) => [match.offer.assessmentId, match.need.assessmentId])
	);
	const answers = withNames
		? await respondents.consentingAnswers(db(), chamber.id, [...ids], 'symbiosis')
		: new Map();
	const definition = questionnaire();
	const names = new Map(catalogue().provinces.map((province) => [province.code, province.name]));
	const categoryNames = new Map(
		categories.map((category) => [category.id, localize(category.name, locale)])
	);
	const firm = (item: symbiosis.ChamberItem): MatchFirm => {
		const facts = answers.has(item.assessmentId)
			? profileFacts(definition, answers.get(item.assessmentId))
			: {};
		return {
			name: facts.companyName ?? null,
			contact: facts.contactEmail ?? null,
			quantityPerYear: item.quantityPerYear,
			unit: item.unit,
			province: item.province
				? { code: item.province, name: names.get(item.province) ?? item.province }
				: null
		};
	};
	return matches.map((match) => {
		const key = matchKey(match);
		const introduction = introduced.get(encodeMatchKey(key));
		return {
			key: withNames ? key : null,
			category: { id: match.category, name: categoryNames.get(match.category) ?? match.category },
			offer: firm(match.offer),
			need: firm(match.need),
			distanceKm: match.distanceKm === null ? null : Math.round(match.distanceKm),
			introduced: introduction ? { at: introduction.at, by: introduction.by } : null
		};
	});
}

/** The dashboard's matches; null when the exchange is not offered, so that the page shows no section for it. */
export async function dashboardMatches(
	chamber: Chamber,
	locale: Locale,
	withNames: boolean
): Promise<MatchLine[] | null> {
	return catalogue().symbiosis ? chamberMatches(chamber, locale, withNames) : null;
}

/**
 * Records that `userId` introduced the firms of a current match of the chamber; audited once. `gone` when the pair
 * is no longer a match (a firm withdrew, re-assessed or was erased since the page was shown, or the key was never
 * one of this chamber's); `already` when it was introduced before, which keeps the first record.
 */
export async function introduce(
	userId: string,
	chamber: Chamber,
	key: MatchKey,
	now = new Date()
): Promise<'introduced' | 'already' | 'gone'> {
	const wanted = encodeMatchKey(key);
	const current = await pairs(chamber);
	if (!current.some((match) => encodeMatchKey(matchKey(match)) === wanted)) return 'gone';
	const recorded = await introductions.record(db(), chamber.id, key, userId, now);
	if (!recorded) return 'already';
	await auditLog.record(db(), {
		actor: userId,
		action: 'chamber.symbiosis_introduce',
		target: `${chamber.slug}:${key.offerAssessmentId}:${key.needAssessmentId}:${key.category}`
	});
	return 'introduced';
}
