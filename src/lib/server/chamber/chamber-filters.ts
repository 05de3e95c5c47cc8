import { z } from 'zod';
import { plainText } from '$lib/text-schema';
import type { StatisticsFilters } from '../aggregates';

const emptyAsUndefined = (value: unknown) => (value === '' || value === null ? undefined : value);
const optional = (schema: z.ZodString) => z.preprocess(emptyAsUndefined, schema.optional());
// The filters are compared with stored values: a NUL would break PostgreSQL's text type (a 500 instead of a 400).
const text = plainText('form.error_control');

/** The filters a view may narrow to, as query parameters; `compare` is not one of them. */
const FILTERS = ['campaign', 'sector', 'size', 'province'] as const;

/**
 * The month period of earlier versions: refused rather than ignored, so that a client never takes all-time figures
 * for a month's.
 */
const GONE = ['from', 'to'] as const;

const gone = z.preprocess(
	emptyAsUndefined,
	z.undefined({ error: 'dashboard.error_no_period' }).optional()
);

/**
 * The dashboard's filters as they arrive in a query string (`?campaign=&sector=&size=&province=&compare=`), shared by
 * the page, the JSON API and the CSV export. At most one filter at a time: two together would make views that nest
 * around small groups (see `singleFilter` in the statistics module). What a filter may reach is decided there,
 * always within the signed-in user's own chamber.
 */
export const filtersQuery = z
	.object({
		campaign: optional(text.max(100)),
		sector: optional(text.max(10)),
		size: optional(text.max(20)),
		province: optional(text.max(3)),
		from: gone,
		to: gone,
		// The comparison with all chambers reads the whole database (about a second at 100,000 assessments), so it is
		// asked for rather than paid on every page view.
		compare: z.preprocess(emptyAsUndefined, z.literal('1').optional())
	})
	.superRefine((query, context) => {
		const set = FILTERS.filter((name) => query[name] !== undefined);
		if (set.length < 2) return;
		for (const name of set) {
			context.addIssue({ code: 'custom', message: 'dashboard.error_one_filter', path: [name] });
		}
	});

export type FiltersQuery = z.infer<typeof filtersQuery>;

/**
 * Reads the filters of a URL; `problems` holds an i18n key per refused field. Then no filter is applied, but `query`
 * keeps what was asked, so that the form shows the choice to correct rather than losing it.
 */
export function readFilters(url: URL): {
	query: FiltersQuery;
	filters: StatisticsFilters;
	compare: boolean;
	problems: Record<string, string>;
} {
	const raw = Object.fromEntries(
		[...FILTERS, ...GONE, 'compare'].map((key) => [key, url.searchParams.get(key)])
	);
	const parsed = filtersQuery.safeParse(raw);
	const problems: Record<string, string> = {};
	for (const issue of parsed.error?.issues ?? []) problems[String(issue.path[0])] ??= issue.message;
	if (!parsed.success) {
		const asked = Object.entries(raw).filter(([, value]) => value !== null && value !== '');
		return {
			query: Object.fromEntries(asked) as FiltersQuery,
			filters: {},
			compare: false,
			problems
		};
	}
	const query = parsed.data;
	return {
		query,
		filters: {
			campaignId: query.campaign,
			sector: query.sector,
			sizeClass: query.size,
			province: query.province
		},
		compare: query.compare === '1',
		problems
	};
}
