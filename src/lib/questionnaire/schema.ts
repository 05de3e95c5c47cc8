import { z } from 'zod';
import { SCORE_MAX } from './constants';

/**
 * The shape of the files in `questionnaires/`. Objects are strict, so a misspelt key (`requried`) is an error rather
 * than a silently ignored setting. Rules that look across the file (duplicate ids, translations, references) are in
 * check.ts.
 */

export { NOT_APPLICABLE, SCORE_MAX } from './constants';

const id = z.string().regex(/^[a-z][a-z0-9_]*$/, 'use lower case letters, digits and _');
const optionId = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_-]*$/, 'use letters, digits, _ and -');
const resourceId = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'use lower case letters, digits and -');

/** A text in every language of the questionnaire: `{ tr: …, en: … }`. */
export const text = z.record(z.string(), z.string().trim().min(1, 'must not be empty'));
export type Text = z.infer<typeof text>;

/** primary: the law, the ministry or the programme's owner; secondary: news, a law firm, a consultancy. */
export const sourceKinds = ['primary', 'secondary'] as const;
export type SourceKind = (typeof sourceKinds)[number];

const score = z
	.number({ error: 'expected a number' })
	.min(0, `must be between 0 and ${SCORE_MAX}`)
	.max(SCORE_MAX, `must be between 0 and ${SCORE_MAX}`);

export type Condition =
	| { question: string; equals: string | boolean }
	| { question: string; in: string[] }
	| { question: string; includes: string }
	| { all: Condition[] }
	| { any: Condition[] };

export const condition: z.ZodType<Condition> = z.lazy(() =>
	z.union([
		z.strictObject({ question: id, equals: z.union([z.string(), z.boolean()]) }),
		z.strictObject({ question: id, in: z.array(z.string()).min(1) }),
		z.strictObject({ question: id, includes: z.string() }),
		z.strictObject({ all: z.array(condition).min(1) }),
		z.strictObject({ any: z.array(condition).min(1) })
	])
);

export const roles = [
	'company_name',
	'contact_email',
	'sector',
	'employees',
	'turnover',
	'province',
	// What the CBAM screen reads (see src/lib/carbon/cbam.ts).
	'exports_eu',
	'cbam_goods',
	'cbam_route',
	'cbam_sectors',
	'cbam_tonnage',
	'cbam_data',
	// What the VSME data sheet reads (B7, see src/lib/carbon/vsme.ts).
	'circular_economy'
] as const;
export type Role = (typeof roles)[number];

const option = z.strictObject({
	id: optionId,
	label: text,
	score: score.optional(),
	/** For the `employees` and `turnover` roles: the KOBİ size class this band falls in. */
	sizeClass: id.optional(),
	/**
	 * For the `employees` and `turnover` roles: the figure the carbon intensities use when the band is all that is
	 * known (the band's middle; an open band's lower limit), so the energy step need not ask the figure again.
	 */
	estimate: z.number().positive().optional(),
	/** "None of these": cannot be chosen together with other options of a multi question. */
	exclusive: z.boolean().optional()
});
export type Option = z.infer<typeof option>;

const common = {
	id,
	text,
	help: text.optional(),
	required: z.boolean().default(true),
	allowNA: z.boolean().default(false),
	weight: z.number().positive().default(1),
	/**
	 * The weight for firms of a KOBİ size class, instead of `weight` (`{ micro: 0, small: 0.5 }`). 0 leaves the question
	 * out for that class, like "not applicable": a certification a micro firm is not expected to hold never lowers its
	 * score (nor raises it).
	 */
	weightBySize: z.record(z.string(), z.number().min(0)).optional(),
	showIf: condition.optional(),
	role: z.enum(roles).optional()
};

const singleQuestion = z.strictObject({
	...common,
	type: z.literal('single'),
	options: z.array(option).min(2).optional(),
	/** Fills the options from another file instead of listing them (`provinces`). */
	optionsFrom: z.literal('provinces').optional()
});

const multiQuestion = z.strictObject({
	...common,
	type: z.literal('multi'),
	options: z.array(option).min(2),
	max: score.default(SCORE_MAX)
});

const scaleQuestion = z.strictObject({
	...common,
	type: z.literal('scale'),
	scaleLabels: z.strictObject({ low: text, high: text })
});

