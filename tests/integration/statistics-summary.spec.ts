import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Db } from '$lib/server/db/connect';
import type { ComparedFilter, Firm, NationalGroups } from '$lib/server/aggregates/types';
import { monthInTurkiye } from '$lib/i18n/format';
import { randomAnswers, seededRandom } from '../fixtures/answers';
import { testDatabases } from '../fixtures/databases';
import { insertCampaign, insertChamber, insertSubmitted } from '../fixtures/submitted';

// The service reads the process-wide database; point it at each test database in turn.
let current: Db;
vi.mock('$lib/server/db', () => ({ db: () => current }));
const service = await import('$lib/server/assessment/assessment-service');
const statistics = await import('$lib/server/db/statistics');
const summary = await import('$lib/server/db/statistics-summary');
const consent = await import('$lib/server/db/consent');
const reassessments = await import('$lib/server/db/reassessments');
const planActions = await import('$lib/server/db/plan-actions');
const symbiosis = await import('$lib/server/db/symbiosis');
const { questionnaire } = await import('$lib/server/content');
const { reassess, submitViaApi } = await import('../fixtures/assessment-actions');

/**
 * What the statistics read, scanned from the assessment tables by the rule they always had: per chamber, each
 * firm's latest submitted assessment with a result (none that a later submission re-assesses), with its scores,
 * priorities and plan.
 */
async function scannedFirms(db: Db) {
	const assessments = await db.selectFrom('assessment').selectAll().execute();
	const superseded = new Set(
		assessments.filter((a) => a.status === 'submitted').map((a) => a.previous_id)
	);
	const byId = new Map(assessments.map((a) => [a.id, a]));
	const scores = await db.selectFrom('assessment_score').selectAll().execute();
	const needs = await db.selectFrom('assessment_need').selectAll().orderBy('rank').execute();
	const plans = await db.selectFrom('plan_action').selectAll().execute();
	return assessments
		.filter(
			(a) =>
				a.chamber_id !== null &&
				a.status === 'submitted' &&
				a.submitted_at !== null &&
				a.overall_score !== null &&
				a.level !== null &&
				!superseded.has(a.id)
		)
		.map((a) => {
			const previous = a.previous_id === null ? undefined : byId.get(a.previous_id);
			const started =
				previous?.status === 'submitted' && previous.chamber_id === a.chamber_id
					? previous.overall_score
					: null;
			return {
				id: a.id,
				chamberId: a.chamber_id!,
				firm: {
					campaignId: a.campaign_id,
					sector: a.sector,
					sizeClass: a.size_class,
					province: a.province,
					overall: Number(a.overall_score),
					level: a.level!,
					themes: new Map(
						scores.filter((s) => s.assessment_id === a.id).map((s) => [s.theme_id, s.score])
					),
					scope1: a.scope1_t,
					scope2: a.scope2_t,
					cbam: a.cbam_exposure,
					cbamReadiness: a.cbam_readiness,
					month: monthInTurkiye(a.submitted_at!),
					...(started === null || started === undefined
						? {}
						: { previousOverall: Number(started) }),
					priorities: needs.filter((n) => n.assessment_id === a.id).map((n) => n.recommendation_id),
					plan: new Map(
						plans
							.filter((p) => p.assessment_id === a.id)
							.map((p) => [p.recommendation_id, p.status])
					)
				}
			};
		});
}

/** Every chamber's firms in and outside the compared view, summed from the scan, as `nationalGroups` returns them. */
function scannedNational(
	firms: Awaited<ReturnType<typeof scannedFirms>>,
	compared: ComparedFilter | undefined
): NationalGroups {
	const groups = (members: { inView: boolean; score: number }[]) =>
		[true, false].flatMap((inView) => {
			const scores = members.filter((m) => m.inView === inView).map((m) => m.score);
			return scores.length === 0
				? []
				: [{ inView, firms: scores.length, total: scores.reduce((a, b) => a + b, 0) }];
		});
	const meets = ({ firm }: (typeof firms)[number]) =>
		compared === undefined || firm[compared.name] === compared.value;
	const themes = [...new Set(firms.flatMap(({ firm }) => [...firm.themes.keys()]))];
	return {
		firms: groups(firms.map((f) => ({ inView: meets(f), score: f.firm.overall }))),
		byTheme: new Map(
			themes.map((theme) => [
				theme,
				groups(
					firms
						.filter((f) => f.firm.themes.has(theme))
						.map((f) => ({ inView: meets(f), score: f.firm.themes.get(theme)! }))
				)
			])
		)
	};
}

