import { localize } from '$lib/questionnaire/localize';
import { isScored } from '$lib/questionnaire/questions';
import { questionnaire } from '$lib/server/questionnaires';

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
		sources: definition.sources.map((source) => ({
			title: localize(source.title, locale),
			url: source.url
		})),
		recommendations: definition.recommendations.length
	};
};
