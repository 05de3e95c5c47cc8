import { performance } from 'node:perf_hooks';
import { loadCatalogue, questionnaire } from '../../src/lib/server/content';
import { scoreAnswers } from '../../src/lib/scoring/score';
import { randomAnswers, seededRandom } from '../../tests/fixtures/answers';

const median = (values: number[]) =>
	[...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** Milliseconds to read, parse and cross-check every file of questionnaires/ (median of 20 runs). */
export function measureLoad(): number {
	const times = Array.from({ length: 20 }, () => {
		const start = performance.now();
		loadCatalogue();
		return performance.now() - start;
	});
	return median(times);
}

/** Answer sets scored per second, over 10,000 random complete answer sets. */
export function measureScoring(count = 10_000): number {
	const definition = questionnaire();
	const random = seededRandom(20261122);
	const answerSets = Array.from({ length: count }, () => randomAnswers(definition, random));
	const start = performance.now();
	for (const answers of answerSets) scoreAnswers(definition, answers);
	return count / ((performance.now() - start) / 1000);
}
