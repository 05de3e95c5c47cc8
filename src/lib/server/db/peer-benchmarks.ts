import type { Db } from './connect';
import { isLatest } from './reassessments';

export interface PeerBenchmark {
	/** How many firms the benchmark is drawn from. */
	firms: number;
	overall: number;
	/** Mean score per theme, only for themes scored by at least the minimum group of firms. */
	themes: Map<string, number>;
}

/**
 * The mean scores of the SME's peers: other submitted assessments of the same questionnaire, sector and size class.
 * A firm that re-assessed counts once, with its latest result. Nothing is returned for a group smaller than
 * `minGroupSize`, so no single firm's scores can be read from it.
 */
export async function find(
	db: Db,
	peers: { questionnaireId: string; sector: string; sizeClass: string; excludeId: string },
	minGroupSize: number
): Promise<PeerBenchmark | undefined> {
	const group = db
		.selectFrom('assessment as a')
		.where('a.status', '=', 'submitted')
		.where('a.questionnaire_id', '=', peers.questionnaireId)
		.where('a.sector', '=', peers.sector)
		.where('a.size_class', '=', peers.sizeClass)
		.where('a.id', '!=', peers.excludeId)
		.where(isLatest);
	const totals = await group
		.select((eb) => [
			eb.fn.countAll<number>().as('firms'),
			eb.fn.avg<number>('a.overall_score').as('overall')
		])
		.executeTakeFirstOrThrow();
	if (Number(totals.firms) < minGroupSize) return undefined;
	const themes = await group
		.innerJoin('assessment_score as s', 's.assessment_id', 'a.id')
		.select((eb) => [
			's.theme_id',
			eb.fn.countAll<number>().as('firms'),
			eb.fn.avg<number>('s.score').as('mean')
		])
		.groupBy('s.theme_id')
		.execute();
	return {
		firms: Number(totals.firms),
		overall: Number(totals.overall),
		themes: new Map(
			themes
				.filter((theme) => Number(theme.firms) >= minGroupSize)
				.map((theme) => [theme.theme_id, Number(theme.mean)])
		)
	};
}
