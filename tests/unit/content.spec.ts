import { describe, expect, it } from 'vitest';
import { lowestScore, isScored } from '$lib/questionnaire/questions';
import { loadCatalogue } from '$lib/server/content';

// The real content authors ship: these are the promises the product makes about it.
const catalogue = loadCatalogue('questionnaires');
const questionnaire = catalogue.questionnaires.get('green-deal-readiness')!;
const scored = questionnaire.themes.flatMap((theme) => theme.questions.filter(isScored));

function texts(value: unknown): Record<string, string>[] {
	if (Array.isArray(value)) return value.flatMap(texts);
	if (value === null || typeof value !== 'object') return [];
	const entries = Object.values(value);
	const isText =
		entries.length > 0 && entries.every((entry) => typeof entry === 'string') && 'tr' in value;
	return isText ? [value as Record<string, string>] : entries.flatMap(texts);
}

describe('the Green Deal readiness content', () => {
	it('asks 36–50 scored questions over at least six themes, with five levels', () => {
		expect(questionnaire.themes.length).toBeGreaterThanOrEqual(6);
		expect(scored.length).toBeGreaterThanOrEqual(36);
		expect(scored.length).toBeLessThanOrEqual(50);
		expect(questionnaire.levels).toHaveLength(5);
	});

	it('has every text in Turkish and English', () => {
		const all = [...texts(questionnaire), ...texts([...catalogue.resources.values()])];
		expect(all.length).toBeGreaterThan(300);
		const incomplete = all.filter((text) => !text.tr?.trim() || !text.en?.trim());
		expect(incomplete).toEqual([]);
	});

	it('gives every scored question help text', () => {
		expect(scored.filter((question) => !question.help).map((question) => question.id)).toEqual([]);
	});

	it('leads every scored question’s weakest answer to an action', () => {
		const uncovered = scored.filter(
			(question) =>
				!questionnaire.recommendations.some(
					(recommendation) =>
						'question' in recommendation.when &&
						recommendation.when.question === question.id &&
						lowestScore(question) < recommendation.when.below
				)
		);
		expect(uncovered.map((question) => question.id)).toEqual([]);
	});

	it('points every recommendation at resources that exist, from a catalogue of at least 25', () => {
		expect(catalogue.resources.size).toBeGreaterThanOrEqual(25);
		for (const recommendation of questionnaire.recommendations) {
			expect(recommendation.resources.length).toBeGreaterThan(0);
			for (const id of recommendation.resources) expect(catalogue.resources.has(id)).toBe(true);
		}
	});

	it('asks the CBAM market questions only of firms the profile shows exposed', () => {
		const cbam = questionnaire.themes
			.flatMap((theme) => theme.questions)
			.filter((question) => question.id.startsWith('mkt_cbam'));
		expect(cbam.length).toBeGreaterThan(0);
		for (const question of cbam) expect(JSON.stringify(question.showIf)).toContain('cbam_route');
	});

	it('offers all 81 provinces and the size-class roles of the profile', () => {
		expect(catalogue.provinces).toHaveLength(81);
		const roles = questionnaire.profile.questions.map((question) => question.role).filter(Boolean);
		expect(roles).toEqual(
			expect.arrayContaining(['sector', 'employees', 'turnover', 'province', 'company_name'])
		);
	});
});