/** Sums rounded as the published means are, so that sums in tenths and in floating point compare equal. */
function rounded(national: NationalGroups) {
	const round = (groups: NationalGroups['firms']) =>
		groups.map((g) => ({ ...g, total: Math.round(g.total * 10) }));
	return {
		firms: round(national.firms),
		byTheme: [...national.byTheme]
			.map(([theme, groups]) => [theme, round(groups)] as const)
			.sort(([a], [b]) => a.localeCompare(b))
	};
}

/** The summary tables as stored, in a fixed order. */
async function storedSummaries(db: Db) {
	return {
		firms: await db.selectFrom('statistics_firm').selectAll().orderBy('assessment_id').execute(),
		national: await db
			.selectFrom('statistics_national')
			.selectAll()
			.orderBy('dimension')
			.orderBy('value')
			.orderBy('theme_id')
			.execute()
	};
}

/** Each chamber's firms as the statistics read them equal those of the scan from scratch. */
async function expectChamberFirmsMatch(db: Db, scanned: Awaited<ReturnType<typeof scannedFirms>>) {
	const chambers = await db.selectFrom('chamber').select('id').execute();
	await statistics.snapshot(db, async (trx) => {
		for (const { id } of chambers) {
			const read = await statistics.chamberFirms(trx, id);
			const expected = scanned.filter((f) => f.chamberId === id).map((f) => f.firm);
			// Firms in a fixed order: by every fact, their themes and plans being in order too. The listings are
			// read as they always were, from the symbiosis items.
			const key = (firm: Firm) =>
				JSON.stringify(
					Object.entries({
						...firm,
						symbiosis: undefined,
						themes: [...firm.themes].sort(),
						plan: [...firm.plan].sort()
					})
						.filter(([, value]) => value !== undefined)
						.sort()
				);
			const order = (firms: Firm[]) => firms.map(key).sort();
			expect(order(read)).toEqual(order(expected));
		}
	});
}

/**
 * The statistics read through the summaries equal the scan from scratch, for each chamber and for the comparison
 * with all chambers unfiltered and by every sector, size class and province; and the summaries as maintained by
 * the writes equal the summaries derived again from scratch.
 */
async function expectSummariesMatchScan(db: Db) {
	const scanned = await scannedFirms(db);
	await expectChamberFirmsMatch(db, scanned);
	await statistics.snapshot(db, async (trx) => {
		const filters: (ComparedFilter | undefined)[] = [undefined];
		for (const { firm } of scanned) {
			if (firm.sector) filters.push({ name: 'sector', value: firm.sector });
			if (firm.sizeClass) filters.push({ name: 'sizeClass', value: firm.sizeClass });
			if (firm.province) filters.push({ name: 'province', value: firm.province });
		}
		filters.push({ name: 'sector', value: 'no such sector' });
		for (const compared of filters) {
			expect(rounded(await statistics.nationalGroups(trx, compared))).toEqual(
				rounded(scannedNational(scanned, compared))
			);
		}
	});
	const maintained = await storedSummaries(db);
	await db.transaction().execute((trx) => summary.rebuild(trx));
	expect(await storedSummaries(db)).toEqual(maintained);
}

