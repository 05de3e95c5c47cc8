import { withArea } from '$lib/i18n/pages';
import type { Locale } from '$lib/i18n/locales';
import type { Messages } from '$lib/i18n/translator';

/** A part of the page shown only sometimes: its component, and the area of strings only it shows. */
interface Part<Component> {
	component: () => Promise<{ default: Component }>;
	area: string;
	strings: Record<Locale, () => Promise<{ default: Messages }>>;
}

const symbiosisForm = {
	component: () => import('./SymbiosisStep.svelte'),
	area: 'symbiosis',
	strings: {
		tr: () => import('virtual:i18n-area/tr/symbiosis'),
		en: () => import('virtual:i18n-area/en/symbiosis')
	}
};
const carriedPlan = {
	component: () => import('./CarriedPlan.svelte'),
	area: 'plan',
	strings: {
		tr: () => import('virtual:i18n-area/tr/plan'),
		en: () => import('virtual:i18n-area/en/plan')
	}
};
const versionNote = {
	component: () => import('$lib/components/VersionNote.svelte'),
	area: 'carry_over',
	strings: {
		tr: () => import('virtual:i18n-area/tr/carry_over'),
		en: () => import('virtual:i18n-area/en/carry_over')
	}
};

async function loadPart<Component>(part: Part<Component>, locale: Locale) {
	const [component, strings] = await Promise.all([part.component(), part.strings[locale]()]);
	return { component: component.default, area: part.area, messages: strings.default };
}

/**
 * The parts of a step that few steps show load with their strings only where they show: the symbiosis step's form
 * (one step of the questionnaire), and the plan and the version note of a re-assessment or an older draft. The
 * other steps, which a phone opens one after another, do not download them. The server awaits them before it
 * renders, so the page works without JavaScript.
 */
export const load = async ({ data, parent }) => {
	const { t, locale, carriedOver } = await parent();
	const questions = !data.symbiosis;
	const [symbiosis, plan, note] = await Promise.all([
		data.symbiosis ? loadPart(symbiosisForm, locale) : undefined,
		questions && data.carriedPlan.length > 0 ? loadPart(carriedPlan, locale) : undefined,
		questions && carriedOver ? loadPart(versionNote, locale) : undefined
	]);
	const loaded = [symbiosis, plan, note].filter((part) => part !== undefined);
	return {
		...data,
		SymbiosisStep: symbiosis?.component,
		CarriedPlan: plan?.component,
		VersionNote: note?.component,
		t: loaded.reduce((translate, part) => withArea(translate, locale, part.area, part.messages), t)
	};
};