const yesnoQuestion = z.strictObject({
	...common,
	type: z.literal('yesno'),
	scores: z.strictObject({ yes: score, no: score }).default({ yes: SCORE_MAX, no: 0 })
});

const numberQuestion = z.strictObject({
	...common,
	type: z.literal('number'),
	unit: text.optional(),
	min: z.number().default(0),
	max: z.number(),
	integer: z.boolean().default(false),
	/** The emission source, conversion or fact of emission-factors.yaml this answer feeds (`diesel`, `natural_gas_sm3`). */
	carbon: id.optional()
});

const textQuestion = z.strictObject({
	...common,
	type: z.literal('text'),
	format: z.literal('email').optional(),
	maxLength: z.number().int().positive().max(2000).default(200)
});

export const question = z.discriminatedUnion('type', [
	singleQuestion,
	multiQuestion,
	scaleQuestion,
	yesnoQuestion,
	numberQuestion,
	textQuestion
]);
export type Question = z.infer<typeof question>;
export type QuestionType = Question['type'];

const theme = z.strictObject({
	id,
	title: text,
	description: text,
	weight: z.number().positive(),
	colour: z.string().regex(/^#[0-9a-fA-F]{6}$/, 'expected a colour such as #1f6f8b'),
	questions: z.array(question).min(1)
});
export type Theme = z.infer<typeof theme>;

/** A step of unscored questions (the company profile, the energy figures). */
const section = z.strictObject({
	title: text,
	description: text.optional(),
	questions: z.array(question)
});
const level = z.strictObject({
	id,
	min: z.number().min(0).max(100),
	max: z.number().min(0).max(100),
	name: text,
	description: text
});
export type Level = z.infer<typeof level>;

export const impacts = ['low', 'medium', 'high'] as const;
export type Grade = (typeof impacts)[number];

/** What a recommendation costs: a quick win (staff time, no purchase), a low cost, or an investment. */
export const costClasses = ['quick_win', 'low_cost', 'investment'] as const;
export type CostClass = (typeof costClasses)[number];
/** When it pays back: within months, within years, or never in money because the market or the law requires it. */
export const paybacks = ['months', 'years', 'compliance'] as const;
export type Payback = (typeof paybacks)[number];

const recommendation = z.strictObject({
	id,
	theme: id,
	when: z.union([
		z.strictObject({ question: id, below: z.number().positive() }),
		z.strictObject({ theme: id, below: z.number().positive().max(100) })
	]),
	/** The action is already done when any of these questions scores at least this much: it does not fire. */
	unless: z.array(z.strictObject({ question: id, atLeast: z.number().positive() })).optional(),
	/** Prerequisites: when one of these fires too, this one always ranks after it. */
	after: z.array(id).default([]),
	impact: z.enum(impacts),
	effort: z.enum(impacts),
	cost: z.enum(costClasses),
	payback: z.enum(paybacks),
	title: text,
	text,
	resources: z.array(resourceId).min(1, 'point to at least one resource')
});
export type Recommendation = z.infer<typeof recommendation>;

export const questionnaireFile = z.strictObject({
	id: z.string().regex(/^[a-z][a-z0-9-]*$/, 'use lower case letters, digits and -'),
	version: z.string().regex(/^\d+\.\d+\.\d+$/, 'expected a version such as 1.0.0'),
	locales: z.array(z.string()).min(1),
	title: text,
	description: text,
	sources: z.array(
		z.strictObject({
			title: text,
			url: z.url({ protocol: /^https?$/ }),
			kind: z.enum(sourceKinds)
		})
	),
	sizeClasses: z.array(z.strictObject({ id, label: text })).min(1),
	profile: section,
	themes: z.array(theme).min(1),
	/** Optional energy figures for the carbon estimate: a step after the themes, never scored. */
	energy: section.optional(),
	levels: z.array(level).min(1),
	recommendations: z.array(recommendation)
});
export type Questionnaire = z.infer<typeof questionnaireFile>;

export const resourceTypes = [
	'guide',
	'training',
	'support_programme',
	'finance',
	'standard',
	'regulation',
	'tool',
	'event',
	/** A development agency, chamber or OSB: a body to contact, whose calls come and go. */
	'organisation'
] as const;

/** Resource types that offer money or a service, and so must say what kind and whether a call is open. */
export const supportTypes: readonly ResourceType[] = ['support_programme', 'finance'];
/** Resource types that may state a support status without having to (an agency's calls come and go). */
export const optionalSupportTypes: readonly ResourceType[] = ['organisation'];
export type ResourceType = (typeof resourceTypes)[number];

export const supportKinds = [
	'grant',
	'repayable',
	'loan',
	'mentoring',
	'guarantee',
	'advisory'
] as const;
/**
 * open: applications accepted until `period.until`; closed: none now; expected: a call has been announced;
 * rolling: no calls, apply any time (a bank's credit line); unknown: not confirmed from a primary source.
 */
export const supportCalls = ['open', 'closed', 'expected', 'rolling', 'unknown'] as const;

const isoDate = z.iso.date('expected a date such as 2026-11-22');

/** What a support programme or finance line offers and the state of its call, as read on `asOf`. */
const support = z.strictObject({
	kind: z.enum(supportKinds),
	call: z.enum(supportCalls),
	period: z.strictObject({ from: isoDate.optional(), until: isoDate.optional() }).optional(),
	asOf: isoDate
});
export type Support = z.infer<typeof support>;

const plateCode = z.string().regex(/^\d{2}$/, "expected a two-digit plate code such as '34'");
const regionCode = z
	.string()
	.regex(/^TR[0-9A-C][0-9]$/, 'expected a NUTS-2 region code such as TRA1');

/**
 * Where a resource applies: `national`, a list of provinces (plate codes) or a development-agency region (NUTS-2,
 * expanded from regions.yaml). A firm never sees a resource scoped to somewhere else.
 */
export const resourceScope = z.union(
	[
		z.literal('national'),
		z.strictObject({ provinces: z.array(plateCode).min(1) }),
		z.strictObject({ region: regionCode })
	],
	{ error: "expected national, { provinces: ['39'] } or { region: TRA1 }" }
);
export type ResourceScope = z.infer<typeof resourceScope>;

const resource = z.strictObject({
	id: resourceId,
	title: text,
	description: text,
	provider: text,
	type: z.enum(resourceTypes),
	source: z.enum(sourceKinds),
	support: support.optional(),
	themes: z.array(id).min(1),
	languages: z.array(z.string()).min(1),
	scope: resourceScope,
	/** NACE sections or divisions (the profile's `sector` and division option ids) it is limited to. */
	sectors: z.array(optionId).min(1).optional(),
	/** Size classes (the questionnaire's `sizeClasses` ids) it is limited to. */
	sizeClasses: z.array(id).min(1).optional(),
	/** The last day it is shown (a call's deadline); it disappears the day after. */
	validUntil: isoDate.optional(),
	/** Only an organisation whose web address could not be verified may have none: it is named without a link. */
	url: z.url({ protocol: /^https$/, error: 'expected an https address' }).optional(),
	/** The day the page was read for this catalogue; not a promise that it is unchanged since. */
	retrieved: isoDate
});
export type Resource = z.infer<typeof resource>;

export const resourcesFile = z.strictObject({ resources: z.array(resource).min(1) });

/** A development-agency region (İBBS Düzey 2) of Law 5449's annex: its agency and the provinces it serves. */
const region = z.strictObject({
	code: regionCode,
	/** The development agency's name. */
	name: text,
	provinces: z.array(plateCode).min(1)
});
export type Region = z.infer<typeof region>;

export const regionsFile = z.strictObject({ regions: z.array(region).min(1) });

const province = z
	.strictObject({
		code: plateCode,
		name: z.string().trim().min(1),
		/** The provincial capital's latitude and longitude (degrees, within Türkiye): how far apart two provinces are. */
		lat: z.number().min(35).max(43).optional(),
		lon: z.number().min(25).max(45).optional()
	})
	.refine((entry) => (entry.lat === undefined) === (entry.lon === undefined), {
		message: 'give both lat and lon, or neither',
		path: ['lat']
	});
export type Province = z.infer<typeof province>;

export const provincesFile = z.strictObject({ provinces: z.array(province).min(1) });