describe.each(testDatabases())('statistics summaries on $name', (target) => {
	beforeAll(async () => {
		current = await target.open();
	});
	afterAll(() => target.close());

	it('stay equal to a scan from scratch through submissions, re-assessments, plans, listings, consent and erasure', async () => {
		const chamberId = await insertChamber(current, 'ankara-tso');
		const campaignId = await insertCampaign(current, chamberId, '2026-01-01T00:00:00.000Z');
		const otherChamber = await insertChamber(current, 'izmir-tso');
		await insertSubmitted(current, {
			chamberId: otherChamber,
			sector: 'C',
			sizeClass: 'small',
			province: '35',
			overall: 61.5,
			themes: { energy: 40.3 },
			submittedAt: '2026-02-01T10:00:00.000Z'
		});
		const links: string[] = [];
		for (let seed = 1; seed <= 4; seed++) {
			const answers = randomAnswers(questionnaire(), seededRandom(seed));
			const link = await service.start({ locale: 'tr', answers, campaignId, chamberId });
			expect((await submitViaApi(link, { consentShareIdentity: true })).status).toBe(200);
			links.push(link);
		}
		await expectSummariesMatchScan(current);

		// A re-assessment: the firm counts with its new result, starting from the old one.
		expect(await reassess(links[0])).toBe(links[0]);
		await expectSummariesMatchScan(current);
		expect((await submitViaApi(links[0])).status).toBe(200);
		await expectSummariesMatchScan(current);

		// Plans made, changed and dropped.
		const second = (await service.open(links[1]))!.assessment.id;
		const action = { owner: 'Üretim müdürü', targetMonth: '2026-06' };
		await planActions.save(current, second, {
			...action,
			recommendationId: 'rec_a',
			status: 'planned'
		});
		await planActions.save(current, second, {
			...action,
			recommendationId: 'rec_a',
			status: 'done'
		});
		await expectSummariesMatchScan(current);
		await planActions.replace(current, second, [
			{ ...action, recommendationId: 'rec_b', status: 'in_progress' }
		]);
		await planActions.remove(current, second, 'rec_b');
		await expectSummariesMatchScan(current);

		// A symbiosis listing, its consent, and the consent to share identity withdrawn.
		const third = (await service.open(links[2]))!.assessment.id;
		const item = { category: 'wood', quantityPerYear: 1, unit: 't' as const };
		await symbiosis.replace(current, third, { offers: [item], needs: [], consentIntroduce: true });
		await symbiosis.replace(current, third, { offers: [], needs: [item], consentIntroduce: false });
		await consent.withdraw(current, [third]);
		await expectSummariesMatchScan(current);

		// Erasing the re-assessment brings the firm's earlier result back; erasing a whole chain removes the firm.
		await service.erase((await service.open(links[0]))!, 'this');
		await expectSummariesMatchScan(current);
		await service.erase((await service.open(links[3]))!, 'all');
		await expectSummariesMatchScan(current);
		// Erasing the first of two: the firm counts with its latest, which no longer started from anything.
		await reassess(links[1]);
		await submitViaApi(links[1]);
		await reassessments.erase(current, [second]);
		await expectSummariesMatchScan(current);
	});

	it('read by two server processes, show each the writes of both at once', async () => {
		const other = target.connectAgain();
		try {
			const chamberId = await insertChamber(current, 'erzurum-tso');
			const campaignId = await insertCampaign(current, chamberId, '2026-03-01T00:00:00.000Z');
			// Both read before and after every write, so each keeps the firms it parsed in between.
			const expectBothMatchScan = async () => {
				const scanned = await scannedFirms(current);
				await expectChamberFirmsMatch(current, scanned);
				await expectChamberFirmsMatch(other, scanned);
			};
			await expectBothMatchScan();
			const links: string[] = [];
			for (const seed of [11, 12]) {
				const answers = randomAnswers(questionnaire(), seededRandom(seed));
				const link = await service.start({ locale: 'tr', answers, campaignId, chamberId });
				expect((await submitViaApi(link)).status).toBe(200);
				links.push(link);
				await expectBothMatchScan();
			}
			const first = (await service.open(links[0]))!.assessment.id;
			await planActions.save(other, first, {
				owner: 'Enerji sorumlusu',
				targetMonth: '2026-09',
				recommendationId: 'rec_a',
				status: 'in_progress'
			});
			await expectBothMatchScan();
			await reassessments.erase(other, [first]);
			await expectBothMatchScan();
		} finally {
			await other.destroy();
		}
	});
});
