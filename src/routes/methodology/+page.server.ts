import type { Locale } from '$lib/i18n/locales';
import { localize } from '$lib/questionnaire/localize';
import { isScored } from '$lib/questionnaire/questions';
import { catalogue, questionnaire } from '$lib/server/content';

// A page to read, with nothing that needs a script: it sends none, as the landing page does.
export const csr = false;

function factorRows(locale: Locale) {
	const factors = catalogue().emissionFactors;
	if (!factors) return null;
	const sourceOf = (id: string) => factors.sources.find((source) => source.id === id);
	return {
		version: factors.version,
		/** The grid average location-based Scope 2 uses, kg CO2e per kWh. */
		gridFactor: factors.sources.find((source) => source.category === 'electricity')?.factor ?? null,
		sources: factors.sources.map((source) => ({
			id: source.id,
			label: localize(source.label, locale),
			scope: source.scope,
			factor: source.factor,
			unit: source.unit,
			year: source.year,
			biogenicCo2: source.biogenicCo2 ?? null,
			reference: { title: localize(source.source.title, locale), url: source.source.url }
		})),
		conversions: factors.conversions.map((conversion) => ({
			id: conversion.id,
			unit: conversion.unit,
			factor: conversion.factor,
			into: sourceOf(conversion.into)?.unit ?? '',
			reference: { title: localize(conversion.source.title, locale), url: conversion.source.url }
		})),
		calorificValues: factors.calorificValues.map((calorific) => ({
			id: calorific.id,
			source: localize(sourceOf(calorific.for)?.label, locale) ?? calorific.for,
			unit: calorific.unit,
			/** The unit of energy the factor is per: kcal for a value in kcal/kg. */
			energy: calorific.unit.split('/')[0],
			factor: calorific.factor,
			reference: { title: localize(calorific.source.title, locale), url: calorific.source.url }
		}))
	};
}

export const load = ({ locals }) => {
	const { locale } = locals;
	const definition = questionnaire();
	const totalWeight = definition.themes.reduce((sum, theme) => sum + theme.weight, 0);
	return {
		/** The questionnaire being explained, in the page's language. */
		questionnaire: {
			title: localize(definition.title, locale),
			description: localize(definition.description, locale),
			version: definition.version
		},
		/** Each theme with its weight, its share of the overall score and how many of its questions are special. */
		themes: definition.themes.map((theme) => ({
			id: theme.id,
			title: localize(theme.title, locale),
			description: localize(theme.description, locale),
			weight: theme.weight,
			share: theme.weight / totalWeight,
			questions: theme.questions.filter(isScored).length,
			notApplicable: theme.questions.filter((question) => question.allowNA).length,
			conditional: theme.questions.filter((question) => question.showIf).length
		})),
		levels: definition.levels.map((level) => ({
			id: level.id,
			name: localize(level.name, locale),
			description: localize(level.description, locale),
			min: level.min,
			max: level.max
		})),
		/** Where the content comes from; secondary sources (news, law firms, consultancies) are labelled. */
		sources: definition.sources.map((source) => ({
			title: localize(source.title, locale),
			url: source.url,
			kind: source.kind
		})),
		recommendations: definition.recommendations.length,
		/** The emission factors of the carbon estimate, each with its source and year. */
		factors: factorRows(locale)
	};
};
