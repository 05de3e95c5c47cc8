import type { Translate } from '$lib/i18n';
import type { SourceKind, Support } from '$lib/questionnaire/schema';

/** A catalogue resource in the reader's language, as the server hands it to the presenters. */
export interface LinkedResource {
	id: string;
	title: string;
	provider: string;
	/** None for an organisation whose web address could not be verified: it is named without a link. */
	url?: string;
	source: SourceKind;
	support?: Support;
	/** The page's languages when the reader's is not among them (a link then says "İngilizce"), else empty. */
	otherLanguages: string[];
}

/** A resource of the catalogue as a link, with what follows it in muted text. */
export interface ResourceLink {
	id: string;
	title: string;
	/** None: shown as plain text, and the note says the address could not be verified. */
	url?: string;
	/** Provider, support status, "secondary source" and the page's language: `KOSGEB · Geri ödemeli destek · …`. */
	note: string;
}

// Dates go through i18next's Intl formatter, so they follow the translator's language without a locale argument.
const longDate = { dateStyle: 'long', timeZone: 'UTC' };

/**
 * What a support programme or finance line offers and the state of its call: "Geri ödemeli destek · Çağrı kapandı
 * (30 Kasım 2024)". The one wording of a support status for the resources page, the results page and the PDF.
 */
export function supportStatus(support: Support, t: Translate): string {
	const until = support.period?.until;
	const call =
		(support.call === 'open' || support.call === 'closed') && until
			? t(`resources.call_${support.call}_until`, {
					date: new Date(until),
					formatParams: { date: longDate }
				})
			: t(`resources.call_${support.call}`);
	return `${t(`resources.support_${support.kind}`)} · ${call}`;
}

/** "Status as of 26 November 2026": the day the support status was read. */
export function supportAsOf(support: Support, t: Translate): string {
	return t('resources.status_as_of', {
		date: new Date(support.asOf),
		formatParams: { date: longDate }
	});
}

/** "Read on 22 November 2026": the day the page was read for the catalogue, not a check that it still holds. */
export function retrievedOn(retrieved: string, t: Translate): string {
	return t('resources.retrieved', { date: new Date(retrieved), formatParams: { date: longDate } });
}

/** The names of the languages a page is written in: "İngilizce". */
export function resourceLanguages(languages: readonly string[], t: Translate): string {
	return languages.map((language) => t(`resources.language_${language}`)).join(', ');
}

/**
 * A resource as a link of a recommendation or a CBAM action. The note names the provider and the support status,
 * labels a secondary source, and names the page's language where it is not the reader's.
 */
export function presentResourceLink(resource: LinkedResource, t: Translate): ResourceLink {
	const note = [
		// An organisation is its own provider: its name is not repeated.
		resource.provider !== resource.title && resource.provider,
		resource.support && supportStatus(resource.support, t),
		resource.source === 'secondary' && t('resources.source_secondary'),
		resource.url ? resourceLanguages(resource.otherLanguages, t) : t('resources.no_url')
	].filter((part): part is string => typeof part === 'string' && part !== '');
	return { id: resource.id, title: resource.title, url: resource.url, note: note.join(' · ') };
}
