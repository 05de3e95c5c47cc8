import type { Locale } from '$lib/i18n/locales';
import type { SymbiosisItemView, SymbiosisView } from '$lib/presenters/symbiosis';
import { profileFacts } from '$lib/questionnaire/profile';
import { localize } from '$lib/questionnaire/localize';
import type { StepOptions } from '$lib/questionnaire/steps';
import { mayBeHazardous, SYMBIOSIS_UNITS } from '$lib/symbiosis/categories';
import {
	listingSchema,
	SYMBIOSIS_FREQUENCIES,
	type SymbiosisItem,
	type SymbiosisListing,
	type SymbiosisSide
} from '$lib/symbiosis/listing';
import { catalogue } from '../content';
import { db } from '../db';
import * as reassessments from '../db/reassessments';
import * as symbiosisItems from '../db/symbiosis';
import type { Opened } from './assessment-service';

/*
 * The firm's side of the symbiosis exchange: its listing (filled on the optional step while drafting, edited on the
 * results page once submitted), and whether its chamber has a firm on the other side of each item. Never a
 * counterpart's name: the chamber makes the introduction. Without a categories file the exchange is not offered.
 */

/** Whether this installation offers the exchange (it ships a categories file). */
export function offered(): boolean {
	return catalogue().symbiosis !== undefined;
}

/** The steps an assessment has here: the symbiosis step only where the exchange is offered. */
export function stepOptions(): StepOptions {
	return { symbiosis: offered() };
}

function categories() {
	const file = catalogue().symbiosis;
	if (!file) throw new Error('the symbiosis exchange is not offered (no categories file)');
	return file;
}

/** The schema of a whole listing (the API's PUT and the step's form, once read into its shape). */
export function schema() {
	return listingSchema(
		categories().categories,
		catalogue().provinces.map((province) => province.code)
	);
}

/** The listing as stored; an assessment that listed nothing has empty sides and no consent. */
export function listingOf(opened: Opened): Promise<SymbiosisListing> {
	return symbiosisItems.listing(db(), opened.assessment.id);
}

/**
 * Replaces the listing and the consent to be introduced (input already validated with `schema`). A draft and a
 * submitted assessment alike: the listing is no answer of the questionnaire and scores nothing.
 */
export async function save(opened: Opened, listing: SymbiosisListing): Promise<void> {
	await symbiosisItems.replace(db(), opened.assessment.id, listing);
}

/** The firm's province from its profile (a draft has not filed it yet): the province an item defaults to. */
export function firmProvince(opened: Opened): string | undefined {
	return profileFacts(opened.questionnaire, opened.assessment.answers).province;
}

/** The public category list (the API): ids, kinds, waste-list codes, suggested unit, names in every language. */
export function publicCategories() {
	const { source, categories: list } = categories();
	return {
		source: { title: source.title, url: source.url, published: source.published },
		units: SYMBIOSIS_UNITS,
		frequencies: SYMBIOSIS_FREQUENCIES,
		categories: list.map((category) => ({
			id: category.id,
			kind: category.kind,
			name: category.name,
			codes: category.codes ?? [],
			hazardousCodes: category.hazardousCodes ?? [],
			unit: category.unit
		}))
	};
}

/** The choices the step's form offers, in the page's language. */
export function formChoices(locale: Locale) {
	return {
		categories: categories().categories.map((category) => ({
			id: category.id,
			name: localize(category.name, locale),
			unit: category.unit,
			mayBeHazardous: mayBeHazardous(category)
		})),
		units: [...SYMBIOSIS_UNITS],
		frequencies: [...SYMBIOSIS_FREQUENCIES],
		provinces: catalogue().provinces
	};
}

export type SymbiosisChoices = ReturnType<typeof formChoices>;

/**
 * The sides and categories a consenting firm of the same chamber lists, as `side:category`. The firm's own chain is
 * left out (its previous assessment may be the chamber's latest of it); null outside a chamber.
 */
async function counterparts(opened: Opened): Promise<Set<string> | null> {
	const { chamberId, id } = opened.assessment;
	if (chamberId === null) return null;
	const own = new Set(await reassessments.chain(db(), id));
	const items = await symbiosisItems.chamberItems(db(), chamberId);
	return new Set(
		items
			.filter((item) => item.consenting && !own.has(item.assessmentId))
			.map((item) => `${item.side}:${item.category}`)
	);
}

const OTHER_SIDE: Record<SymbiosisSide, SymbiosisSide> = { offer: 'need', need: 'offer' };

/** The listing in one language, each item saying whether its chamber has a match, for the pages and the PDF. */
export async function symbiosisView(opened: Opened, locale: Locale): Promise<SymbiosisView | null> {
	const file = catalogue().symbiosis;
	if (!file) return null;
	const listing = await listingOf(opened);
	const others = await counterparts(opened);
	const provinces = new Map(
		catalogue().provinces.map((province) => [province.code, province.name])
	);
	const home = firmProvince(opened);
	const view =
		(side: SymbiosisSide) =>
		(item: SymbiosisItem): SymbiosisItemView => {
			const category = file.categories.find((entry) => entry.id === item.category);
			const province = item.province ?? home;
			return {
				side,
				category: item.category,
				categoryName: localize(category?.name, locale) ?? item.category,
				quantityPerYear: item.quantityPerYear,
				unit: item.unit,
				frequency: item.frequency ?? null,
				hazardous: item.hazardous ?? null,
				note: item.note ?? null,
				provinceName: province === undefined ? null : (provinces.get(province) ?? province),
				match: others === null ? null : others.has(`${OTHER_SIDE[side]}:${item.category}`)
			};
		};
	return {
		offers: listing.offers.map(view('offer')),
		needs: listing.needs.map(view('need')),
		consentIntroduce: listing.consentIntroduce,
		inChamber: others !== null
	};
}
