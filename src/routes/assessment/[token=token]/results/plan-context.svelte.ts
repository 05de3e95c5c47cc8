import { getContext, setContext } from 'svelte';
import { formFeedback, type FormFeedback } from '$lib/form-feedback';
import { formatMonth } from '$lib/i18n/format';
import { presentPlan } from '$lib/presenters/plan';
import type { PageData } from './$types';

/** A refused plan form as the action returns it: `fail(400, { plan: { values, errors } })`. */
type Refused = { plan?: { values: Record<string, string>; errors: Record<string, string> } };

/**
 * The plan as every plan form of the results page sees it, provided once by the page: the recommendation cards sit
 * at several depths (priorities, themes) and should not each be handed the plan through their parents.
 */
export class PlanState {
	readonly #data: () => Pick<PageData, 'plan' | 't' | 'locale'>;
	readonly #form: () => Refused | null | undefined;

	/** Takes getters, so the forms follow the page's data and form after each change. */
	constructor(
		data: () => Pick<PageData, 'plan' | 't' | 'locale'>,
		form: () => Refused | null | undefined
	) {
		this.#data = data;
		this.#form = form;
	}

	/** The plan in the page's language. */
	readonly plan = $derived.by(() => {
		const data = this.#data();
		return presentPlan(data.plan.actions, data.t, data.locale);
	});

	/** The recommendations a card may add: those this assessment fired. */
	get recommendable(): string[] {
		return this.#data().plan.recommendable;
	}

	/**
	 * The target months the form offers (`2027-03`), each in words: worded once for all the page's plan forms (each
	 * card has one, and wording them per form took a tenth of the results page's server time).
	 */
	readonly months: { value: string; text: string }[] = $derived.by(() => {
		const { plan, locale } = this.#data();
		return plan.months.map((month) => ({ value: month, text: formatMonth(locale, month) }));
	});

	/** The plan form the server refused last, by its recommendation, with what was typed and each problem. */
	readonly refused: (FormFeedback & { recommendationId: string }) | null = $derived.by(() => {
		const problems = this.#form()?.plan;
		if (!problems) return null;
		const feedback = formFeedback(problems, this.#data().t);
		return { ...feedback, recommendationId: feedback.values.recommendationId ?? '' };
	});
}

const KEY = Symbol('plan');

export function providePlan(state: PlanState) {
	setContext(KEY, state);
}

/** The plan, or undefined outside the results page (a card shown elsewhere then offers no plan form). */
export function planContext(): PlanState | undefined {
	return getContext<PlanState | undefined>(KEY);
}
