import { error } from '@sveltejs/kit';
import { createTranslator } from '$lib/i18n';
import { localize } from '$lib/questionnaire/localize';
import { progressOf, stepHeading, stepsOf } from '$lib/questionnaire/steps';
import * as assessmentService from '$lib/server/assessment/assessment-service';
import * as symbiosis from '$lib/server/assessment/symbiosis';
import { mailEnabled, remindersRequested } from '$lib/server/mail/resume-link';

export const load = async ({ params, locals, url, setHeaders }) => {
	const opened = await assessmentService.openForRequest(locals, params.token);
	if (!opened) error(404, 'Not Found');
	// The pages hold a firm's answers under a secret link: keep them out of shared caches and search engines.
	setHeaders({ 'cache-control': 'private, no-store', 'x-robots-tag': 'noindex' });

	const { assessment, questionnaire } = opened;
	const options = symbiosis.stepOptions();
	const progress = new Map(
		progressOf(questionnaire, assessment.answers, options).map((step) => [step.id, step])
	);
	const t = await createTranslator(locals.locale);
	return {
		token: params.token,
		status: assessment.status,
		/** The link that reopens this assessment from any device. */
		resumeUrl: `${url.origin}/assessment/${params.token}`,
		/**
		 * With SMTP_URL set, the firm may mail itself the link: whether reminders can still be asked for (a draft) and
		 * whether they already were. Null without mail: the link is only copied.
		 */
		mail: mailEnabled()
			? {
					draft: assessment.status === 'draft',
					reminders: await remindersRequested(opened)
				}
			: null,
		/** A draft started under an earlier questionnaire version: what changed, for the note on its pages. */
		carriedOver: opened.carriedOver ?? null,
		/** Every step with its title and how far it is, for the progress indicator. */
		steps: stepsOf(questionnaire, options).map((step) => ({
			...progress.get(step.id)!,
			kind: step.kind,
			/**
			 * The symbiosis and review steps' titles are interface strings, named here so that a step page needs none
			 * of their areas (the symbiosis step loads its own with its form: see [step]/+page.ts).
			 */
			title:
				step.kind === 'symbiosis'
					? t('symbiosis.step_title')
					: step.kind === 'review'
						? t('review.title')
						: (localize(stepHeading(questionnaire, step)?.title, locals.locale) ?? '')
		}))
	};
};
