import { z } from 'zod';
import { plainText } from '$lib/text';
import type { StatisticsFilters } from './aggregates';

const emptyAsUndefined = (value: unknown) => (value === '' || value === null ? undefined : value);
const optional = (schema: z.ZodString) => z.preprocess(emptyAsUndefined, schema.optional());
// The filters are compared with stored values: a NUL would break PostgreSQL's text type (a 500 instead of a 400).
const text = plainText('form.error_control');

/**
 * A calendar month (`2026-03`). Periods are whole months: with single days, two views a day apart would differ by
 * the firms of that one day, so the statistics module withholds almost every dated view (see its `periodUnit`).
 */
const month = z.preprocess(
	emptyAsUndefined,
	z
		.string()
		.regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'dashboard.error_month')
		.optional()
);

/**
 * The dashboard's filters as they arrive in a query string (`?campaign=&sector=&size=&province=&from=&to=&compare=`),
 * shared by the page, the JSON API and the CSV export. Only their shape is checked here; what they may reach is
 * decided by the statistics module, always within the signed-in user's own chamber.
 */
export const filtersQuery = z
	.object({
		campaign: optional(text.max(100)),
		sector: optional(text.max(10)),
		size: optional(text.max(20)),
		province: optional(text.max(3)),
		from: month,
		to: month,
		// The comparison with all chambers reads the whole database (about a second at 100,000 assessments), so it is
		// asked for rather than paid on every page view.
		compare: z.preprocess(emptyAsUndefined, z.literal('1').optional())
	})
	.refine((query) => !query.from || !query.to || query.from <= query.to, {
		message: 'dashboard.error_period',
		path: ['to']
	});

export type FiltersQuery = z.infer<typeof filtersQuery>;

/** The last day of a month `YYYY-MM`, as `YYYY-MM-DD`. */
function lastDay(month: string): string {
	const [year, number] = month.split('-').map(Number);
	return new Date(Date.UTC(year, number, 0)).toISOString().slice(0, 10);
}

/** Reads the filters of a URL; `problems` holds an i18n key per refused field (then no filter is applied). */
export function readFilters(url: URL): {
	query: FiltersQuery;
	filters: StatisticsFilters;
	compare: boolean;
	problems: Record<string, string>;
} {
	const raw = Object.fromEntries(
		['campaign', 'sector', 'size', 'province', 'from', 'to', 'compare'].map((key) => [
			key,
			url.searchParams.get(key)
		])
	);
	const parsed = filtersQuery.safeParse(raw);
	const problems: Record<string, string> = {};
	if (!parsed.success) {
		for (const issue of parsed.error.issues) problems[String(issue.path[0])] ??= issue.message;
	}
	const query: FiltersQuery = parsed.success ? parsed.data : {};
	return {
		query,
		filters: {
			campaignId: query.campaign,
			sector: query.sector,
			sizeClass: query.size,
			province: query.province,
			from: query.from && `${query.from}-01`,
			to: query.to && lastDay(query.to)
		},
		compare: query.compare === '1',
		problems
	};
}
