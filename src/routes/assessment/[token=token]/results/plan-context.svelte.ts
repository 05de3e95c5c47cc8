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
	readonly #url: () => URL;

	/** Takes getters, so the forms follow the page's data, form and address after each change. */
	constructor(
		data: () => Pick<PageData, 'plan' | 't' | 'locale'>,
		form: () => Refused | null | undefined,
		url: () => URL
	) {
		this.#data = data;
		this.#form = form;
		this.#url = url;
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

	/**
	 * The recommendation whose plan form is drawn: the one just refused, or the one the address asks for
	 * (`?plan=`, from the form's link). Only that form is drawn: a dozen forms folded away on every card made most
	 * of the page's layout and hydration work, and a phone paid for them on every visit.
	 */
	readonly openForm: string | null = $derived.by(
		() => this.refused?.recommendationId ?? this.#url().searchParams.get('plan')
	);

	/**
	 * The address that opens a recommendation's plan form. It names no place on the page: a browser brings the
	 * form's first field into view by focusing it, which it would not do for an address with a fragment.
	 */
	openHref(recommendationId: string): string {
		return `?plan=${encodeURIComponent(recommendationId)}`;
	}

	/** The address that closes the open form, back at `anchor`. */
	closeHref(anchor: string): string {
		return `${this.#url().pathname}#${anchor}`;
	}
}

const KEY = Symbol('plan');

export function providePlan(state: PlanState) {
	setContext(KEY, state);
}

/** The plan, or undefined outside the results page (a card shown elsewhere then offers no plan form). */
export function planContext(): PlanState | undefined {
	return getContext<PlanState | undefined>(KEY);
}
